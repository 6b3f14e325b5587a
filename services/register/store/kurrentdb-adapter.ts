import { checkAppend, decideAppend } from './append-rules.js';
import {
  fromWireEvent,
  isStreamNotFound,
  isTransientStoreError,
  matchesFilter,
  numberToPosition,
  positionToNumber,
  toStoredIdentity,
  toStreamState,
  toWireEvent,
  toWireFilter,
  translateError,
} from './kurrentdb-mapping.js';
import type { KurrentWire, WireRecordedEvent, WireSubscription } from './kurrentdb-wire.js';
import {
  collect,
  StoreUnavailableError,
  type AppendResult,
  type EventStore,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
} from './port.js';
import { deferred, subscriptionHandle } from './subscription-handle.js';

export interface KurrentDbAdapterOptions {
  /** Names the store in errors (the connection string without credentials). */
  readonly description: string;
  readonly pageSize?: number;
  /** Pauses before a subscription reconnects after a lost connection; the last one repeats. */
  readonly retryDelaysMs?: readonly number[];
}

/** An error thrown by the subscriber's handler: it ends the subscription, never retried. */
class HandlerFailure {
  constructor(readonly error: unknown) {}
}

/** The server ended a live subscription that nobody stopped (e.g. its node went down). */
class SubscriptionEnded extends StoreUnavailableError {}

const RETRY_DELAYS_MS = [250, 500, 1000, 2000, 5000, 10_000, 30_000];

/**
 * The event-store port over a KurrentDB connection (`KurrentWire`). The server checks expected
 * revisions atomically; the port's stricter idempotency (same id + same content = replay, same id +
 * other content = conflict, partial replays refused) is checked against the target stream before
 * the append, by the same rules as the SQLite adapter. Ids reused in another stream are not detected:
 * KurrentDB has no index by event id (README, "Event store").
 */
