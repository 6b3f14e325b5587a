/**
 * The event-store port. Every adapter (SQLite embedded default, KurrentDB in production) implements
 * it and passes the same contract suite (`contract.ts`). Payloads are opaque JSON here: typing and
 * upcasting happen in `events/` where bytes enter the domain.
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** What the caller hands to `append`. The id is derived from an idempotency key (UUID v5) upstream. */
export interface NewEvent {
  readonly id: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
}

export interface RecordedEvent extends NewEvent {
  readonly streamId: string;
  /** 0-based position of the event inside its stream. */
  readonly revision: number;
  /** Global position in the log, strictly increasing in commit order, starting at 1. */
  readonly position: number;
}

/**
 * `no-stream`: the stream must not exist yet; `stream-exists`: it must exist; `any`: no check;
 * a number: the stream's current last revision must equal it.
 */
export type ExpectedRevision = 'no-stream' | 'stream-exists' | 'any' | number;

export interface AppendResult {
  /** Revision of the last event now in the stream. */
  readonly nextExpectedRevision: number;
  /** Global position of the last event of this append (or of the original append, if replayed). */
  readonly position: number;
  /** True when every event id was already stored with the same content: nothing was written. */
  readonly idempotentReplay: boolean;
}

export interface ReadStreamOptions {
  readonly direction?: 'forwards' | 'backwards';
  /** Inclusive start revision; defaults to the first (forwards) or last (backwards) event. */
  readonly fromRevision?: number;
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: events with a greater position are returned. 0 (default) reads from the start. */
  readonly after?: number;
  readonly maxCount?: number;
  readonly filter?: StreamFilter;
}

export interface StreamFilter {
  /** Only streams whose id starts with one of these prefixes, e.g. `resident-`. */
  readonly streamPrefixes: readonly string[];
}

export interface SubscribeOptions {
  /** Exclusive checkpoint: delivery starts with the first event after it. 0 means from the start. */
  readonly after?: number;
  readonly filter?: StreamFilter;
  /** Called after each event has been handled; the next one is delivered only after it resolves. */
  readonly onEvent: (event: RecordedEvent) => Promise<void> | void;
  /** Called once, when every event that existed at subscription time has been delivered. */
  readonly onCaughtUp?: (position: number) => void;
}

export interface Subscription {
  /** Resolves when the subscription has reached the head of the log once. */
  readonly caughtUp: Promise<number>;
  /** Resolves when stopped; rejects with the error if a handler threw or the store failed. */
  readonly done: Promise<void>;
  stop(): Promise<void>;
}

export interface EventStore {
  append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  subscribeToAll(options: SubscribeOptions): Subscription;
  /** Position of the newest event in the log, 0 when empty. */
  headPosition(): Promise<number>;
  close(): Promise<void>;
}

/** The stream's revision did not match the expected one. Retry after re-reading the stream. */
export class ConcurrencyError extends Error {
  override readonly name = 'ConcurrencyError';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | 'no-stream',
  ) {
    super(`stream ${streamId}: expected revision ${String(expected)}, actual ${String(actual)}`);
  }
}

/** An event id was already stored with other content, in another stream, or in a partial replay. */
export class IdempotencyConflictError extends Error {
  override readonly name = 'IdempotencyConflictError';
  constructor(
    readonly eventId: string,
    readonly reason: string,
  ) {
    super(`event ${eventId}: ${reason}`);
  }
}

/** An append that makes no sense: empty batch, duplicate ids inside one batch, invalid stream id. */
export class InvalidAppendError extends Error {
  override readonly name = 'InvalidAppendError';
}

/** The store could not be used (closed, unreadable file, driver failure). */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}

/** Reading a whole stream into memory is the common case for deciders. */
export const collect = async <T>(iterable: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
};
