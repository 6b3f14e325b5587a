import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHIYODA } from '../../../testing/events.js';
import { SHINJUKU } from '../../../testing/scenario-fixtures.js';
import { collect } from '../../register/store/port.js';
import { openSqliteEventStore } from '../../register/store/sqlite.js';
import { createEventApplier } from '../runtime/event-applier.js';
import { openProjectionDatabase } from '../runtime/projection-db.js';
import { ANNA, BORIS, CHEN, DARIA, EMIL, FUMI, appendHistories, realisticHistories } from '../testing/histories.js';
import { InvalidPageRequestError } from './cursor.js';
import { createReadModels, DUE_BY_QUERIES } from './queries.js';
import type { Page, ReadModels } from './types.js';

const TODAY = '2026-07-01';
const dir = mkdtempSync(join(tmpdir(), 'read-model-queries-'));
let db: Database;
let models: ReadModels;

beforeAll(async () => {
  const store = openSqliteEventStore({ file: join(dir, 'register.db') });
  await appendHistories(store, realisticHistories());
  db = openProjectionDatabase(join(dir, 'projections.db')).db;
  const applier = createEventApplier(db);
  for (const event of await collect(store.readAll())) applier.apply(event, TODAY);
  await store.close();
  models = createReadModels(db);
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Follows `endCursor` page by page and returns every item, checking the page flags on the way. */
const allPages = <T>(fetch: (after: string | null) => Page<T>): T[] => {
  const items: T[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 50; pages += 1) {
    const page = fetch(after);
    items.push(...page.items);
    if (!page.hasNextPage) return items;
    after = page.endCursor;
  }
  throw new Error('paging did not end');
};

describe('ReadModels queries over the projection database', () => {
  it('statusOf answers the continuous-status row (Art. 19-36) and null for an unknown resident', () => {
    expect(models.statusOf(ANNA)).toMatchObject({
      residentId: ANNA, asOf: TODAY, revision: 5, midToLongTermResident: true, statusOfResidence: 'engineer-specialist',
      municipalityCode: SHINJUKU, cardNumber: 'AA00000001AA', cardValid: true, overdueDuties: [], lapseGrounds: [],
    });
    expect(models.statusOf(ANNA)?.status.address).toMatchObject({ state: 'notified', address: { municipalityCode: SHINJUKU } });
    expect(models.statusOf('00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('card finds the holder and validity by card number (Arts. 19-4, 19-14)', () => {
    expect(models.card('AA00000001AA')).toMatchObject({ residentId: ANNA, valid: true, invalidItem: null });
    expect(models.card('DD00000004DD')).toMatchObject({ residentId: DARIA, valid: false, invalidItem: '19-14(vi)', invalidSince: '2026-05-01' });
    expect(models.card('ZZ99999999ZZ')).toBeNull();
  });

  it('residents pages through every resident with opaque cursors, in resident order, without repeats', () => {
    const first = models.residents({}, 2, null);
    expect(first).toMatchObject({ totalCount: 6, hasNextPage: true });
    expect(first.items).toHaveLength(2);
    const ids = allPages((after) => models.residents({}, 2, after)).map((r) => r.residentId);
    expect(ids).toEqual([ANNA, BORIS, CHEN, DARIA, EMIL, FUMI]);
    expect(models.residents({}, 10, null)).toMatchObject({ hasNextPage: false, totalCount: 6 });
    expect(models.residents({}, 0, null)).toMatchObject({ items: [], endCursor: null, hasNextPage: true });
  });

  it.each([
    [{ municipalityCode: SHINJUKU }, [ANNA, CHEN, EMIL]],
    [{ statusOfResidence: 'business-manager' }, [EMIL]],
    [{ midToLongTermResident: false }, [DARIA]],
    [{ lapseGround: 'viii' as const }, [BORIS]],
    [{ overdueDuty: '19-15' }, [DARIA]],
    [{ cardExpiringBetween: { from: '2027-01-01', to: '2027-01-31' } }, [ANNA, CHEN]],
    [{ municipalityCode: SHINJUKU, statusOfResidence: 'engineer-specialist' }, [ANNA, CHEN]],
  ])('residents filtered by %j', (filter, expected) => {
    const ids = allPages((after) => models.residents(filter, 1, after)).map((r) => r.residentId);
    expect(ids).toEqual(expected);
    expect(models.residents(filter, 1, null).totalCount).toBe(expected.length);
  });

  it('deadlines come by effective date, with kind and municipality filters (DT-6)', () => {
    const all = allPages((after) => models.deadlines({ dueFrom: '2026-01-01', dueTo: '2027-12-31' }, 2, after));
    expect(all.map((d) => d.effective)).toEqual([...all.map((d) => d.effective)].sort());
    expect(all.find((d) => d.kind === 'ground-ix')).toMatchObject({ residentId: EMIL, nominal: '2026-07-30', clockStartedOn: '2026-05-01' });
    expect(models.deadlines({ dueFrom: '2026-07-01', dueTo: '2026-07-31', kind: 'ground-ix' }, 10, null).items.map((d) => d.residentId)).toEqual([EMIL]);
    expect(models.deadlines({ dueFrom: '2026-01-01', dueTo: '2027-12-31', municipalityCode: CHIYODA }, 10, null).items.map((d) => d.residentId))
      .toEqual([DARIA]); // Fumi's 16th-birthday card (2031) has no renewal duty yet (Art. 19-11(1))
    expect(models.deadlines({ dueFrom: '2026-08-01', dueTo: '2026-12-31' }, 10, null).totalCount).toBe(0);
  });

  it('addressLapses lists (viii)/(ix) candidates by their first day (Art. 22-4(1)(viii), (ix))', () => {
    const page = models.addressLapses({ fromOnOrBefore: TODAY }, 10, null);
    expect(page.items).toEqual([expect.objectContaining({ residentId: BORIS, ground: 'viii', state: 'candidate', clockStartedOn: '2026-02-02' })]);
    expect(models.addressLapses({ fromOnOrBefore: TODAY, ground: 'ix' }, 10, null).totalCount).toBe(0);
    expect(models.addressLapses({ fromOnOrBefore: '2026-05-01' }, 10, null).totalCount).toBe(0);
  });

  it('counts MLTRs per municipality, status of residence and nationality; a non-MLTR counts nowhere', () => {
    expect(models.counts('municipality')).toEqual([{ key: SHINJUKU, count: 3 }, { key: CHIYODA, count: 1 }, { key: 'unknown', count: 1 }]);
    expect(models.counts('statusOfResidence')).toEqual([
      { key: 'engineer-specialist', count: 3 }, { key: 'business-manager', count: 1 }, { key: 'permanent-resident', count: 1 },
    ]);
    expect(models.counts('nationality')).toEqual([{ key: 'VNM', count: 3 }, { key: 'CHN', count: 1 }, { key: 'KOR', count: 1 }]);
  });

  it('residentsDueBy names residents with a deadline due by the date or an open candidate, for the clock', () => {
    expect(models.residentsDueBy(TODAY)).toEqual([BORIS, DARIA]);
    expect(models.residentsDueBy('2026-07-30')).toEqual([BORIS, DARIA, EMIL]);
    expect(models.checkpoint()).toBeGreaterThan(0);
  });

  it('residentsDueBy also names a quiet resident on the day the status turns without an event (a card or period of stay ending: Art. 19-14)', () => {
    const nextChange = db.prepare('SELECT next_change_on FROM resident_status WHERE resident_id = ?').pluck();
    const turn = nextChange.get(ANNA);
    if (typeof turn !== 'string') throw new Error('ANNA has no next change');
    expect(models.residentsDueBy(TODAY)).not.toContain(ANNA);
    expect(models.residentsDueBy(turn)).toContain(ANNA);
  });

  it('residentsDueBy reads through indexes only: no part of it scans a whole table (the clock runs it daily over the national register)', () => {
    for (const text of DUE_BY_QUERIES) {
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${text}`).all({ date: TODAY }) as { detail: string }[]).map((row) => row.detail);
      expect(plan, text).toEqual([expect.stringMatching(/^SEARCH \w+ USING (COVERING )?INDEX /)]);
    }
  });

  it('rejects a malformed cursor, a cursor of another list, and a negative page size', () => {
    const deadlineCursor = models.deadlines({ dueFrom: '2026-01-01', dueTo: '2027-12-31' }, 1, null).endCursor;
    expect(() => models.residents({}, 1, 'not-a-cursor')).toThrow(InvalidPageRequestError);
    expect(() => models.residents({}, 1, deadlineCursor)).toThrow(/does not belong to this list/);
    expect(() => models.residents({}, -1, null)).toThrow(InvalidPageRequestError);
  });
});
