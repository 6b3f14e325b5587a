import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { StreamAppend } from '../../services/register/store/sqlite.js';
import { decideBatch, type BatchJob, type BatchOutcome } from './bulk-batch.js';
import type { WorkerReply } from './bulk-worker.js';

/** Decides batches: in worker threads, or on the calling thread (`workers: 0`). */
export interface BatchRunner {
  /** Settles with the batch's outcome, or rejects with the error that stopped its worker. */
  run(job: BatchJob): Promise<BatchOutcome>;
  close(): Promise<void>;
}

export const inlineRunner = (): BatchRunner => ({ run: decideBatch, close: async () => undefined });

/**
 * The compiled worker next to this module; run from the TypeScript sources (vitest), the one in
 * `dist/` (a worker thread cannot load the .ts sources), so `npm run build` must have run.
 */
export const defaultWorkerScript = (): URL => {
  const beside = new URL('./bulk-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(beside))) return beside;
  const compiled = new URL('../../dist/bench/national/bulk-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(compiled))) return compiled;
  throw new Error(`the bulk import's worker ${fileURLToPath(compiled)} is missing: run 'npm run build'`);
};

interface Pending {
  readonly job: BatchJob;
  readonly resolve: (outcome: BatchOutcome) => void;
  readonly reject: (error: Error) => void;
}

interface Slot {
  readonly worker: Worker;
  current: Pending | undefined;
}

/**
 * `size` worker threads, each deciding one batch at a time; jobs wait in order for a free worker.
 * The first failure (an error a worker reports, a crash, an exit) rejects every job in flight or
 * waiting and every later one, and stops the workers: the import fails instead of waiting forever.
 */
export const workerPool = (size: number, script: URL = defaultWorkerScript()): BatchRunner => {
  const queue: Pending[] = [];
  let failure: Error | undefined;
  let closing = false;
  const slots: Slot[] = [];

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
    const where = (): string => (slot.current === undefined ? '' : ` (residents from #${slot.current.job.first})`);
    slot.worker.on('message', (reply: WorkerReply) => {
      const current = slot.current;
      if (reply.kind === 'failed') {
        fail(new Error(`bulk import worker failed${where()}: ${reply.message}`));
        return;
      }
      slot.current = undefined;
      // Our own worker's output (not external input), in the shape `StreamAppend[]` it stringified.
      current?.resolve({ ...reply.outcome, appends: JSON.parse(reply.appendsJson) as StreamAppend[] });
      dispatch();
    });
    slot.worker.on('error', (error: Error) => fail(new Error(`bulk import worker crashed${where()}: ${error.message}`, { cause: error })));
    slot.worker.on('exit', (code: number) => {
      if (!closing) fail(new Error(`bulk import worker exited with code ${code}${where()}`));
    });
    slots.push(slot);
  }

  return {
    run: (job) => {
      if (failure !== undefined) return Promise.reject(failure);
      return new Promise<BatchOutcome>((resolve, reject) => {
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
