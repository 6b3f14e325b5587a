/** Thrown out of a retry loop when the relay is stopping and gave up waiting for the broker. */
export class RelayStoppedError extends Error {
  override readonly name = 'RelayStoppedError';
}

export interface Backoff {
  readonly initialMs: number;
  readonly maxMs: number;
}

/** Capped exponential backoff with full jitter, so that many relays do not retry in step. */
export const backoffDelay = ({ initialMs, maxMs }: Backoff, attempt: number, random: () => number = Math.random): number =>
  Math.round(Math.min(maxMs, initialMs * 2 ** Math.min(attempt, 30)) * (0.5 + random() / 2));

export interface RetryOptions {
  readonly backoff: Backoff;
  readonly aborted: () => boolean;
  /** Resolves early when the relay is asked to give up (so a stop never waits out a long delay). */
  readonly abortSignal: Promise<void>;
  readonly onFailure: (error: unknown, attempt: number, delayMs: number) => void | Promise<void>;
}

/** Runs `attempt` until it succeeds; never gives up on its own, only when `aborted()` says so. */
export const retryForever = async <T>(attempt: () => Promise<T>, options: RetryOptions): Promise<T> => {
  for (let n = 0; ; n += 1) {
    if (options.aborted()) throw new RelayStoppedError('relay stopped while retrying');
    try {
      return await attempt();
    } catch (error) {
      if (options.aborted()) throw new RelayStoppedError('relay stopped while retrying', { cause: error });
      const delay = backoffDelay(options.backoff, n);
      await options.onFailure(error, n + 1, delay);
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([new Promise((resolve) => (timer = setTimeout(resolve, delay))), options.abortSignal]);
      clearTimeout(timer);
    }
  }
};
