import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { landingPermitted, residenceCardIssued, residentRecordEntered } from '../../../testing/events.js';
import { openSqliteEventStore } from '../../register/store/sqlite.js';
import { createReadModels } from '../read-models/queries.js';
import { ANNA, appendHistories, realisticHistories, type Step } from '../testing/histories.js';
import { openProjectionDatabase } from './projection-db.js';
import { startProjector } from './projector.js';

const dir = mkdtempSync(join(tmpdir(), 'projection-refresh-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const IVAN = '70000000-0000-4000-8000-000000000007';
const step = (date: string, event: Step['event']): Step => ({ event, recordedAt: `${date}T10:00:00+09:00` });

/** Settles on 2026-01-25 (a resident-record entry, Art. 61-8-2) and never notifies: 19-7 is due on 2026-02-09 (Mon; 02-08 is a Sunday). */
const ivan: Step[] = [
  step('2026-01-10', landingPermitted({ residentId: IVAN, permittedOn: '2026-01-10' })),
  step('2026-01-10', residenceCardIssued({ residentId: IVAN, cardNumber: 'II00000007II', issuedOn: '2026-01-10' })),
  step('2026-01-26', residentRecordEntered({ residentId: IVAN, residenceEstablishedOn: '2026-01-25', enteredOn: '2026-01-26' })),
];

describe('refresh: deadlines pass without events (decision 7)', () => {
  it('a 19-7 duty becomes overdue on the day after its effective deadline, and only the rows due are recomputed (Art. 19-7(1), DT-6)', async () => {
    const store = openSqliteEventStore({ file: join(dir, 'register.db') });
    const anna = (realisticHistories().get(ANNA) ?? []).slice(0, 3);
    await appendHistories(store, new Map([[IVAN, ivan], [ANNA, anna]]));
    const { db } = openProjectionDatabase(join(dir, 'projections.db'));
    let today = '2026-02-09';
    const projector = startProjector({ store, db, today: () => today, logger: pino({ level: 'silent' }) });
    await projector.caughtUp;
    const models = createReadModels(db);

    expect(models.statusOf(IVAN)).toMatchObject({ overdueDuties: [], nextChangeOn: '2026-02-10' });
    expect(await projector.refresh('2026-02-09')).toEqual({ residents: 0 });
    expect(models.statusOf(IVAN)?.asOf).toBe('2026-02-09');

    today = '2026-02-10';
    expect(await projector.refresh(today)).toEqual({ residents: 1 });
    expect(models.statusOf(IVAN)).toMatchObject({ asOf: '2026-02-10', overdueDuties: ['19-7'] });
    expect(models.residents({ overdueDuty: '19-7' }, 10, null).items.map((r) => r.residentId)).toEqual([IVAN]);
    expect(models.deadlines({ dueFrom: '2026-02-01', dueTo: '2026-02-28', kind: '19-7' }, 10, null).items).toEqual([
      expect.objectContaining({ residentId: IVAN, nominal: '2026-02-08', effective: '2026-02-09' }),
    ]);
    expect(models.residentsDueBy('2026-02-10')).toEqual([IVAN]);
    expect(models.statusOf(ANNA)?.asOf).toBe('2026-02-09'); // nothing of Anna's changes before 2027-01-11
    await projector.stop();
    db.close();
    await store.close();
  });

  it('a projector started after a day boundary it did not see refreshes the rows due before it reports caught up', async () => {
    const store = openSqliteEventStore({ file: join(dir, 'restart.db') });
    await appendHistories(store, new Map([[IVAN, ivan]]));
    const { db } = openProjectionDatabase(join(dir, 'restart-projections.db'));
    const logger = pino({ level: 'silent' });
    const before = startProjector({ store, db, today: () => '2026-02-09', logger });
    await before.caughtUp;
    await before.stop();
    expect(createReadModels(db).statusOf(IVAN)?.overdueDuties).toEqual([]);

    const after = startProjector({ store, db, today: () => '2026-02-11', logger });
    await after.caughtUp;
    expect(createReadModels(db).statusOf(IVAN)).toMatchObject({ asOf: '2026-02-11', overdueDuties: ['19-7'] });
    await after.stop();
    db.close();
    await store.close();
  });
});
