/**
 * Runs tasks one after another per key (a resident's stream), in arrival order, inside this process.
 * Commands for one resident on one node then never race each other; the store's expected-revision
 * check (and the handler's bounded retry) still guards against other nodes writing the same stream.
 */
export interface KeyedQueue {
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
  /** Keys with queued or running tasks (for tests: the queue forgets idle keys). */
  readonly size: number;
}

export const createKeyedQueue = (): KeyedQueue => {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run: <T>(key: string, task: () => Promise<T>): Promise<T> => {
      const previous = tails.get(key) ?? Promise.resolve();
      const result = previous.then(task);
      const tail = result.then(
        () => undefined,
        () => undefined,
      );
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
    get size() {
      return tails.size;
    },
  };
};
