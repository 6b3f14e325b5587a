import { generatePopulation } from '../../services/register/demo/population.js';
import { runDemo } from '../../services/register/demo/run-demo.js';
import type { StreamAppend } from '../../services/register/store/sqlite.js';
import { createStagingStore } from './staging-store.js';

/** What the load leaves for the later phases: ids, cards and municipalities to query. */
export interface PopulationSample {
  readonly residentIds: string[];
  readonly cardNumbers: string[];
  readonly municipalities: string[];
}

export const SAMPLE_SIZE = 2000;
/** Refusals listed (each one a generator or decider bug to look into). */
export const REJECTIONS_LISTED = 20;

/** One batch of residents: `count` residents from index `first` of the population of `seed`. */
export interface BatchJob {
  readonly seed: string;
  readonly first: number;
  readonly count: number;
}

/** A decided batch: the streams to append whole, and its figures. */
export interface BatchOutcome {
  readonly first: number;
  readonly residents: number;
  readonly commands: number;
  readonly events: number;
  readonly rejected: number;
  readonly rejections: string[];
  readonly appends: StreamAppend[];
  /** Events of each type in this batch. */
  readonly eventCounts: Record<string, number>;
  /** This batch's candidates for the sample, in log order, at most SAMPLE_SIZE of each. */
  readonly sample: PopulationSample;
  /** Time spent generating and deciding this batch. */
  readonly decideMs: number;
}

/** Adds `value` to `list` if it is a string not there yet and the list has room. */
export const takeInto = (list: string[], value: unknown): void => {
  if (typeof value === 'string' && list.length < SAMPLE_SIZE && !list.includes(value)) list.push(value);
};

const observe = (appends: readonly StreamAppend[]) => {
  const sample: PopulationSample = { residentIds: [], cardNumbers: [], municipalities: [] };
  const eventCounts: Record<string, number> = {};
  for (const { streamId, events } of appends) {
    const residentId = streamId.slice('resident-'.length);
    for (const { type, data } of events) {
      eventCounts[type] = (eventCounts[type] ?? 0) + 1;
      if (type === 'ResidenceCardIssued') takeInto(sample.cardNumbers, data.cardNumber);
      if (type === 'LandingPermitted' || type === 'ResidenceCardIssued') takeInto(sample.residentIds, residentId);
      const address = data.address;
      if (typeof address === 'object' && address !== null && !Array.isArray(address)) takeInto(sample.municipalities, address.municipalityCode);
    }
  }
  return { sample, eventCounts };
};

/**
 * Generates and decides one batch through the real command handler against its own staging store
 * (every event produced by `decide`), deterministic from the seed and the residents' indexes.
 */
export const decideBatch = async (job: BatchJob): Promise<BatchOutcome> => {
  const t0 = performance.now();
  const staging = createStagingStore();
  const result = await runDemo(generatePopulation({ residents: job.count, seed: job.seed, firstIndex: job.first }), { store: staging });
  const appends = staging.drain();
  const { sample, eventCounts } = observe(appends);
  return {
    first: job.first, residents: result.residents, commands: result.commands, events: result.eventsAppended, rejected: result.rejected,
    rejections: result.rejections.slice(0, REJECTIONS_LISTED).map((r) => `resident #${r.residentIndex} ${r.commandType} at ${r.recordedAt}: ${r.code} ${r.message}`),
    appends, eventCounts, sample, decideMs: performance.now() - t0,
  };
};
