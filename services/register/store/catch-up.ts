import type { RecordedEvent, SubscribeOptions, Subscription } from './port.js';
import { deferred, subscriptionHandle } from './subscription-handle.js';

/** One page of the log after a position; `scannedUpTo` advances past events a filter dropped. */
export interface LogPage {
  readonly events: readonly RecordedEvent[];
  readonly scannedUpTo: number;
  readonly exhausted: boolean;
}

export interface CatchUpSource {
  readPage(after: number): LogPage;
  /** Resolves on the next local append, or after `ms` so that other processes' appends are seen. */
  waitForAppend(ms: number): { promise: Promise<void>; cancel: () => void };
}

const YIELD_MS = 25;

/**
 * A catch-up subscription over any log that can be read in pages by position. Delivery is
 * sequential: the next event is read only after the handler for the previous one resolved, so each
 * event reaches the handler exactly once and in position order, historical ones first, then live.
 */
export const startCatchUp = (source: CatchUpSource, options: SubscribeOptions, pollMs: number): Subscription => {
  const caughtUp = deferred<number>();
  let stopped = false;
  let cancelWait: () => void = () => undefined;

  // Handlers may be synchronous (a SQLite transaction): during a long catch-up, give I/O (HTTP,
  // timers) a turn at least every YIELD_MS so that the process stays responsive.
  let lastYield = performance.now();
  const yieldIfDue = async (): Promise<void> => {
    if (performance.now() - lastYield < YIELD_MS) return;
    await new Promise((resolve) => setImmediate(resolve));
    lastYield = performance.now();
  };

  const run = async (): Promise<void> => {
    let last = options.after ?? 0;
    let hasCaughtUp = false;
    while (!stopped) {
      const page = source.readPage(last);
      for (const event of page.events) {
        if (stopped) return;
        await options.onEvent(event);
        last = event.position;
        await yieldIfDue();
      }
      last = Math.max(last, page.scannedUpTo);
      if (!page.exhausted) continue;
      if (!hasCaughtUp) {
        hasCaughtUp = true;
        caughtUp.resolve(last);
        options.onCaughtUp?.(last);
      }
      if (stopped) return;
      const wait = source.waitForAppend(pollMs);
      cancelWait = wait.cancel;
      await wait.promise;
    }
  };

  return subscriptionHandle(run(), caughtUp, () => {
    stopped = true;
    cancelWait();
  });
};
