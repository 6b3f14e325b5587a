import { availableParallelism } from 'node:os';
import type { EventStore } from '../../services/register/store/port.js';
import type { SqliteEventStore } from '../../services/register/store/sqlite.js';
import type { BatchOutcome, PopulationSample } from './bulk-batch.js';
import { inlineRunner, workerPool } from './bulk-pool.js';
import { figuresOf, initialState, withBatch, type BulkImportFigures, type BulkImportState } from './bulk-state.js';

export type { PopulationSample } from './bulk-batch.js';
export { BulkImportStateSchema, type BulkImportFigures, type BulkImportState } from './bulk-state.js';

export interface BulkImportOptions {
  readonly residents: number;
  readonly seed: string;
  /** Residents per batch: decided together, appended in one transaction. */
  readonly batch: number;
  /** Worker threads deciding batches (default: the machine's available parallelism); 0 decides on the main thread. */
  readonly workers?: number;
  /** Where an interrupted import stopped (the last state `onBatch` was given). */
  readonly resume?: BulkImportState;
  /** After every appended batch, with the cumulative state: save it to resume from it. */
  readonly onBatch?: (state: BulkImportState) => void | Promise<void>;
  /** The worker thread's script (default: the compiled `bulk-worker.js`). */
  readonly workerScript?: URL;
}

export class BulkResumeError extends Error {
  override readonly name = 'BulkResumeError';
}

/** Whether a decided batch is in the log already: its appends are all or nothing, so its first stream tells. */
const inLog = async (store: EventStore, outcome: BatchOutcome): Promise<boolean> => {
  const first = outcome.appends[0];
  if (first === undefined) return false;
  for await (const _event of store.readStream(first.streamId, { maxCount: 1 })) return true;
  return false;
};

const checkResume = async (store: EventStore, options: BulkImportOptions, state: BulkImportState): Promise<void> => {
  if (state.seed !== options.seed) throw new BulkResumeError(`the saved bulk import is of seed ${state.seed}, not ${options.seed}`);
  if (state.residentsDone > options.residents) throw new BulkResumeError(`the saved bulk import has ${state.residentsDone} residents, more than the ${options.residents} asked for`);
  const head = await store.headPosition();
  if (head < state.events) throw new BulkResumeError(`the log holds ${head} events, fewer than the ${state.events} the saved bulk import appended: it is not that import's log`);
};

/**
 * Phase (b): the generated population decided through the real command handler (in worker threads,
 * each against its own staging store), then appended to the SQLite log strictly in batch order, one
 * transaction per batch (`appendMany`), so that the log of a seed does not depend on timing. At most
 * two batches per worker are decided ahead of the append (memory). Resumable: a batch found in the
 * log already (appended before a crash that lost its state) is not appended again, and counted once.
 */
export const bulkImport = async (
  store: SqliteEventStore, options: BulkImportOptions, onProgress?: (residents: number, events: number) => void,
): Promise<{ figures: BulkImportFigures; sample: PopulationSample; state: BulkImportState }> => {
  const workers = options.workers ?? availableParallelism();
  let state = options.resume ?? initialState(options.seed);
  await checkResume(store, options, state);
  const started = performance.now();
  const elapsedBefore = state.elapsedMs;
  const runner = workers === 0 ? inlineRunner() : workerPool(workers, options.workerScript);
  const ahead = Math.max(1, 2 * workers);
  const pending: Promise<BatchOutcome>[] = [];
  let next = state.residentsDone;
  const submit = (): void => {
    while (pending.length < ahead && next < options.residents) {
      const count = Math.min(options.batch, options.residents - next);
      const outcome = runner.run({ seed: options.seed, first: next, count });
      // Awaited in order below; a failure meanwhile must not count as unhandled.
      outcome.catch(() => undefined);
      pending.push(outcome);
      next += count;
    }
  };
  // Only the first batches to append can be in the log already (from before an interruption).
  let mayBeInLog = true;
  try {
    submit();
    for (let outcome = pending.shift(); outcome !== undefined; outcome = pending.shift()) {
      const batch = await outcome;
      submit();
      const found: boolean = mayBeInLog && (await inLog(store, batch));
      mayBeInLog = found;
      const t0 = performance.now();
      if (!found && batch.appends.length > 0) await store.appendMany(batch.appends);
      state = { ...withBatch(state, batch, performance.now() - t0, found), elapsedMs: elapsedBefore + performance.now() - started };
      onProgress?.(state.residentsDone, state.events);
      await options.onBatch?.(state);
    }
  } finally {
    await runner.close();
  }
  return { figures: figuresOf(state, workers), sample: state.sample, state };
};
