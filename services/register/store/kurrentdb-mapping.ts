import type { StoredIdentity } from './append-rules.js';
import {
  ConcurrencyError,
  InvalidAppendError,
  StoreUnavailableError,
  type ExpectedRevision,
  type JsonObject,
  type NewEvent,
  type RecordedEvent,
  type StreamFilter,
} from './port.js';
import type { WireFilter, WireNewEvent, WirePosition, WireRecordedEvent, WireStreamState } from './kurrentdb-wire.js';

/**
 * Pure translations between the port and KurrentDB's wire shapes: positions, expected revisions,
 * errors, events and filters. No I/O here, so each rule is unit-tested without a server.
 */

const MAX_POSITION = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * The port's global position is the event's commit position in the transaction log. It is sparse
 * (a byte offset, not a counter) but strictly increasing in commit order, which is all the port
 * promises; it stays below 2^53 until the log holds ~9 PB. Events appended over gRPC are implicit
 * transactions whose commit and prepare positions are equal, so a number maps back to a position.
 */
export const positionToNumber = (position: WirePosition | undefined, what: string): number => {
  if (position === undefined)
    throw new StoreUnavailableError(`${what}: KurrentDB returned no log position (the server must be 22.6 or later)`);
  if (position.commit <= 0n || position.commit > MAX_POSITION)
    throw new StoreUnavailableError(`${what}: commit position ${position.commit} is outside 1..2^53-1`);
  return Number(position.commit);
};

/** `after` of the port: 0 is the start of the log, otherwise the position of an event. */
export const numberToPosition = (after: number): WirePosition | 'start' => {
  if (!Number.isSafeInteger(after) || after < 0) throw new RangeError(`position ${after} must be a whole number ≥ 0`);
  return after === 0 ? 'start' : { commit: BigInt(after), prepare: BigInt(after) };
};

export const toStreamState = (expected: ExpectedRevision): WireStreamState => {
  if (expected === 'no-stream') return 'no_stream';
  if (expected === 'stream-exists') return 'stream_exists';
  if (expected === 'any') return 'any';
  return BigInt(expected);
};

/** The client's errors, recognised by shape so that this module needs no import of the client. */
interface ClientError {
  readonly type: string;
  readonly message: string;
  readonly actualState?: unknown;
}

const isClientError = (error: unknown): error is ClientError =>
  error instanceof Error && typeof (error as { type?: unknown }).type === 'string';

/** A raw gRPC status (some client paths, e.g. an append with no connection, do not wrap it). */
const isGrpcError = (error: unknown): error is Error & { readonly code: number } =>
  error instanceof Error && typeof (error as { code?: unknown }).code === 'number' && 'details' in error;

export const isStreamNotFound = (error: unknown): boolean => isClientError(error) && error.type === 'stream-not-found';

/**
 * WrongExpectedVersion becomes the port's ConcurrencyError (with the revision the caller expected and
 * the one the server found); every other client error means the store could not be used.
 */
export const translateError = (error: unknown, context: { readonly streamId?: string; readonly expected?: ExpectedRevision }): unknown => {
  const where = context.streamId === undefined ? '$all' : `stream ${context.streamId}`;
  if (isGrpcError(error)) return new StoreUnavailableError(`KurrentDB (${where}): ${error.message}`, { cause: error });
  if (!isClientError(error)) return error;
  if (error.type === 'wrong-expected-version' && context.streamId !== undefined && context.expected !== undefined) {
    const actual = typeof error.actualState === 'bigint' ? Number(error.actualState) : 'no-stream';
    return new ConcurrencyError(context.streamId, context.expected, actual);
  }
  return new StoreUnavailableError(`KurrentDB (${where}): ${error.type}: ${error.message}`, { cause: error });
};

const TRANSIENT = new Set(['unavailable', 'deadline-exceeded', 'timeout', 'not-leader', 'cancelled', 'unknown']);

/**
 * A failure a subscription should wait out: the connection, a deadline, a leader change. Data
 * problems (an event this adapter cannot read) and refusals (access denied) are not.
 */
export const isTransientStoreError = (error: unknown): boolean =>
  error instanceof StoreUnavailableError &&
  (isGrpcError(error.cause) || (isClientError(error.cause) && TRANSIENT.has(error.cause.type)));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** KurrentDB ids are UUIDs and come back lower-case: anything else would not round-trip. */
export const toWireEvent = (event: NewEvent): WireNewEvent => {
  if (!UUID.test(event.id))
    throw new InvalidAppendError(`event id "${event.id}" must be a lower-case UUID (KurrentDB stores ids as UUIDs)`);
  return { id: event.id, type: event.type, data: event.data, metadata: event.metadata };
};

const isJsonObject = (value: unknown): value is JsonObject =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Uint8Array);

/** A recorded event as the port sees it; anything not written by this adapter is refused by name. */
export const fromWireEvent = (event: WireRecordedEvent): RecordedEvent => {
  const what = `event ${event.id} in ${event.streamId}@${event.revision}`;
  if (!event.isJson || !isJsonObject(event.data)) throw new StoreUnavailableError(`${what}: data is not a JSON object`);
  const metadata = event.metadata ?? {};
  if (!isJsonObject(metadata)) throw new StoreUnavailableError(`${what}: metadata is not a JSON object`);
  return {
    id: event.id,
    streamId: event.streamId,
    revision: Number(event.revision),
    position: positionToNumber(event.position, what),
    type: event.type,
    data: event.data,
    metadata,
  };
};

/** What the idempotency rules (`append-rules.ts`) need to know about an already stored event. */
export const toStoredIdentity = (event: RecordedEvent): StoredIdentity => ({
  event_id: event.id,
  stream_id: event.streamId,
  revision: event.revision,
  position: event.position,
  type: event.type,
  data: JSON.stringify(event.data),
});

/** System streams (`$…`: settings, stats, metadata, projections) are never the register's. */
export const isSystemStream = (streamId: string): boolean => streamId.startsWith('$');

const NOTHING = '^(?!)';

/** Server-side stream-name filter: the caller's prefixes, or every non-system stream. */
export const toWireFilter = (filter: StreamFilter | undefined): WireFilter => {
  if (filter === undefined) return { regex: '^[^$]' };
  const prefixes = filter.streamPrefixes.filter((p) => !isSystemStream(p));
  return prefixes.length === 0 ? { regex: NOTHING } : { prefixes };
};

/** Client-side check of the same rule: the store never hands a system event to the register. */
export const matchesFilter = (filter: StreamFilter | undefined, streamId: string): boolean =>
  !isSystemStream(streamId) && (filter === undefined || filter.streamPrefixes.some((p) => streamId.startsWith(p)));
