import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { JobChanges, JobReply, RebuildJob } from './rebuild-job.js';

/** The rebuild's worker threads: each computes one job at a time; jobs wait in order for a free worker. */
export interface RebuildPool {
  /** Settles with the job's changes, or rejects with the failure that stopped the pool. */
  run(job: RebuildJob): Promise<JobChanges>;
  close(): Promise<void>;
}

/**
 * The compiled worker next to this module; run from the TypeScript sources (vitest), the one in
 * `dist/` (a worker thread cannot load the .ts sources), so `npm run build` must have run.
 */
export const rebuildWorkerScript = (): URL => {
  const beside = new URL('./rebuild-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(beside))) return beside;
  const compiled = new URL('../../../dist/services/projections/runtime/rebuild-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(compiled))) return compiled;
  throw new Error(`the rebuild's worker ${fileURLToPath(compiled)} is missing: run 'npm run build'`);
};

interface Pending {
  readonly job: RebuildJob;
  readonly resolve: (changes: JobChanges) => void;
  readonly reject: (error: Error) => void;
}

interface Slot {
  readonly worker: Worker;
  current: Pending | undefined;
}

/** The worker's failure under its own name (`EventSchemaError`, `ProjectionGapError`, ...): the class stays in the worker. */
const failureOf = (reply: Extract<JobReply, { kind: 'failed' }>): Error => {
  const error = new Error(reply.message);
  error.name = reply.name;
  return error;
};

/**
 * `size` worker threads. The first failure (a job's error, a crash, an exit) rejects every job in
 * flight or waiting and every later one, and stops the workers: the rebuild fails instead of waiting forever.
 */
export const rebuildPool = (size: number, script: URL = rebuildWorkerScript()): RebuildPool => {
  const queue: Pending[] = [];
  const slots: Slot[] = [];
  let failure: Error | undefined;
  let closing = false;

  const fail = (error: Error): void => {
    if (failure !== undefined) return;
    failure = error;
    const waiting = [...slots.flatMap((s) => (s.current === undefined ? [] : [s.current])), ...queue.splice(0)];
    slots.forEach((s) => {
      s.current = undefined;
      void s.worker.terminate();
    });
    waiting.forEach((p) => p.reject(error));
  };

  const dispatch = (): void => {
    for (const slot of slots) {
      if (slot.current !== undefined) continue;
      const next = queue.shift();
      if (next === undefined) return;
      slot.current = next;
      slot.worker.postMessage(next.job);
    }
  };

  for (let i = 0; i < size; i += 1) {
    const slot: Slot = { worker: new Worker(script), current: undefined };
    slot.worker.on('message', (reply: JobReply) => {
      if (reply.kind === 'failed') {
        fail(failureOf(reply));
        return;
      }
      const current = slot.current;
      slot.current = undefined;
      current?.resolve(reply.changes);
      dispatch();
    });
    slot.worker.on('error', (error: Error) => fail(new Error(`rebuild worker crashed: ${error.message}`, { cause: error })));
    slot.worker.on('exit', (code: number) => {
      if (!closing) fail(new Error(`rebuild worker exited with code ${code}`));
    });
    slots.push(slot);
  }

  return {
    run: (job) => {
      if (failure !== undefined) return Promise.reject(failure);
      return new Promise<JobChanges>((resolve, reject) => {
        queue.push({ job, resolve, reject });
        dispatch();
      });
    },
    close: async () => {
      closing = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
};
