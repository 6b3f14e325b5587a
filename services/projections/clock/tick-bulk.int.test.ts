import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { residentStreamId } from '../../register/application/command-handler.js';
import { collect } from '../../register/store/port.js';
import { openSqliteEventStore, type SqliteEventStore } from '../../register/store/sqlite.js';
import { landingPermitted, residenceAddressNotified, residenceCardIssued, residentRecordEntered } from '../../../testing/events.js';
import { recordedOn } from '../../../testing/facts.js';
import { appendHistory } from '../../../testing/clock.js';
import { SHIBUYA_ADDRESS, s28MovedOutWithoutNewResidence } from '../../../testing/scenario-fixtures.js';
import { allResidentIds } from './resident-ids.js';
import { tick, type TickDeps } from './tick.js';

// The clock with the SQLite store's bulk append (one transaction per chunk of residents, the
// national-scale benchmark's finding: one fsync per resident bound the tick) must decide exactly as
// the tick that appends resident by resident (architecture decision 7).

const logger = pino({ level: 'silent' });
const R = '11111111-1111-4111-8111-000000000025'; // S25: never files; (viii) from 2026-04-14
const B = '22222222-2222-4222-8222-000000000029'; // S29: moved out 2026-05-01; (ix) from 2026-07-31
const C = '33333333-3333-4333-8333-000000000001'; // S01: timely
const clock = () => '2026-08-01T00:00:05+09:00';
const dirs: string[] = [];
const stores: SqliteEventStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

const populated = async (): Promise<SqliteEventStore> => {
  const dir = mkdtempSync(join(tmpdir(), 'register-clock-bulk-'));
  dirs.push(dir);
  const store = openSqliteEventStore({ file: join(dir, 'register.db') });
  stores.push(store);
  await appendHistory(store, R, [
    landingPermitted({ permittedOn: '2026-01-13', grant: { status: 'engineer-specialist', periodOfStay: 'P1Y', expiresOn: '2027-01-13' } }),
    residenceCardIssued({ cardNumber: 'MN00002503PQ', issuedOn: '2026-01-13', printedValidUntil: '2027-01-13' }),
    residentRecordEntered({ reason: 'moving-in-without-card', address: SHIBUYA_ADDRESS, residenceEstablishedOn: '2026-01-15', enteredOn: '2026-01-15', relayId: 'relay-131130-2503' }),
  ]);
  await appendHistory(store, B, s28MovedOutWithoutNewResidence());
  await appendHistory(store, C, [landingPermitted(), residenceCardIssued(), residenceAddressNotified()]);
  return store;
};

const deps = (store: SqliteEventStore, asOf: string, bulk: boolean, extra: Partial<TickDeps> = {}): TickDeps => ({
  store, residentIds: allResidentIds(store), asOf, clock, logger, ...(bulk ? { appendMany: (a) => store.appendMany(a), chunk: 2 } : {}), ...extra,
});

const clockEvents = async (store: SqliteEventStore) =>
  (await collect(store.readAll())).filter((e) => e.metadata.clockKey !== undefined).map((e) => ({ id: e.id, streamId: e.streamId, type: e.type, data: e.data }));

describe('tick with the bulk append (chunks of residents in one transaction)', () => {
  it('appends the same events with the same ids as resident by resident, and nothing on a second run', async () => {
    const [single, bulk] = [await populated(), await populated()];
    const a = await tick(deps(single, '2026-08-01', false));
    const b = await tick(deps(bulk, '2026-08-01', true));
    expect(b).toEqual(a);
    expect(b.eventsAppended).toBe(3);
    expect(await clockEvents(bulk)).toEqual(await clockEvents(single));
    expect((await tick(deps(bulk, '2026-08-01', true))).eventsAppended).toBe(0);
  });

  it('a chunk whose append loses a race to a command is redone resident by resident: the plan follows the command', async () => {
    const store = await populated();
    let raced = false;
    const appendMany: TickDeps['appendMany'] = async (appends) => {
      if (!raced) {
        raced = true;
        await appendHistory(store, R, [recordedOn('2026-08-02', residenceAddressNotified({
          basis: '19-7', address: SHIBUYA_ADDRESS, movedInOn: '2026-01-15', notifiedOn: '2026-04-10', relayId: 'relay-131130-2504',
        }))]);
      }
      return store.appendMany(appends);
    };
    const result = await tick(deps(store, '2026-08-02', true, { residentIds: [R, B], appendMany }));
    expect(result).toMatchObject({ residentsExamined: 2, residentsFailed: 0 });
    expect(result.appended).toMatchObject({ NotificationOverdue: 1, CancellationGroundDetected: 1 });
    expect((await collect(store.readStream(residentStreamId(R)))).filter((e) => e.type === 'CancellationGroundDetected')).toEqual([]);
  });

  it('a resident whose stream cannot be parsed fails alone; the rest of its chunk is ticked', async () => {
    const store = await populated();
    await store.append(residentStreamId('44444444-4444-4444-8444-000000000000'), [{ id: crypto.randomUUID(), type: 'Nonsense', data: {}, metadata: {} }], 'no-stream');
    const result = await tick(deps(store, '2026-08-01', true));
    expect(result).toMatchObject({ residentsExamined: 4, residentsFailed: 1, eventsAppended: 3 });
  });
});
