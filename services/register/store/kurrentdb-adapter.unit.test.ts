import { describe, expect, it } from 'vitest';
import { eventStoreContract, newEvent, uniqueStream } from '../../../testing/store-contract.js';
import { waitUntil } from '../../../testing/wait.js';
import { kurrentDbEventStore } from './kurrentdb-adapter.js';
import { collect, StoreUnavailableError } from './port.js';
import { fakeKurrent } from './testing/kurrent-fake.js';

// The port semantics of the adapter against a model of the server (sparse positions, system
// events, server-side id dedupe). The same contract against a real KurrentDB: kurrentdb.int.test.ts.
eventStoreContract({
  name: 'KurrentDB adapter over an in-memory model of the server',
  open: async () => kurrentDbEventStore(fakeKurrent(), { description: 'fake', pageSize: 7 }),
  detectsIdsAcrossStreams: false,
});

describe('KurrentDB adapter specifics (model server)', () => {
  it('hands out the sparse commit positions of the log and never a system event', async () => {
    const wire = fakeKurrent();
    const store = kurrentDbEventStore(wire, { description: 'fake', pageSize: 2 });
    await store.append(uniqueStream(), [newEvent(), newEvent()], 'no-stream');
    wire.systemEvent();
    await store.append(uniqueStream(), [newEvent()], 'no-stream');
    wire.systemEvent();
    const all = await collect(store.readAll());
    expect(all).toHaveLength(3);
    expect(all.every((e) => !e.streamId.startsWith('$'))).toBe(true);
    const gaps = all.slice(1).map((e, i) => e.position - (all[i]?.position ?? 0));
    expect(gaps.every((gap) => gap > 1)).toBe(true);
    expect(await store.headPosition()).toBe(all.at(-1)?.position);
    await store.close();
    expect(wire.disposed()).toBe(true);
  });

  it('answers a replay from the stream without writing, even when the server would dedupe by id alone', async () => {
    const store = kurrentDbEventStore(fakeKurrent(), { description: 'fake' });
    const stream = uniqueStream();
    const event = newEvent();
    const first = await store.append(stream, [event], 'no-stream');
    expect(await store.append(stream, [event], 'no-stream')).toEqual({ ...first, idempotentReplay: true });
    await expect(store.append(stream, [{ ...event, data: { changed: true } }], 'no-stream')).rejects.toThrow(/different data/);
    await store.close();
  });

  it('refuses ids that are not UUIDs before any I/O, and every call after close', async () => {
    const store = kurrentDbEventStore(fakeKurrent(), { description: 'kurrentdb://db:2113' });
    await expect(store.append(uniqueStream(), [newEvent({ id: 'req-1' })], 'any')).rejects.toThrow(/must be a lower-case UUID/);
    await store.close();
    await expect(store.append(uniqueStream(), [newEvent()], 'any')).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.headPosition()).rejects.toThrow(/kurrentdb:\/\/db:2113 is closed/);
  });
});

describe('KurrentDB adapter subscription across a lost connection (model server)', () => {
  const unavailable = (): Error => Object.assign(new Error('14 UNAVAILABLE: connection refused'), { type: 'unavailable' });

  it('waits out failing reads and a dropped live subscription, then delivers every event exactly once, in order', async () => {
    const wire = fakeKurrent();
    let failReads = 2;
    let dropLive = false;
    const flaky: typeof wire = {
      ...wire,
      readAll: (options) => {
        if (failReads > 0) {
          failReads -= 1;
          return (async function* () { throw unavailable(); })();
        }
        return wire.readAll(options);
      },
      subscribeToAll: (options) => {
        const inner = wire.subscribeToAll(options);
        return {
          unsubscribe: () => inner.unsubscribe(),
          [Symbol.asyncIterator]: async function* () {
            for await (const event of inner) {
              if (dropLive) {
                dropLive = false;
                await inner.unsubscribe();
                throw unavailable();
              }
              yield event;
            }
          },
        };
      },
    };
    const store = kurrentDbEventStore(flaky, { description: 'flaky', pageSize: 3, retryDelaysMs: [1] });
    const stream = uniqueStream('resident');
    await store.append(stream, [newEvent(), newEvent()], 'no-stream');
    const seen: number[] = [];
    const subscription = store.subscribeToAll({ filter: { streamPrefixes: ['resident-'] }, onEvent: (e) => void seen.push(e.revision) });
    await subscription.caughtUp;
    await store.append(stream, [newEvent()], 1);
    await waitUntil(() => seen.length === 3);
    dropLive = true;
    await store.append(stream, [newEvent(), newEvent()], 2);
    await store.append(stream, [newEvent()], 4);
    await waitUntil(() => seen.length === 6);
    await subscription.stop();
    expect(seen).toEqual([0, 1, 2, 3, 4, 5]);
    await store.close();
  });

  it('does not retry what is not a connection problem: a refusal ends the subscription', async () => {
    const wire = fakeKurrent();
    const denied: typeof wire = {
      ...wire,
      readAll: () => (async function* () { throw Object.assign(new Error('denied'), { type: 'access-denied' }); })(),
    };
    const store = kurrentDbEventStore(denied, { description: 'denied', retryDelaysMs: [1] });
    const subscription = store.subscribeToAll({ onEvent: () => undefined });
    await expect(subscription.done).rejects.toThrow(/access-denied/);
    await store.close();
  });
});
