import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { residentStreamId } from '../../register/application/command-handler.js';
import { openSqliteEventStore } from '../../register/store/sqlite.js';
import { collect, type EventStore, type RecordedEvent } from '../../register/store/port.js';
import { landingPermitted, residenceAddressNotified, residenceCardIssued, residentRecordEntered } from '../../../testing/events.js';
import { recordedOn } from '../../../testing/facts.js';
import { appendHistory } from '../../../testing/clock.js';
import { SHIBUYA_ADDRESS, s28MovedOutWithoutNewResidence } from '../../../testing/scenario-fixtures.js';
import { clockEventId } from './event-ids.js';
import { allResidentIds } from './resident-ids.js';
import { tick, type TickDeps, type TickProgress } from './tick.js';

// Architecture decision 7 on a real SQLite file: the clock appends each finding once, however often it runs.

const logger = pino({ level: 'silent' });
const R = '11111111-1111-4111-8111-000000000025'; // S25 R: never files; (viii) from 2026-04-14
const B = '22222222-2222-4222-8222-000000000029'; // S29: moved out 2026-05-01; (ix) from 2026-07-31
const C = '33333333-3333-4333-8333-000000000001'; // S01: timely; nothing until the card expires
const clock = () => '2026-08-01T00:00:05+09:00';

let dir: string;
let file: string;
let store: EventStore;
const others: EventStore[] = [];

const s25R = [
  landingPermitted({ permittedOn: '2026-01-13', grant: { status: 'engineer-specialist', periodOfStay: 'P1Y', expiresOn: '2027-01-13' } }),
  residenceCardIssued({ cardNumber: 'MN00002503PQ', issuedOn: '2026-01-13', printedValidUntil: '2027-01-13' }),
  residentRecordEntered({ reason: 'moving-in-without-card', address: SHIBUYA_ADDRESS, residenceEstablishedOn: '2026-01-15', enteredOn: '2026-01-15', relayId: 'relay-131130-2503' }),
];
// Filed on day 87 (2026-04-10), relayed on 2026-08-02: the (viii) ground never held (MUNI-3).
const timelyButLate = recordedOn('2026-08-02', residenceAddressNotified({
  basis: '19-7', address: SHIBUYA_ADDRESS, movedInOn: '2026-01-15', notifiedOn: '2026-04-10', relayId: 'relay-131130-2504',
}));

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'register-clock-'));
  file = join(dir, 'register.db');
  store = openSqliteEventStore({ file });
  await appendHistory(store, R, s25R);
  await appendHistory(store, B, s28MovedOutWithoutNewResidence());
  await appendHistory(store, C, [landingPermitted(), residenceCardIssued(), residenceAddressNotified()]);
});
afterEach(async () => {
  await Promise.all([store, ...others.splice(0)].map((s) => s.close()));
  rmSync(dir, { recursive: true, force: true });
});

const openAnother = (): EventStore => {
  const another = openSqliteEventStore({ file });
  others.push(another);
  return another;
};
const deps = (on: EventStore, asOf: string, extra: Partial<TickDeps> = {}): TickDeps =>
  ({ store: on, residentIds: allResidentIds(on), asOf, clock, logger, ...extra });
const clockEventsIn = async (residentId: string): Promise<RecordedEvent[]> =>
  (await collect(store.readStream(residentStreamId(residentId)))).filter((e) => e.metadata.clockKey !== undefined);

