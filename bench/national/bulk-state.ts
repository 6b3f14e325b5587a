import { z } from 'zod';
import { round } from '../machine.js';
import { REJECTIONS_LISTED, takeInto, type BatchOutcome } from './bulk-batch.js';

/**
 * The bulk import's cumulative progress after its last appended batch, JSON as it is: a harness
 * writes it to a file after each batch (`onBatch`) and hands it back (`resume`) after an interruption.
 */
export const BulkImportStateSchema = z.object({
  version: z.literal(1),
  seed: z.string(),
  /** Residents 0 … residentsDone-1 are in the log. */
  residentsDone: z.number().int().nonnegative(),
  commands: z.number().int().nonnegative(),
  events: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  rejections: z.array(z.string()),
  /** Wall time of the import over every attempt (not the time between them). */
  elapsedMs: z.number().nonnegative(),
  appendMs: z.number().nonnegative(),
  /** Time spent generating and deciding, summed over the batches (over the workers). */
  decideMs: z.number().nonnegative(),
  eventCounts: z.record(z.string(), z.number().int().nonnegative()),
  sample: z.object({ residentIds: z.array(z.string()), cardNumbers: z.array(z.string()), municipalities: z.array(z.string()) }),
  /** Batches found already in the log on resuming (appended before a crash, not yet in the saved state). */
  batchesFoundInLog: z.number().int().nonnegative(),
});
export type BulkImportState = z.infer<typeof BulkImportStateSchema>;

export const initialState = (seed: string): BulkImportState => ({
  version: 1, seed, residentsDone: 0, commands: 0, events: 0, rejected: 0, rejections: [], elapsedMs: 0, appendMs: 0, decideMs: 0,
  eventCounts: {}, sample: { residentIds: [], cardNumbers: [], municipalities: [] }, batchesFoundInLog: 0,
});

/** The state with one more batch in the log; the sample keeps the first values in log order. */
export const withBatch = (state: BulkImportState, batch: BatchOutcome, appendMs: number, foundInLog: boolean): BulkImportState => {
  const sample = { residentIds: [...state.sample.residentIds], cardNumbers: [...state.sample.cardNumbers], municipalities: [...state.sample.municipalities] };
  batch.sample.residentIds.forEach((v) => takeInto(sample.residentIds, v));
  batch.sample.cardNumbers.forEach((v) => takeInto(sample.cardNumbers, v));
  batch.sample.municipalities.forEach((v) => takeInto(sample.municipalities, v));
  const eventCounts = { ...state.eventCounts };
  Object.entries(batch.eventCounts).forEach(([type, n]) => {
    eventCounts[type] = (eventCounts[type] ?? 0) + n;
  });
  return {
    ...state,
    residentsDone: batch.first + batch.residents,
    commands: state.commands + batch.commands,
    events: state.events + batch.events,
    rejected: state.rejected + batch.rejected,
    rejections: [...state.rejections, ...batch.rejections].slice(0, REJECTIONS_LISTED),
    appendMs: state.appendMs + appendMs,
    decideMs: state.decideMs + batch.decideMs,
    eventCounts, sample,
    batchesFoundInLog: state.batchesFoundInLog + (foundInLog ? 1 : 0),
  };
};

export interface BulkImportFigures {
  readonly residents: number;
  readonly commands: number;
  readonly events: number;
  readonly rejected: number;
  /** The first refusals (a generator or decider bug to look into): resident index, command, code. */
  readonly rejections: readonly string[];
  /** Wall time of the import (over every attempt when resumed). */
  readonly seconds: number;
  /** End to end: generate, decide (through the command handler) and append. */
  readonly eventsPerSecond: number;
  /** Time inside `appendMany` only: what the store takes for already-decided events. */
  readonly appendSeconds: number;
  readonly appendEventsPerSecond: number;
  /**
   * Generating and deciding, summed over the batches: with worker threads that is thread time,
   * which overlaps the appends and can exceed `seconds`.
   */
  readonly decideSeconds: number;
  readonly eventsPerResident: number;
  /** Share of each event type in the log (the generator's lifecycle mix, measured). */
  readonly eventMix: Record<string, number>;
  /** Worker threads that decided (0: on the main thread). */
  readonly workers: number;
  /** Batches already in the log when the import was resumed (counted once). */
  readonly batchesFoundInLog: number;
}

export const figuresOf = (state: BulkImportState, workers: number): BulkImportFigures => {
  const seconds = state.elapsedMs / 1000;
  const { events } = state;
  const eventMix = Object.fromEntries(Object.entries(state.eventCounts).sort((a, b) => b[1] - a[1]).map(([type, n]) => [type, round(n / Math.max(1, events), 4)]));
  return {
    residents: state.residentsDone, commands: state.commands, events, rejected: state.rejected, rejections: state.rejections,
    seconds: round(seconds, 1), eventsPerSecond: Math.round(events / Math.max(seconds, 1e-3)),
    appendSeconds: round(state.appendMs / 1000, 1), appendEventsPerSecond: Math.round(events / Math.max(state.appendMs / 1000, 1e-3)),
    decideSeconds: round(state.decideMs / 1000, 1), eventsPerResident: round(events / Math.max(1, state.residentsDone), 2), eventMix,
    workers, batchesFoundInLog: state.batchesFoundInLog,
  };
};
