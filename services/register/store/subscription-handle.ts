import type { Subscription } from './port.js';

/** Both adapters' subscriptions: a delivery loop, a "caught up" promise, and a stop that waits for the loop. */

export interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export const deferred = <T>(): Deferred<T> => {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // A caller that only awaits `done` must not get an unhandled rejection from `caughtUp`.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
};

/**
 * The port's `Subscription` over a running delivery loop: `done` settles with the loop (rejecting with
 * its error), `caughtUp` rejects if the loop ends before it got there, and `stop` asks the loop to end
 * (`halt`) and waits for it.
 */
export const subscriptionHandle = (loop: Promise<void>, caughtUp: Deferred<number>, halt: () => Promise<void> | void): Subscription => {
  const done = loop.then(
    () => caughtUp.reject(new Error('subscription stopped before it caught up')),
    (error: unknown) => {
      caughtUp.reject(error);
      throw error;
    },
  );
  done.catch(() => undefined);
  return {
    caughtUp: caughtUp.promise,
    done,
    stop: async () => {
      await halt();
      await done.catch(() => undefined);
    },
  };
};