describe('tick (architecture decision 7)', () => {
  it('appends the overdue duty and the grounds that arose by 2026-08-01, with deterministic ids and the clock as source', async () => {
    const progress: TickProgress[] = [];
    const result = await tick(deps(store, '2026-08-01', { onProgress: (p) => progress.push(p) }));
    expect(result).toEqual({
      asOf: '2026-08-01', residentsExamined: 3, residentsFailed: 0, eventsAppended: 3,
      appended: { NotificationOverdue: 1, CancellationGroundDetected: 2, CancellationGroundWithdrawn: 0, ResidenceCardInvalidated: 0 },
    });
    expect(progress.map((p) => [p.residentId, p.residentsExamined])).toEqual([[R, 1], [B, 2], [C, 3]]);
    const [overdue, detected] = await clockEventsIn(R);
    expect(overdue).toMatchObject({ type: 'NotificationOverdue', data: { obligation: '19-7', overdueSince: '2026-01-30' } });
    expect(overdue?.metadata.clockKey).toMatch(/^overdue\/19-7\/2026-01-15\//);
    expect(overdue?.id).toBe(clockEventId(R, String(overdue?.metadata.clockKey)));
    expect(detected).toMatchObject({
      id: clockEventId(R, 'ground-detected/viii/2026-04-14'), type: 'CancellationGroundDetected',
      data: { residentId: R, ground: 'viii', groundFrom: '2026-04-14', asOf: '2026-08-01' },
      metadata: { source: { kind: 'system', component: 'clock' }, correlationId: 'tick-2026-08-01', recordedAt: clock(), clockKey: 'ground-detected/viii/2026-04-14' },
    });
    expect((await clockEventsIn(B)).map((e) => [e.type, e.data.groundFrom])).toEqual([['CancellationGroundDetected', '2026-07-31']]);
    expect(await clockEventsIn(C)).toEqual([]);
  });

  it('a second tick with the same as-of date appends nothing', async () => {
    await tick(deps(store, '2026-08-01'));
    const head = await store.headPosition();
    expect((await tick(deps(store, '2026-08-01'))).eventsAppended).toBe(0);
    expect(await store.headPosition()).toBe(head);
  });

  it('a later tick after a late relay of a timely notification appends the withdrawal (MUNI-3, CAN-3)', async () => {
    await tick(deps(store, '2026-08-01'));
    await appendHistory(store, R, [timelyButLate]);
    const result = await tick(deps(store, '2026-08-02'));
    expect(result.appended).toEqual({ NotificationOverdue: 0, CancellationGroundDetected: 0, CancellationGroundWithdrawn: 1, ResidenceCardInvalidated: 0 });
    expect((await clockEventsIn(R)).at(-1)).toMatchObject({
      id: clockEventId(R, 'ground-withdrawn/viii/2026-04-14'), data: { ground: 'viii', groundFrom: '2026-04-14', reason: 'notified-in-time-relayed-late' },
    });
  });

  it('two ticks racing on the same file append each event once', async () => {
    const [a, b] = await Promise.all([tick(deps(store, '2026-08-01')), tick(deps(openAnother(), '2026-08-01'))]);
    expect(a.eventsAppended + b.eventsAppended).toBe(3);
    const appended = (await collect(store.readAll())).filter((e) => e.metadata.clockKey !== undefined);
    expect(appended).toHaveLength(3);
    expect(appended.map((e) => e.id)).toEqual(appended.map((e) => clockEventId(e.streamId.slice('resident-'.length), String(e.metadata.clockKey))));
  });

  it('a tick that loses the race to another tick (other as-of date, same ids) re-reads and appends nothing twice', async () => {
    const racer = openAnother();
    let raced = false;
    const racing: EventStore = {
      ...store,
      append: async (streamId, events, expected) => {
        if (!raced) {
          raced = true;
          await tick(deps(racer, '2026-08-02'));
        }
        return store.append(streamId, events, expected);
      },
    };
    const result = await tick(deps(racing, '2026-08-01'));
    expect(result).toMatchObject({ residentsFailed: 0, eventsAppended: 0 });
    const clockEvents = (await collect(store.readAll())).filter((e) => e.metadata.clockKey !== undefined);
    expect(clockEvents.map((e) => e.data.asOf)).toEqual(['2026-08-02', '2026-08-02', '2026-08-02']);
  });

  it('a command appended between the read and the append is read again: the plan follows it (optimistic concurrency)', async () => {
    let raced = false;
    const racing: EventStore = {
      ...store,
      append: async (streamId, events, expected) => {
        if (!raced) {
          raced = true;
          await appendHistory(store, R, [timelyButLate]);
        }
        return store.append(streamId, events, expected);
      },
    };
    const result = await tick(deps(racing, '2026-08-02', { residentIds: [R] }));
    expect(result.appended).toMatchObject({ NotificationOverdue: 1, CancellationGroundDetected: 0 });
  });

  it('a resident whose stream cannot be parsed is logged and counted; the others are ticked', async () => {
    await store.append(residentStreamId('44444444-4444-4444-8444-000000000000'), [{ id: crypto.randomUUID(), type: 'Nonsense', data: {}, metadata: {} }], 'no-stream');
    const result = await tick(deps(store, '2026-08-01'));
    expect(result).toMatchObject({ residentsExamined: 4, residentsFailed: 1, eventsAppended: 3 });
  });
});

describe('allResidentIds', () => {
  it('lists every resident stream once, in the order of its first event, and no other stream', async () => {
    await store.append('projection-checkpoints', [{ id: crypto.randomUUID(), type: 'Checkpoint', data: {}, metadata: {} }], 'any');
    await appendHistory(store, R, [timelyButLate]);
    expect(await collect(allResidentIds(store))).toEqual([R, B, C]);
  });
});
