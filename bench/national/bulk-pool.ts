import { compiledWorker, workerPool as poolOf, type WorkerPool } from '../../services/projections/runtime/worker-pool.js';
import type { StreamAppend } from '../../services/register/store/sqlite.js';
import { decideBatch, type BatchJob, type BatchOutcome } from './bulk-batch.js';
import type { WorkerReply } from './bulk-worker.js';

/** Decides batches: in worker threads, or on the calling thread (`workers: 0`). */
export type BatchRunner = WorkerPool<BatchJob, BatchOutcome>;

export const inlineRunner = (): BatchRunner => ({ run: decideBatch, close: async () => undefined });

export const defaultWorkerScript = (): URL => compiledWorker(
  new URL('./bulk-worker.js', import.meta.url),
  new URL('../../dist/bench/national/bulk-worker.js', import.meta.url),
  "the bulk import's worker",
);

const describe = (job: BatchJob): string => ` (residents from #${job.first})`;

const decode = (message: unknown, job: BatchJob): BatchOutcome | Error => {
  // Our own worker's reply (bulk-worker.ts), in the shape `StreamAppend[]` it stringified: not external input.
  const reply = message as WorkerReply;
  if (reply.kind === 'failed') return new Error(`bulk import worker failed${describe(job)}: ${reply.message}`);
  return { ...reply.outcome, appends: JSON.parse(reply.appendsJson) as StreamAppend[] };
};

/** `size` worker threads deciding one batch each at a time (see worker-pool.ts for how a failure stops them). */
export const workerPool = (size: number, script: URL = defaultWorkerScript()): BatchRunner =>
  poolOf({ size, script, label: 'bulk import', decode, describe });
