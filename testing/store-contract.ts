import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  collect,
  ConcurrencyError,
  IdempotencyConflictError,
  InvalidAppendError,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
} from '../services/register/store/port.js';
import { subscriptionContract } from './store-contract-subscriptions.js';

/** How a contract run obtains a store. One store per suite, a fresh stream per test (Emmett). */
export interface StoreUnderTest {
  readonly name: string;
  open(): Promise<EventStore>;
  /**
   * False for a store that cannot see an id reused in another stream (KurrentDB has no index by
   * event id): the contract then asserts that the documented difference is what happens.
   */
  readonly detectsIdsAcrossStreams?: boolean;
}

export const newEvent = (overrides: Partial<NewEvent> = {}): NewEvent => ({
  id: randomUUID(),
  type: 'ContractTested',
  data: { note: 'ü 住居地 ✓', nested: { list: [1, 2.5, null, true] } },
  metadata: { recordedAt: '2026-01-10T00:00:00.000Z', correlationId: 'c', causationId: 'c' },
  ...overrides,
});

export const uniqueStream = (prefix = 'contract'): string => `${prefix}-${randomUUID()}`;

export const eventStoreContract = (subject: StoreUnderTest): void => {
  describe(`event store contract: ${subject.name}`, () => {
    let store: EventStore;
    beforeAll(async () => {
      store = await subject.open();
    });
    afterAll(async () => {
      await store.close();
    });
    const streamEvents = (streamId: string): Promise<RecordedEvent[]> => collect(store.readStream(streamId));

    describe('expected revision', () => {
      it('creates a stream with no-stream and refuses a second no-stream append', async () => {
        const stream = uniqueStream();
        const first = await store.append(stream, [newEvent()], 'no-stream');
        expect(first).toMatchObject({ nextExpectedRevision: 0, idempotentReplay: false });
        await expect(store.append(stream, [newEvent()], 'no-stream')).rejects.toBeInstanceOf(ConcurrencyError);
      });

      it('appends at the exact revision and reports the actual one on a mismatch', async () => {
        const stream = uniqueStream();
        await store.append(stream, [newEvent(), newEvent()], 'no-stream');
        const error = await store.append(stream, [newEvent()], 0).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ConcurrencyError);
        expect(error).toMatchObject({ streamId: stream, expected: 0, actual: 1 });
        expect((await store.append(stream, [newEvent()], 1)).nextExpectedRevision).toBe(2);
      });

      it('refuses stream-exists on a missing stream and accepts any on both', async () => {
        const stream = uniqueStream();
        await expect(store.append(stream, [newEvent()], 'stream-exists')).rejects.toBeInstanceOf(ConcurrencyError);
        await store.append(stream, [newEvent()], 'any');
        await store.append(stream, [newEvent()], 'stream-exists');
        expect((await store.append(stream, [newEvent()], 'any')).nextExpectedRevision).toBe(2);
      });

      it('lets exactly one of many racing appends at the same revision win', async () => {
        const stream = uniqueStream();
        await store.append(stream, [newEvent()], 'no-stream');
        const results = await Promise.allSettled(
          Array.from({ length: 10 }, () => store.append(stream, [newEvent()], 0)),
        );
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(rejected.every((r) => r.reason instanceof ConcurrencyError)).toBe(true);
        expect(await streamEvents(stream)).toHaveLength(2);
      });
    });

    describe('idempotent event ids', () => {
      it('stores nothing new when the same ids and content are appended again', async () => {
        const stream = uniqueStream();
        const events = [newEvent(), newEvent()];
        const first = await store.append(stream, events, 'no-stream');
        const again = await store.append(stream, events, 'no-stream');
        expect(again).toEqual({ ...first, idempotentReplay: true });
        expect(await streamEvents(stream)).toHaveLength(2);
      });

      it('treats a retry whose data lists keys in another order as the same content', async () => {
        const stream = uniqueStream();
        const event = newEvent({ data: { a: 1, b: { c: 2, d: 3 } } });
        await store.append(stream, [event], 'no-stream');
        const retry = { ...event, data: { b: { d: 3, c: 2 }, a: 1 }, metadata: { recordedAt: 'later' } };
        expect((await store.append(stream, [retry], 'no-stream')).idempotentReplay).toBe(true);
      });

      it('rejects the same id with different data, type or stream as a conflict', async () => {
        const stream = uniqueStream();
        const event = newEvent();
        await store.append(stream, [event], 'no-stream');
        const conflicts = [
          store.append(stream, [{ ...event, data: { other: true } }], 'any'),
          store.append(stream, [{ ...event, type: 'Other' }], 'any'),
        ];
        for (const attempt of conflicts) await expect(attempt).rejects.toBeInstanceOf(IdempotencyConflictError);
        const elsewhere = store.append(uniqueStream(), [event], 'any');
        if (subject.detectsIdsAcrossStreams === false) expect((await elsewhere).idempotentReplay).toBe(false);
        else await expect(elsewhere).rejects.toBeInstanceOf(IdempotencyConflictError);
        expect(await streamEvents(stream)).toHaveLength(1);
      });

      it('rejects a batch of which only a part is already stored, and stores none of it', async () => {
        const stream = uniqueStream();
        const stored = newEvent();
        await store.append(stream, [stored], 'no-stream');
        const fresh = newEvent();
        await expect(store.append(stream, [stored, fresh], 'any')).rejects.toBeInstanceOf(IdempotencyConflictError);
        expect((await streamEvents(stream)).map((e) => e.id)).toEqual([stored.id]);
      });
    });

    describe('atomic multi-event appends', () => {
      it('gives a batch consecutive revisions and increasing global positions', async () => {
        const stream = uniqueStream();
        const result = await store.append(stream, [newEvent(), newEvent(), newEvent()], 'no-stream');
        const events = await streamEvents(stream);
        expect(events.map((e) => e.revision)).toEqual([0, 1, 2]);
        expect(events.map((e) => e.position)).toEqual([...events.map((e) => e.position)].sort((a, b) => a - b));
        expect(result.position).toBe(events.at(-1)?.position);
      });

      it('stores nothing of a batch that fails its revision check or repeats an id', async () => {
        const stream = uniqueStream();
        await store.append(stream, [newEvent()], 'no-stream');
        await expect(store.append(stream, [newEvent(), newEvent()], 5)).rejects.toBeInstanceOf(ConcurrencyError);
        const twice = newEvent();
        await expect(store.append(stream, [twice, twice], 'any')).rejects.toBeInstanceOf(InvalidAppendError);
        await expect(store.append(stream, [], 'any')).rejects.toBeInstanceOf(InvalidAppendError);
        expect(await streamEvents(stream)).toHaveLength(1);
      });
    });

    describe('reading', () => {
      it('round-trips type, data and metadata exactly', async () => {
        const stream = uniqueStream();
        const event = newEvent();
        await store.append(stream, [event], 'no-stream');
        const [read] = await streamEvents(stream);
        expect(read).toMatchObject({ id: event.id, type: event.type, data: event.data, metadata: event.metadata });
        expect(read?.streamId).toBe(stream);
      });

      it('reads a stream forwards and backwards from a revision, bounded by maxCount', async () => {
        const stream = uniqueStream();
        await store.append(stream, Array.from({ length: 5 }, () => newEvent()), 'no-stream');
        const revisions = async (opts: Parameters<EventStore['readStream']>[1]): Promise<number[]> =>
          (await collect(store.readStream(stream, opts))).map((e) => e.revision);
        expect(await revisions({ fromRevision: 2 })).toEqual([2, 3, 4]);
        expect(await revisions({ direction: 'backwards' })).toEqual([4, 3, 2, 1, 0]);
        expect(await revisions({ direction: 'backwards', fromRevision: 2, maxCount: 2 })).toEqual([2, 1]);
        expect(await revisions({ fromRevision: 1, maxCount: 2 })).toEqual([1, 2]);
        expect(await collect(store.readStream(uniqueStream()))).toEqual([]);
      });

      it('reads all events after a position in commit order, optionally filtered by stream prefix', async () => {
        const prefix = `all${randomUUID().slice(0, 8)}`;
        const before = await store.headPosition();
        const [a, b] = [uniqueStream(prefix), uniqueStream('other')];
        await store.append(a, [newEvent()], 'no-stream');
        await store.append(b, [newEvent()], 'no-stream');
        await store.append(a, [newEvent()], 0);
        const all = await collect(store.readAll({ after: before }));
        expect(all.map((e) => e.streamId)).toEqual([a, b, a]);
        expect(await store.headPosition()).toBe(all.at(-1)?.position);
        const filtered = await collect(store.readAll({ after: before, filter: { streamPrefixes: [prefix] } }));
        expect(filtered.map((e) => e.revision)).toEqual([0, 1]);
        expect(await collect(store.readAll({ after: before, maxCount: 2 }))).toHaveLength(2);
      });

      it('keeps every batch contiguous in the global order under concurrent writers (property)', async () => {
        await fc.assert(
          fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 12 }), async (sizes) => {
            const prefix = `atom${randomUUID().slice(0, 8)}`;
            const before = await store.headPosition();
            await Promise.all(sizes.map((n) => store.append(uniqueStream(prefix), Array.from({ length: n }, () => newEvent()), 'no-stream')));
            const read = await collect(store.readAll({ after: before, filter: { streamPrefixes: [prefix] } }));
            const runs = read.reduce<string[]>((acc, e) => (acc.at(-1) === e.streamId ? acc : [...acc, e.streamId]), []);
            expect(new Set(runs).size).toBe(runs.length);
            expect(read).toHaveLength(sizes.reduce((a, b) => a + b, 0));
          }),
          { numRuns: 15 },
        );
      });
    });

    subscriptionContract(() => store);
  });
};