export const kurrentDbEventStore = (wire: KurrentWire, options: KurrentDbAdapterOptions): EventStore => {
  const pageSize = options.pageSize ?? 500;
  const retryDelays = options.retryDelaysMs ?? RETRY_DELAYS_MS;
  const subscriptions = new Set<Subscription>();
  let closed = false;

  const ensureOpen = (): void => {
    if (closed) throw new StoreUnavailableError(`the event store at ${options.description} is closed`);
  };

  async function* readStream(streamId: string, readOptions: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    ensureOpen();
    const backwards = readOptions.direction === 'backwards';
    const maxCount = readOptions.maxCount ?? Number.MAX_SAFE_INTEGER;
    if (maxCount <= 0) return;
    const fromRevision = readOptions.fromRevision === undefined ? (backwards ? 'end' : 'start') : BigInt(readOptions.fromRevision);
    try {
      for await (const event of wire.readStream(streamId, { direction: backwards ? 'backwards' : 'forwards', fromRevision, maxCount }))
        yield fromWireEvent(event);
    } catch (error) {
      if (isStreamNotFound(error)) return;
      throw translateError(error, { streamId });
    }
  }

  /** $all forwards after a position, in pages; `from` is inclusive on the server, `after` exclusive here. */
  async function* scanAll(readOptions: ReadAllOptions): AsyncIterable<{ readonly position: number; readonly event: WireRecordedEvent }> {
    let last = readOptions.after ?? 0;
    const filter = toWireFilter(readOptions.filter);
    for (;;) {
      let scanned = 0;
      try {
        for await (const event of wire.readAll({ direction: 'forwards', fromPosition: numberToPosition(last), maxCount: pageSize, filter })) {
          scanned += 1;
          const position = positionToNumber(event.position, `event ${event.id} in ${event.streamId}`);
          if (position === last && scanned === 1) continue;
          if (position <= last)
            throw new StoreUnavailableError(`KurrentDB $all: position ${position} after ${last} is not strictly increasing`);
          last = position;
          yield { position, event };
        }
      } catch (error) {
        throw translateError(error, {});
      }
      if (scanned < pageSize) return;
    }
  }

  async function* readAll(readOptions: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    ensureOpen();
    let remaining = readOptions.maxCount ?? Number.POSITIVE_INFINITY;
    if (remaining <= 0) return;
    for await (const { event } of scanAll(readOptions)) {
      if (!matchesFilter(readOptions.filter, event.streamId)) continue;
      yield fromWireEvent(event);
      remaining -= 1;
      if (remaining <= 0) return;
    }
  }

  const headPosition = async (): Promise<number> => {
    ensureOpen();
    try {
      for await (const event of wire.readAll({ direction: 'backwards', fromPosition: 'end', maxCount: 1, filter: toWireFilter(undefined) }))
        return positionToNumber(event.position, `event ${event.id} in ${event.streamId}`);
      return 0;
    } catch (error) {
      throw translateError(error, {});
    }
  };

  const subscribe = (subscribeOptions: SubscribeOptions): Subscription => {
    const caughtUp = deferred<number>();
    let stopped = false;
    let live: WireSubscription | undefined;
    let wakeFromPause: () => void = () => undefined;
    let last = subscribeOptions.after ?? 0;
    let failures = 0;

    const deliver = async (event: RecordedEvent): Promise<void> => {
      try {
        await subscribeOptions.onEvent(event);
      } catch (error) {
        throw new HandlerFailure(error);
      }
      last = event.position;
      failures = 0;
    };

    /** History in pages from the checkpoint, then the server's live subscription from where it ended. */
    const follow = async (): Promise<void> => {
      const headAtStart = await headPosition();
      for await (const event of readAll({ after: last, filter: subscribeOptions.filter })) {
        if (stopped) return;
        await deliver(event);
      }
      if (stopped) return;
      const reached = Math.max(last, headAtStart);
      caughtUp.resolve(reached);
      subscribeOptions.onCaughtUp?.(reached);
      live = wire.subscribeToAll({ fromPosition: numberToPosition(last), filter: toWireFilter(subscribeOptions.filter) });
      try {
        for await (const wireEvent of live) {
          if (stopped) return;
          const position = positionToNumber(wireEvent.position, `event ${wireEvent.id} in ${wireEvent.streamId}`);
          if (position <= last || !matchesFilter(subscribeOptions.filter, wireEvent.streamId)) continue;
          await deliver(fromWireEvent(wireEvent));
        }
      } catch (error) {
        if (error instanceof HandlerFailure) throw error;
        if (!stopped) throw translateError(error, {});
      }
      if (!stopped) throw new SubscriptionEnded(`KurrentDB at ${options.description} ended the subscription`);
    };

    const pause = (ms: number): Promise<void> =>
      new Promise((resolve) => {
        const timer = setTimeout(resolve, ms);
        wakeFromPause = () => {
          clearTimeout(timer);
          resolve();
        };
      });

    // A lost connection (a node restarting, a leader election) is waited out: the subscription
    // resumes after the last delivered event. A handler error, or anything else, ends it.
    const run = async (): Promise<void> => {
      for (; !stopped; failures += 1) {
        try {
          await follow();
          return;
        } catch (error) {
          if (error instanceof HandlerFailure) throw error.error;
          if (stopped) return;
          if (!(error instanceof SubscriptionEnded || isTransientStoreError(error))) throw error;
          await pause(retryDelays[Math.min(failures, retryDelays.length - 1)] ?? 1000);
        }
      }
    };

    return subscriptionHandle(run(), caughtUp, async () => {
      stopped = true;
      wakeFromPause();
      await live?.unsubscribe().catch(() => undefined);
    });
  };

  return {
    async append(streamId, events, expected): Promise<AppendResult> {
      ensureOpen();
      checkAppend(streamId, events);
      const wireEvents = events.map(toWireEvent);
      const existing = await collect(readStream(streamId));
      const byId = new Map(existing.map((e) => [e.id, toStoredIdentity(e)]));
      const stored = events.map((e) => byId.get(e.id));
      const decision = decideAppend(streamId, events, stored, existing.at(-1)?.revision ?? null, expected);
      if (decision.kind === 'replay') return decision.result;
      try {
        const result = await wire.appendToStream(streamId, wireEvents, toStreamState(expected));
        const nextExpectedRevision = Number(result.nextExpectedRevision);
        const position =
          result.position === undefined
            ? (await collect(readStream(streamId, { fromRevision: nextExpectedRevision, maxCount: 1 })))[0]?.position
            : positionToNumber(result.position, `append to ${streamId}`);
        if (position === undefined) throw new StoreUnavailableError(`append to ${streamId}: KurrentDB returned no position`);
        return { nextExpectedRevision, position, idempotentReplay: false };
      } catch (error) {
        throw translateError(error, { streamId, expected });
      }
    },

    readStream,
    readAll,

    subscribeToAll(subscribeOptions: SubscribeOptions): Subscription {
      ensureOpen();
      const subscription = subscribe(subscribeOptions);
      subscriptions.add(subscription);
      void subscription.done.catch(() => undefined).finally(() => subscriptions.delete(subscription));
      return subscription;
    },

    headPosition,

    async close(): Promise<void> {
      if (closed) return;
      await Promise.all([...subscriptions].map((s) => s.stop()));
      closed = true;
      await wire.dispose();
    },
  };
};
