import type { IntegrationMapper, IntegrationMessage } from '../../../events/integration/message.js';
import type { EventStore, RecordedEvent } from '../../register/store/port.js';

/** The integration messages of one domain event: delivered together, resumed after `position`. */
export interface FeedBatch {
  readonly position: number;
  readonly messages: readonly IntegrationMessage[];
}

export interface FeedSource {
  readonly store: EventStore;
  readonly mapper: IntegrationMapper;
}

export const RESIDENT_STREAMS = { streamPrefixes: ['resident-'] } as const;

export interface FeedPage {
  readonly batches: readonly FeedBatch[];
  /** The position to ask `after` next: the last event examined, whether or not it yielded messages. */
  readonly next: number;
}

/**
 * Up to `limit` messages after `after`, never splitting the messages of one domain event; events
 * that yield nothing are passed over (and `next` moves past them).
 */
export const readPage = async ({ store, mapper }: FeedSource, after: number, limit: number): Promise<FeedPage> => {
  const batches: FeedBatch[] = [];
  let count = 0;
  let next = after;
  const chunk = Math.max(limit, 100);
  for (;;) {
    let seen = 0;
    for await (const event of store.readAll({ after: next, maxCount: chunk, filter: RESIDENT_STREAMS })) {
      seen += 1;
      const messages = await mapper(event);
      next = event.position;
      if (messages.length > 0) {
        batches.push({ position: event.position, messages });
        count += messages.length;
      }
      if (count >= limit) return { batches, next };
    }
    if (seen < chunk) return { batches, next };
  }
};

/**
 * Every batch after `after`, live, in log order, until `signal` aborts. Backpressure: the store's
 * subscription waits for the consumer to take each batch before it delivers the next event.
 */
export async function* followBatches({ store, mapper }: FeedSource, after: number, signal: AbortSignal): AsyncGenerator<FeedBatch> {
  const queue: { batch: FeedBatch; taken: () => void }[] = [];
  let wake: (() => void) | undefined;
  let closed = false;
  const notify = (): void => {
    wake?.();
    wake = undefined;
  };
  const onEvent = async (event: RecordedEvent): Promise<void> => {
    if (closed) return;
    const messages = await mapper(event);
    if (messages.length === 0 || closed) return;
    await new Promise<void>((taken) => {
      queue.push({ batch: { position: event.position, messages }, taken });
      notify();
    });
  };
  const subscription = store.subscribeToAll({ after, filter: RESIDENT_STREAMS, onEvent });
  let failure: unknown;
  let ended = false;
  subscription.done.then(() => { ended = true; notify(); }, (error: unknown) => { failure = error; ended = true; notify(); });
  const onAbort = (): void => notify();
  signal.addEventListener('abort', onAbort);
  try {
    for (;;) {
      const item = queue.shift();
      if (item !== undefined) {
        try {
          yield item.batch;
        } finally {
          item.taken(); // also when the consumer stops here: the store's subscription waits for it
        }
        continue;
      }
      if (failure !== undefined) throw failure;
      if (ended || signal.aborted) return;
      await new Promise<void>((resolve) => { wake = resolve; });
    }
  } finally {
    closed = true;
    signal.removeEventListener('abort', onAbort);
    for (const item of queue.splice(0)) item.taken();
    await subscription.stop();
  }
}

/** The first batches after `after`, waiting up to `waitMs` for one to appear (long-poll) unless `signal` aborts. */
export const waitForPage = async (source: FeedSource, after: number, limit: number, waitMs: number, signal: AbortSignal): Promise<FeedPage> => {
  const page = await readPage(source, after, limit);
  if (page.batches.length > 0 || waitMs <= 0 || signal.aborted) return page;
  for await (const batch of followBatches(source, page.next, AbortSignal.any([signal, AbortSignal.timeout(waitMs)]))) return { batches: [batch], next: batch.position };
  return page;
};
