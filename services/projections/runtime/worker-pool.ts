import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** Jobs computed in worker threads, one job per worker at a time, in the order they were given. */
export interface WorkerPool<Job, Result> {
  /** Settles with the job's result, or rejects with the failure that stopped the pool. */
  run(job: Job): Promise<Result>;
  close(): Promise<void>;
}

export interface WorkerPoolOptions<Job, Result> {
  readonly size: number;
  readonly script: URL;
  /** Names the pool in its errors, e.g. `rebuild` → "rebuild worker crashed". */
  readonly label: string;
  /** The worker's reply to a job: its result, or the Error it reports. */
  readonly decode: (reply: unknown, job: Job) => Result | Error;
  /** What a job is about, for errors, e.g. " (residents from #500)". */
  readonly describe?: (job: Job) => string;
}

/**
 * A compiled worker script: beside the calling module when it runs from dist/, else the copy in
 * dist/ (run from the TypeScript sources under vitest a worker thread cannot load .ts), so
 * `npm run build` must have run.
 */
export const compiledWorker = (beside: URL, inDist: URL, what: string): URL => {
  if (existsSync(fileURLToPath(beside))) return beside;
  if (existsSync(fileURLToPath(inDist))) return inDist;
  throw new Error(`${what} ${fileURLToPath(inDist)} is missing: run 'npm run build'`);
};

interface Pending<Job, Result> {
  readonly job: Job;
  readonly resolve: (result: Result) => void;
  readonly reject: (error: Error) => void;
}

interface Slot<Job, Result> {
  readonly worker: Worker;
  current: Pending<Job, Result> | undefined;
}

/**
 * `size` worker threads. The first failure (an error a job reports, a crash, an exit) rejects every
 * job in flight or waiting and every later one, and stops the workers: the caller fails instead of
 * waiting forever.
 */
export const workerPool = <Job, Result>(options: WorkerPoolOptions<Job, Result>): WorkerPool<Job, Result> => {
  const queue: Pending<Job, Result>[] = [];
  const slots: Slot<Job, Result>[] = [];
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

  for (let i = 0; i < options.size; i += 1) {
    const slot: Slot<Job, Result> = { worker: new Worker(options.script), current: undefined };
    const where = (): string => (slot.current === undefined ? '' : options.describe?.(slot.current.job) ?? '');
    slot.worker.on('message', (reply: unknown) => {
      const current = slot.current;
      if (current === undefined) return;
      const result = options.decode(reply, current.job);
      if (result instanceof Error) {
        fail(result);
        return;
      }
      slot.current = undefined;
      current.resolve(result);
      dispatch();
    });
    slot.worker.on('error', (error: Error) => fail(new Error(`${options.label} worker crashed${where()}: ${error.message}`, { cause: error })));
    slot.worker.on('exit', (code: number) => {
      if (!closing) fail(new Error(`${options.label} worker exited with code ${code}${where()}`));
    });
    slots.push(slot);
  }

  return {
    run: (job) => {
      if (failure !== undefined) return Promise.reject(failure);
      return new Promise<Result>((resolve, reject) => {
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
