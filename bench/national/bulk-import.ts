import { generatePopulation } from '../../services/register/demo/population.js';
import { runDemo } from '../../services/register/demo/run-demo.js';
import type { SqliteEventStore } from '../../services/register/store/sqlite.js';
import { round } from '../machine.js';
import { createStagingStore } from './staging-store.js';

/** What the load leaves for the later phases: ids, cards and municipalities to query. */
export interface PopulationSample {
  readonly residentIds: string[];
  readonly cardNumbers: string[];
  readonly municipalities: string[];
}

export interface BulkImportFigures {
  readonly residents: number;
  readonly commands: number;
  readonly events: number;
  readonly rejected: number;
  /** The first refusals (a generator or decider bug to look into): resident index, command, code. */
  readonly rejections: readonly string[];
  readonly seconds: number;
  /** End to end: generate, decide (through the command handler) and append. */
  readonly eventsPerSecond: number;
  /** Time inside `appendMany` only: what the store takes for already-decided events. */
  readonly appendSeconds: number;
  readonly appendEventsPerSecond: number;
  readonly decideSeconds: number;
  readonly eventsPerResident: number;
  /** Share of each event type in the log (the generator's lifecycle mix, measured). */
  readonly eventMix: Record<string, number>;
}

const SAMPLE = 2000;

const sampler = () => {
  const sample: PopulationSample = { residentIds: [], cardNumbers: [], municipalities: [] };
  const mix = new Map<string, number>();
  const take = (list: string[], value: unknown): void => {
    if (typeof value === 'string' && list.length < SAMPLE && !list.includes(value)) list.push(value);
  };
  const see = (residentId: string, type: string, data: Record<string, unknown>): void => {
    mix.set(type, (mix.get(type) ?? 0) + 1);
    if (type === 'ResidenceCardIssued') take(sample.cardNumbers, data.cardNumber);
    if (type === 'LandingPermitted' || type === 'ResidenceCardIssued') take(sample.residentIds, residentId);
    const address = data.address;
    if (typeof address === 'object' && address !== null && 'municipalityCode' in address) take(sample.municipalities, address.municipalityCode);
  };
  return { sample, mix, see };
};

/**
 * Phase (b): the generated population decided through the real command handler against a staging
 * store, then appended to the SQLite log in one transaction per batch of residents (`appendMany`).
 */
export const bulkImport = async (
  store: SqliteEventStore, options: { residents: number; seed: string; batch: number }, onProgress?: (residents: number, events: number) => void,
): Promise<{ figures: BulkImportFigures; sample: PopulationSample }> => {
  const started = performance.now();
  const { sample, mix, see } = sampler();
  let appendMs = 0;
  let residents = 0;
  let commands = 0;
  let events = 0;
  let rejected = 0;
  const rejections: string[] = [];
  for (let first = 0; first < options.residents; first += options.batch) {
    const staging = createStagingStore();
    const count = Math.min(options.batch, options.residents - first);
    const result = await runDemo(generatePopulation({ residents: count, seed: options.seed, firstIndex: first }), { store: staging });
    residents += result.residents;
    commands += result.commands;
    rejected += result.rejected;
    result.rejections.slice(0, 20 - rejections.length).forEach((r) => rejections.push(`resident #${r.residentIndex} ${r.commandType} at ${r.recordedAt}: ${r.code} ${r.message}`));
    const appends = staging.drain();
    appends.forEach((a) => a.events.forEach((e) => see(a.streamId.slice('resident-'.length), e.type, e.data)));
    const t0 = performance.now();
    await store.appendMany(appends);
    appendMs += performance.now() - t0;
    events += result.eventsAppended;
    onProgress?.(residents, events);
  }
  const seconds = (performance.now() - started) / 1000;
  const eventMix = Object.fromEntries([...mix].sort((a, b) => b[1] - a[1]).map(([type, n]) => [type, round(n / Math.max(1, events), 4)]));
  return {
    sample,
    figures: {
      residents, commands, events, rejected, rejections, seconds: round(seconds, 1), eventsPerSecond: Math.round(events / seconds),
      appendSeconds: round(appendMs / 1000, 1), appendEventsPerSecond: Math.round(events / (appendMs / 1000)),
      decideSeconds: round(seconds - appendMs / 1000, 1), eventsPerResident: round(events / Math.max(1, residents), 2), eventMix,
    },
  };
};
