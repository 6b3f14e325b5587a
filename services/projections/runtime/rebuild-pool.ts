import type { JobChanges, JobReply, RebuildJob } from './rebuild-job.js';
import { compiledWorker, workerPool, type WorkerPool } from './worker-pool.js';

/** The rebuild's worker threads: each computes one job at a time; jobs wait in order for a free worker. */
export type RebuildPool = WorkerPool<RebuildJob, JobChanges>;

export const rebuildWorkerScript = (): URL => compiledWorker(
  new URL('./rebuild-worker.js', import.meta.url),
  new URL('../../../dist/services/projections/runtime/rebuild-worker.js', import.meta.url),
  "the rebuild's worker",
);

/** The worker's failure under its own name (`EventSchemaError`, `ProjectionGapError`, ...): the class stays in the worker. */
const decode = (message: unknown): JobChanges | Error => {
  // Our own worker's reply (rebuild-worker.ts), not external input.
  const reply = message as JobReply;
  if (reply.kind === 'done') return reply.changes;
  const error = new Error(reply.message);
  error.name = reply.name;
  return error;
};

/** `size` worker threads computing the rebuild's jobs (see worker-pool.ts for how a failure stops them). */
export const rebuildPool = (size: number, script: URL = rebuildWorkerScript()): RebuildPool =>
  workerPool({ size, script, label: 'rebuild', decode });
