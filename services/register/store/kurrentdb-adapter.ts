import { checkAppend, decideAppend } from './append-rules.js';
import {
  fromWireEvent,
  isStreamNotFound,
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

export interface KurrentDbAdapterOptions {
  /** Names the store in errors (the connection string without credentials). */
  readonly description: string;
  readonly pageSize?: number;
}

const deferred = <T>() => {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => undefined);
  return { promise, resolve, reject };
};

/**
 * The event-store port over a KurrentDB connection (`KurrentWire`). The server checks expected
 * revisions atomically; the port's stricter idempotency (same id + same content = replay, same id +
 * other content = conflict, partial replays refused) is checked against the target stream before
 * the append, by the same rules as the SQLite adapter. Ids reused in another stream are not detected:
 * KurrentDB has no index by event id (README, "Event store").
 */
export const kurrentDbEventStore = (wire: KurrentWire, options: KurrentDbAdapterOptions): EventStore => {
  const pageSize = options.pageSize ?? 500;
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

    const run = async (): Promise<void> => {
      const headAtStart = await headPosition();
      let last = subscribeOptions.after ?? 0;
      for await (const event of readAll({ after: last, filter: subscribeOptions.filter })) {
        if (stopped) return;
        await subscribeOptions.onEvent(event);
        last = event.position;
      }
      if (stopped) return;
      const reached = Math.max(last, headAtStart);
      caughtUp.resolve(reached);
      subscribeOptions.onCaughtUp?.(reached);
      // The server's catch-up subscription resends anything appended since the paged read ended.
      live = wire.subscribeToAll({ fromPosition: numberToPosition(last), filter: toWireFilter(subscribeOptions.filter) });
      try {
        for await (const wireEvent of live) {
          if (stopped) return;
          const position = positionToNumber(wireEvent.position, `event ${wireEvent.id} in ${wireEvent.streamId}`);
          if (position <= last || !matchesFilter(subscribeOptions.filter, wireEvent.streamId)) continue;
          await subscribeOptions.onEvent(fromWireEvent(wireEvent));
          last = position;
        }
      } catch (error) {
        if (!stopped) throw translateError(error, {});
      }
    };

    const done = run().then(
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
        stopped = true;
        await live?.unsubscribe().catch(() => undefined);
        await done.catch(() => undefined);
      },
    };
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
