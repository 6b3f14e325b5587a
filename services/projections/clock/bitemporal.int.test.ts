import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { residenceAddressVacated } from '../../../testing/events.js';
import { appendHistory } from '../../../testing/clock.js';
import { recordedOn } from '../../../testing/facts.js';
import { SHINJUKU, s28MovedOutWithoutNewResidence } from '../../../testing/scenario-fixtures.js';
import { residentStreamId } from '../../register/application/command-handler.js';
import { toFact } from '../../register/application/command-attempt.js';
import { endOfLegalDay } from '../../register/domain/facts.js';
import { statusAt } from '../../register/domain/status.js';
import { collect } from '../../register/store/port.js';
import { openSqliteEventStore } from '../../register/store/sqlite.js';
import { tick } from './tick.js';

// Issue 4, item 7: a move-out relayed after its 90 days (Art. 22-4(1)(ix), CAN-3, reading #13), end to end on a real SQLite file.
const dir = mkdtempSync(join(tmpdir(), 'register-bitemporal-'));
const store = openSqliteEventStore({ file: join(dir, 'register.db') });
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const RESIDENT = '44444444-4444-4444-8444-000000000028';
const logger = pino({ level: 'silent' });
const facts = async () => (await collect(store.readStream(residentStreamId(RESIDENT)))).map(toFact);
const tickOn = (asOf: string) => tick({ store, residentIds: [RESIDENT], asOf, clock: () => `${asOf}T00:00:05+09:00`, logger });

describe('a move-out relayed after its 90 days (Art. 22-4(1)(ix), CAN-3, DT-8)', () => {
  it('shows no ground as known before the relay, the ground from the legal date as known after, and the clock detects it the day the relay is known', async () => {
    // Notified residence in Shinjuku; moved out on 2026-05-01 — but the municipality relays it only on 2026-08-14.
    const [landing, card, notified] = s28MovedOutWithoutNewResidence();
    if (landing === undefined || card === undefined || notified === undefined) throw new Error('fixture changed');
    await appendHistory(store, RESIDENT, [landing, card, notified]);
    expect((await tickOn('2026-08-01')).appended.CancellationGroundDetected).toBe(0);

    const lateRelay = residenceAddressVacated({ municipalityCode: SHINJUKU, movedOutOn: '2026-05-01', reason: 'moving-out-notice', relayId: 'relay-131041-2899' });
    await appendHistory(store, RESIDENT, [recordedOn('2026-08-14', lateRelay)]);
    expect((await tickOn('2026-08-15')).appended.CancellationGroundDetected).toBe(1);

    const all = await facts();
    const before = statusAt(all, { asOf: '2026-08-13', knownAt: endOfLegalDay('2026-08-13') });
    expect(before.cancellationGrounds).toEqual([]);
    const after = statusAt(all, { asOf: '2026-08-13' });
    expect(after.cancellationGrounds).toEqual([expect.objectContaining({ ground: 'ix', from: '2026-07-31', clockStartedOn: '2026-05-01', state: 'candidate' })]);
    const detected = all.filter((f) => f.event.type === 'CancellationGroundDetected');
    expect(detected).toEqual([expect.objectContaining({ recordedAt: '2026-08-15T00:00:05+09:00' })]);
    expect(detected[0]?.event.data).toMatchObject({ ground: 'ix', groundFrom: '2026-07-31', asOf: '2026-08-15' });
    expect((await tickOn('2026-08-15')).eventsAppended).toBe(0);
  });
});
