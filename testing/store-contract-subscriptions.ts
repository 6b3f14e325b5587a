import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collect, type EventStore, type RecordedEvent } from '../services/register/store/port.js';
import { newEvent, uniqueStream } from './store-contract.js';
import { waitUntil } from './wait.js';

/** The catch-up subscription part of the contract: in order, exactly once, then live. */
export const subscriptionContract = (getStore: () => EventStore): void => {
  describe('catch-up subscription', () => {
    it('delivers the history after the checkpoint, signals caught-up, then the live events', async () => {
      const store = getStore();
      const prefix = `sub${randomUUID().slice(0, 8)}`;
      const stream = uniqueStream(prefix);
      await store.append(stream, [newEvent(), newEvent()], 'no-stream');
      const checkpoint = (await collect(store.readStream(stream)))[0]?.position ?? 0;
      const seen: RecordedEvent[] = [];
      let caughtUpAt = -1;
      const subscription = store.subscribeToAll({
        after: checkpoint,
        filter: { streamPrefixes: [prefix] },
        onEvent: (e) => void seen.push(e),
        onCaughtUp: (position) => (caughtUpAt = position),
      });
      const head = await subscription.caughtUp;
      expect(seen.map((e) => e.revision)).toEqual([1]);
      expect(caughtUpAt).toBe(head);
      expect(head).toBeGreaterThanOrEqual(seen[0]?.position ?? Infinity);
      await store.append(stream, [newEvent(), newEvent()], 1);
      await waitUntil(() => seen.length === 3);
      await subscription.stop();
      expect(seen.map((e) => e.revision)).toEqual([1, 2, 3]);
    });

    it('waits for a slow handler: the next event is delivered only after the previous one resolved', async () => {
      const store = getStore();
      const prefix = `slow${randomUUID().slice(0, 8)}`;
      const stream = uniqueStream(prefix);
      await store.append(stream, [newEvent(), newEvent(), newEvent()], 'no-stream');
      let inFlight = 0;
      let maxInFlight = 0;
      const order: number[] = [];
      const subscription = store.subscribeToAll({
        filter: { streamPrefixes: [prefix] },
        onEvent: async (e) => {
          inFlight += 1;
          maxInFlight = Math.max(maxInFlight, inFlight);
          await new Promise((resolve) => setImmediate(resolve));
          order.push(e.revision);
          inFlight -= 1;
        },
      });
      await subscription.caughtUp;
      await subscription.stop();
      expect(order).toEqual([0, 1, 2]);
      expect(maxInFlight).toBe(1);
    });

    it('stops with the handler error and delivers nothing after it', async () => {
      const store = getStore();
      const prefix = `fail${randomUUID().slice(0, 8)}`;
      await store.append(uniqueStream(prefix), [newEvent(), newEvent()], 'no-stream');
      const seen: number[] = [];
      const subscription = store.subscribeToAll({
        filter: { streamPrefixes: [prefix] },
        onEvent: (e) => {
          seen.push(e.revision);
          throw new Error('projection failed');
        },
      });
      await expect(subscription.done).rejects.toThrow('projection failed');
      expect(seen).toEqual([0]);
    });

    it('neither skips nor repeats an event while concurrent writers append (property)', async () => {
      const store = getStore();
      const plan = fc.array(
        fc.record({ writer: fc.integer({ min: 0, max: 3 }), stream: fc.integer({ min: 0, max: 4 }), size: fc.integer({ min: 1, max: 3 }) }),
        { minLength: 1, maxLength: 30 },
      );
      await fc.assert(
        fc.asyncProperty(plan, async (steps) => {
          const prefix = `race${randomUUID().slice(0, 8)}`;
          const start = await store.headPosition();
          const delivered: RecordedEvent[] = [];
          const subscription = store.subscribeToAll({
            after: start,
            filter: { streamPrefixes: [prefix] },
            onEvent: (e) => void delivered.push(e),
          });
          const writers = [0, 1, 2, 3].map(async (writer) => {
            for (const step of steps.filter((s) => s.writer === writer)) {
              const events = Array.from({ length: step.size }, () => newEvent());
              await store.append(`${prefix}-s${step.stream}`, events, 'any');
              await new Promise((resolve) => setImmediate(resolve));
            }
          });
          await Promise.all(writers);
          const expected = await collect(store.readAll({ after: start, filter: { streamPrefixes: [prefix] } }));
          await waitUntil(() => delivered.length >= expected.length);
          await subscription.stop();
          expect(delivered.map((e) => e.id)).toEqual(expected.map((e) => e.id));
          expect(new Set(delivered.map((e) => e.id)).size).toBe(delivered.length);
        }),
        { numRuns: 20 },
      );
    });
  });
};
