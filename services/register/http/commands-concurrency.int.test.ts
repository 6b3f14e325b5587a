import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { landingPermitted, residenceAddressNotified } from '../../../testing/events.js';
import { collect, ConcurrencyError, type EventStore } from '../store/port.js';
import { bodyOf, json, startTestServer, type TestServer } from './testing/server.js';

/** Reads that answer 10 ms late, so that two nodes read the same revision and really race. */
const racingStore = (store: EventStore, conflicts: { count: number }): EventStore => ({
  ...store,
  readStream: async function* (streamId, options) {
    const events = await collect(store.readStream(streamId, options));
    await sleep(10);
    yield* events;
  },
  append: async (streamId, events, expected) => {
    try {
      return await store.append(streamId, events, expected);
    } catch (error) {
      if (error instanceof ConcurrencyError) conflicts.count += 1;
      throw error;
    }
  },
});

const dir = mkdtempSync(join(tmpdir(), 'register-race-'));
const conflicts = { count: 0 };
let nodes: TestServer[] = [];
beforeAll(async () => {
  const file = join(dir, 'register.db');
  nodes = [await startTestServer({ file, wrapStore: (s) => racingStore(s, conflicts) }), await startTestServer({ file, wrapStore: (s) => racingStore(s, conflicts) })];
});
afterAll(async () => {
  await Promise.all(nodes.map((node) => node.stop()));
  rmSync(dir, { recursive: true, force: true });
});

const node = (i: number): TestServer => {
  const chosen = nodes[i % nodes.length];
  if (chosen === undefined) throw new Error('no node started');
  return chosen;
};

const landed = async (): Promise<string> => {
  const id = randomUUID();
  expect((await node(0).post(`/residents/${id}/permit-landing`, bodyOf(landingPermitted()))).status).toBe(201);
  return id;
};

/** Ten relays of moves on distinct dates (Art. 19-9): their order of arrival must not matter (MUNI-3). */
const notification = (i: number) =>
  bodyOf(residenceAddressNotified({ relayId: `relay-131016-1${i}`, movedInOn: `2026-02-${10 + i}`, notifiedOn: `2026-02-${11 + i}`, basis: '19-9' }));

const streamOf = async (id: string) => json((await node(0).get(`/residents/${id}/events`)).body)['events'] as Record<string, unknown>[];
const dataOf = (events: readonly Record<string, unknown>[]) => events.map((e) => JSON.stringify({ ...json(e['data']), residentId: null })).sort();
const statusOf = async (id: string) => ({ ...json((await node(0).get(`/residents/${id}/status?asOf=2026-03-01`)).body), residentId: null });

const expectSameAsSerial = async (raced: string): Promise<void> => {
  const serial = await landed();
  for (let i = 0; i < 10; i += 1) expect((await node(0).post(`/residents/${serial}/notify-residence-address`, notification(i))).status).toBe(201);
  const racedEvents = await streamOf(raced);
  expect(racedEvents.map((e) => e['revision'])).toEqual(Array.from({ length: 11 }, (_, i) => i));
  expect(dataOf(racedEvents)).toEqual(dataOf(await streamOf(serial)));
  expect(await statusOf(raced)).toEqual(await statusOf(serial));
};

describe('concurrent commands for one resident without If-Match (architecture decision 4)', () => {
  it('10 concurrent commands on one node all succeed and equal their serial application', async () => {
    const id = await landed();
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => node(0).post(`/residents/${id}/notify-residence-address`, notification(i))));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    await expectSameAsSerial(id);
  });

  it('10 concurrent commands split over two nodes race, are retried (bounded) and all succeed, equal to a serial application', async () => {
    const id = await landed();
    const before = conflicts.count;
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => node(i).post(`/residents/${id}/notify-residence-address`, notification(i))));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    expect(conflicts.count).toBeGreaterThan(before); // the nodes really raced and retried
    await expectSameAsSerial(id);
  });
});
