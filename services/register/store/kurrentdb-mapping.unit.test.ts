import { describe, expect, it } from 'vitest';
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
import type { WireRecordedEvent } from './kurrentdb-wire.js';
import { ConcurrencyError, InvalidAppendError, StoreUnavailableError } from './port.js';

const clientError = (type: string, extra: Record<string, unknown> = {}): Error => Object.assign(new Error(`${type} happened`), { type, ...extra });

const wireEvent = (overrides: Partial<WireRecordedEvent> = {}): WireRecordedEvent => ({
  streamId: 'resident-1',
  id: '2de6c6fa-62bc-575b-af27-cfe19827a882',
  revision: 3n,
  type: 'ResidentLanded',
  data: { a: 1 },
  metadata: { recordedAt: '2026-01-10T00:00:00.000Z' },
  isJson: true,
  position: { commit: 123_456n, prepare: 123_456n },
  ...overrides,
});

describe('KurrentDB positions', () => {
  it('uses the commit position as the global position and maps it back to a log position', () => {
    expect(positionToNumber({ commit: 123_456n, prepare: 123_456n }, 'e')).toBe(123_456);
    expect(numberToPosition(123_456)).toEqual({ commit: 123_456n, prepare: 123_456n });
    expect(numberToPosition(0)).toBe('start');
  });

  it('refuses positions the port cannot carry exactly: missing, 0, the uint64 sentinel, ≥ 2^53', () => {
    expect(() => positionToNumber(undefined, 'event x')).toThrow(/event x: KurrentDB returned no log position/);
    expect(() => positionToNumber({ commit: 0n, prepare: 0n }, 'e')).toThrow(StoreUnavailableError);
    expect(() => positionToNumber({ commit: 2n ** 64n - 1n, prepare: 0n }, 'e')).toThrow(/outside 1\.\.2\^53-1/);
    expect(positionToNumber({ commit: 2n ** 53n - 1n, prepare: 0n }, 'e')).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => numberToPosition(-1)).toThrow(RangeError);
    expect(() => numberToPosition(1.5)).toThrow(RangeError);
  });
});

describe('KurrentDB expected revisions and errors', () => {
  it('maps every expected revision to the client stream state', () => {
    expect(toStreamState('no-stream')).toBe('no_stream');
    expect(toStreamState('stream-exists')).toBe('stream_exists');
    expect(toStreamState('any')).toBe('any');
    expect(toStreamState(7)).toBe(7n);
  });

  it('turns WrongExpectedVersion into ConcurrencyError with the expected and the actual revision', () => {
    const numeric = translateError(clientError('wrong-expected-version', { actualState: 4n }), { streamId: 'resident-1', expected: 2 });
    expect(numeric).toBeInstanceOf(ConcurrencyError);
    expect(numeric).toMatchObject({ streamId: 'resident-1', expected: 2, actual: 4 });
    const missing = translateError(clientError('wrong-expected-version', { actualState: 'no_stream' }), { streamId: 's', expected: 'stream-exists' });
    expect(missing).toMatchObject({ expected: 'stream-exists', actual: 'no-stream' });
  });

  it('turns other client errors and raw gRPC statuses into StoreUnavailableError naming the stream', () => {
    const unavailable = translateError(clientError('unavailable'), { streamId: 'resident-1' });
    expect(unavailable).toBeInstanceOf(StoreUnavailableError);
    expect((unavailable as Error).message).toMatch(/stream resident-1.*unavailable/);
    const grpc = Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14, details: 'x' });
    expect(translateError(grpc, {})).toBeInstanceOf(StoreUnavailableError);
    const ours = new InvalidAppendError('x');
    expect(translateError(ours, {})).toBe(ours);
    expect(isStreamNotFound(clientError('stream-not-found'))).toBe(true);
    expect(isStreamNotFound(clientError('unavailable'))).toBe(false);
  });
});

describe('KurrentDB transient errors', () => {
  it('waits out lost connections, deadlines and leader changes, but not refusals or unreadable data', () => {
    for (const type of ['unavailable', 'deadline-exceeded', 'not-leader'])
      expect(isTransientStoreError(translateError(clientError(type), {}))).toBe(true);
    const grpc = Object.assign(new Error('14 UNAVAILABLE'), { code: 14, details: 'x' });
    expect(isTransientStoreError(translateError(grpc, {}))).toBe(true);
    expect(isTransientStoreError(translateError(clientError('access-denied'), {}))).toBe(false);
    expect(isTransientStoreError(new StoreUnavailableError('event x: data is not a JSON object'))).toBe(false);
  });
});

describe('KurrentDB events', () => {
  it('writes only lower-case UUID ids, which is how the server hands them back', () => {
    const event = { id: '2de6c6fa-62bc-575b-af27-cfe19827a882', type: 'T', data: { a: 1 }, metadata: {} };
    expect(toWireEvent(event)).toEqual(event);
    expect(() => toWireEvent({ ...event, id: 'req-0001' })).toThrow(InvalidAppendError);
    expect(() => toWireEvent({ ...event, id: event.id.toUpperCase() })).toThrow(/lower-case UUID/);
  });

  it('reads a recorded event with its revision, position, data and metadata', () => {
    expect(fromWireEvent(wireEvent())).toEqual({
      id: '2de6c6fa-62bc-575b-af27-cfe19827a882', streamId: 'resident-1', revision: 3, position: 123_456,
      type: 'ResidentLanded', data: { a: 1 }, metadata: { recordedAt: '2026-01-10T00:00:00.000Z' },
    });
    expect(fromWireEvent(wireEvent({ metadata: undefined })).metadata).toEqual({});
  });

  it('refuses events this adapter did not write: binary data, non-object data or metadata', () => {
    expect(() => fromWireEvent(wireEvent({ isJson: false, data: new Uint8Array([1]) }))).toThrow(/resident-1@3: data is not a JSON object/);
    expect(() => fromWireEvent(wireEvent({ data: [1, 2] }))).toThrow(StoreUnavailableError);
    expect(() => fromWireEvent(wireEvent({ metadata: new Uint8Array([1]) }))).toThrow(/metadata is not a JSON object/);
  });

  it('gives the idempotency rules the stored identity with its data as JSON', () => {
    const identity = toStoredIdentity(fromWireEvent(wireEvent()));
    expect(identity).toEqual({
      event_id: '2de6c6fa-62bc-575b-af27-cfe19827a882', stream_id: 'resident-1', revision: 3, position: 123_456, type: 'ResidentLanded', data: '{"a":1}',
    });
  });
});

describe('KurrentDB filters', () => {
  it('filters on the server by stream prefix, and without a filter excludes system streams', () => {
    expect(toWireFilter({ streamPrefixes: ['resident-'] })).toEqual({ prefixes: ['resident-'] });
    expect(toWireFilter(undefined)).toEqual({ regex: '^[^$]' });
    expect(toWireFilter({ streamPrefixes: ['$stats'] })).toEqual({ regex: '^(?!)' });
  });

  it('never lets a system event through on the client side either', () => {
    expect(matchesFilter(undefined, '$stats-127.0.0.1:2113')).toBe(false);
    expect(matchesFilter(undefined, 'resident-1')).toBe(true);
    expect(matchesFilter({ streamPrefixes: ['resident-'] }, 'clock-1')).toBe(false);
    expect(matchesFilter({ streamPrefixes: [] }, 'resident-1')).toBe(false);
  });
});
