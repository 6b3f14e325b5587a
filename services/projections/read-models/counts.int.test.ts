import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CHIYODA, CHIYODA_ADDRESS, identityParticularsChanged, landingPermitted, residenceAddressNotified, residenceAddressVacated,
  residenceCardIssued, residentDied, statusPermissionGranted,
} from '../../../testing/events.js';
import { SHINJUKU, SHINJUKU_ADDRESS } from '../../../testing/scenario-fixtures.js';
import { collect } from '../../register/store/port.js';
import { openSqliteEventStore } from '../../register/store/sqlite.js';
import { createEventApplier } from '../runtime/event-applier.js';
import { openProjectionDatabase } from '../runtime/projection-db.js';
import { appendStep, type Step } from '../testing/histories.js';
import { COUNT_DIMENSIONS, UNKNOWN_KEY } from './counts.js';
import { createReadModels } from './queries.js';
import type { CountDimension, CountRow } from './types.js';

const dir = mkdtempSync(join(tmpdir(), 'read-model-counts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const GEN = '90000000-0000-4000-8000-000000000009';
const HANA = '80000000-0000-4000-8000-000000000008';
const step = (date: string, event: Step['event']): Step => ({ event, recordedAt: `${date}T10:00:00+09:00` });

const COLUMN: Readonly<Record<CountDimension, string>> = {
  municipality: 'municipality_code', statusOfResidence: 'status_of_residence', nationality: 'nationality',
};

/** The counts as a full recount of the status rows would give them: what the incremental counts must equal. */
const recount = (db: Database, dimension: CountDimension): CountRow[] =>
  db.prepare(
    `SELECT COALESCE(${COLUMN[dimension]}, '${UNKNOWN_KEY}') AS key, COUNT(*) AS count FROM resident_status
     WHERE mltr = 1 GROUP BY key ORDER BY count DESC, key`,
  ).all() as CountRow[];

const hanaSteps: Step[] = [
  step('2026-01-05', landingPermitted({ residentId: HANA, permittedOn: '2026-01-05' })),
  step('2026-01-09', residenceAddressNotified({ residentId: HANA, movedInOn: '2026-01-06', notifiedOn: '2026-01-09', relayId: 'relay-h-1' })),
];

const genSteps: Step[] = [
  step('2026-01-10', landingPermitted({ residentId: GEN, permittedOn: '2026-01-10' })),
  step('2026-01-10', residenceCardIssued({ residentId: GEN, cardNumber: 'GG00000009GG', issuedOn: '2026-01-10' })),
  step('2026-01-30', residenceAddressNotified({ residentId: GEN, address: CHIYODA_ADDRESS, movedInOn: '2026-01-25', notifiedOn: '2026-01-30', relayId: 'relay-g-1' })),
  step('2026-03-01', residenceAddressVacated({ residentId: GEN, movedOutOn: '2026-03-01', notifiedOn: '2026-02-27', relayId: 'relay-g-2' })),
  step('2026-03-05', residenceAddressNotified({
    residentId: GEN, basis: '19-9', address: SHINJUKU_ADDRESS, movedInOn: '2026-03-02', notifiedOn: '2026-03-05', relayId: 'relay-g-3',
  })),
  step('2026-04-01', statusPermissionGranted({
    residentId: GEN, kind: 'change-of-status', grantedOn: '2026-04-01', grant: { status: 'business-manager', periodOfStay: 'P1Y', expiresOn: '2027-04-01' },
  })),
  step('2026-04-20', identityParticularsChanged({ residentId: GEN, changedOn: '2026-04-15', notifiedOn: '2026-04-20', changes: { nationality: 'KOR' } })),
  step('2026-05-02', residentDied({ residentId: GEN, diedOn: '2026-05-01' })),
];

/** Gen's counted keys after each of the steps above (Hana, an Engineer from Vietnam in Chiyoda, counts throughout). */
const genKeys: readonly ([string, string, string] | null)[] = [
  [UNKNOWN_KEY, 'engineer-specialist', 'VNM'],
  [UNKNOWN_KEY, 'engineer-specialist', 'VNM'],
  [CHIYODA, 'engineer-specialist', 'VNM'],
  [CHIYODA, 'engineer-specialist', 'VNM'], // the last known municipality after the move-out
  [SHINJUKU, 'engineer-specialist', 'VNM'],
  [SHINJUKU, 'business-manager', 'VNM'],
  [SHINJUKU, 'business-manager', 'KOR'],
  null,
];

const expectedCounts = (keys: [string, string, string] | null, dimension: CountDimension): CountRow[] => {
  const hana: Record<CountDimension, string> = { municipality: CHIYODA, statusOfResidence: 'engineer-specialist', nationality: 'VNM' };
  const all = [hana[dimension], ...(keys === null ? [] : [keys[COUNT_DIMENSIONS.indexOf(dimension)] ?? ''])];
  const tally = new Map<string, number>();
  all.forEach((key) => tally.set(key, (tally.get(key) ?? 0) + 1));
  return [...tally].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
};

describe('counts (e), maintained incrementally inside each resident transaction', () => {
  it('follow a change of municipality, of status of residence, of nationality, and a death (Arts. 19-9, 20, 19-10, 19-14(vi))', async () => {
    const store = openSqliteEventStore({ file: join(dir, 'register.db') });
    const { db } = openProjectionDatabase(join(dir, 'projections.db'));
    const applier = createEventApplier(db);
    const models = createReadModels(db);
    const applyNew = async (): Promise<void> => {
      for (const event of await collect(store.readAll({ after: applier.checkpoint() }))) applier.apply(event, '2026-06-01');
    };
    for (const s of hanaSteps) await appendStep(store, HANA, s);
    await applyNew();
    for (const [i, s] of genSteps.entries()) {
      await appendStep(store, GEN, s);
      await applyNew();
      for (const dimension of COUNT_DIMENSIONS) {
        expect(models.counts(dimension), `after step ${i}, ${dimension}`).toEqual(expectedCounts(genKeys[i] ?? null, dimension));
        expect(models.counts(dimension)).toEqual(recount(db, dimension));
      }
    }
    db.close();
    await store.close();
  });
});
