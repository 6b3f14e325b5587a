import {
  ConcurrencyError,
  IdempotencyConflictError,
  InvalidAppendError,
  type AppendResult,
  type ExpectedRevision,
  type JsonValue,
  type NewEvent,
} from './port.js';

/** What an adapter knows about an event id that is already stored. */
export interface StoredIdentity {
  readonly event_id: string;
  readonly stream_id: string;
  readonly revision: number;
  readonly position: number;
  readonly type: string;
  /** The stored data as JSON text. */
  readonly data: string;
}

export type AppendDecision =
  | { readonly kind: 'write'; readonly firstRevision: number }
  | { readonly kind: 'replay'; readonly result: AppendResult };

const STREAM_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$/;

/** Rejects appends that no store should accept, before any I/O. */
export const checkAppend = (streamId: string, events: readonly NewEvent[]): void => {
  if (!STREAM_ID.test(streamId))
    throw new InvalidAppendError(`stream id "${streamId}" must be 1–200 letters, digits or _.:- and start alphanumeric`);
  if (events.length === 0) throw new InvalidAppendError(`append to ${streamId} has no events`);
  const ids = new Set<string>();
  for (const event of events) {
    if (event.id.length === 0) throw new InvalidAppendError(`an event for ${streamId} has an empty id`);
    if (ids.has(event.id)) throw new InvalidAppendError(`event id ${event.id} appears twice in one append`);
    if (event.type.length === 0) throw new InvalidAppendError(`event ${event.id} has an empty type`);
    ids.add(event.id);
  }
};

/** JSON with sorted keys, so that a retry whose body lists keys in another order is still equal. */
export const canonicalJson = (value: JsonValue): string => {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k] ?? null)}`).join(',')}}`;
  }
  return JSON.stringify(value);
};

const sameContent = (stored: StoredIdentity, event: NewEvent, streamId: string): string | undefined => {
  if (stored.stream_id !== streamId) return `already stored in stream ${stored.stream_id}`;
  if (stored.type !== event.type) return `already stored with type ${stored.type}`;
  if (canonicalJson(JSON.parse(stored.data) as JsonValue) !== canonicalJson(event.data))
    return 'already stored with different data';
  return undefined;
};

const checkExpected = (streamId: string, head: number | null, expected: ExpectedRevision): void => {
  const actual = head ?? 'no-stream';
  const ok =
    expected === 'any' ||
    (expected === 'no-stream' && head === null) ||
    (expected === 'stream-exists' && head !== null) ||
    (typeof expected === 'number' && head === expected);
  if (!ok) throw new ConcurrencyError(streamId, expected, actual);
};

/**
 * Idempotency: an append whose every id is already stored with the same content is a replay and
 * writes nothing, whatever revision it expected (the first attempt already passed that check).
 * Metadata is not compared: a retry carries a new recordedAt. A partial overlap is a conflict.
 */
export const decideAppend = (
  streamId: string,
  events: readonly NewEvent[],
  stored: readonly (StoredIdentity | undefined)[],
  head: number | null,
  expected: ExpectedRevision,
): AppendDecision => {
  const known = stored.filter((s): s is StoredIdentity => s !== undefined);
  known.forEach((s) => {
    const event = events.find((e) => e.id === s.event_id);
    const problem = event === undefined ? undefined : sameContent(s, event, streamId);
    if (problem !== undefined) throw new IdempotencyConflictError(s.event_id, problem);
  });
  if (known.length === events.length) {
    const last = known.reduce((a, b) => (b.position > a.position ? b : a));
    return { kind: 'replay', result: { nextExpectedRevision: last.revision, position: last.position, idempotentReplay: true } };
  }
  const first = known[0];
  if (first !== undefined)
    throw new IdempotencyConflictError(first.event_id, 'part of this append is already stored (partial replay)');
  checkExpected(streamId, head, expected);
  return { kind: 'write', firstRevision: head === null ? 0 : head + 1 };
};
