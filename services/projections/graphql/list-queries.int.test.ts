import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LapseRow, ReadModels } from '../read-models/types.js';
import { at, codesOf, dataOf, nodeIds } from './testing/answers.js';
import { startGraphqlServer, type GraphqlTestServer } from './testing/graphql-server.js';
import { ENGINEER, MOVED_OUT, NEVER_NOTIFIED, OVERSTAYED, UNNOTIFIED_ENTRY } from './testing/population.js';

/** A row the read model holds but the log does not bear out at a past date (a stale or wrong row). */
const UNCONFIRMED: LapseRow = {
  residentId: ENGINEER, ground: 'viii', from: '2026-05-01', strictFrom: '2026-05-01', clockStartedOn: '2026-01-31',
  municipalityCode: '131016', curedLateOn: null, state: 'candidate', knownSince: '2026-05-01T00:00:00+09:00',
};
const withUnconfirmedLapse = (readModels: ReadModels): ReadModels => ({
  ...readModels,
  addressLapses: (query, first, after) => {
    const page = readModels.addressLapses(query, 100, null);
    const wanted = UNCONFIRMED.from <= query.fromOnOrBefore && (query.ground ?? 'viii') === 'viii' && (query.municipalityCode ?? '131016') === '131016';
    const items = [...(wanted ? [UNCONFIRMED] : []), ...page.items].sort((a, b) => (a.from < b.from ? -1 : 1));
    const start = after === null ? 0 : Number(after);
    const taken = items.slice(start, start + first);
    return { items: taken, endCursor: taken.length === 0 ? null : String(start + taken.length), hasNextPage: start + first < items.length, totalCount: items.length };
  },
});

let server: GraphqlTestServer;
beforeAll(async () => {
  server = await startGraphqlServer({ wrapReadModels: withUnconfirmedLapse });
});
afterAll(async () => server.stop());

const RESIDENTS = `query L($filter: ResidentFilter, $first: Int, $after: String) {
  residents(filter: $filter, first: $first, after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } }
}`;
const residentIds = async (filter: Record<string, unknown>): Promise<string[]> =>
  nodeIds(at(dataOf(await server.query(RESIDENTS, { filter })), 'residents'));

describe('residents: the continuous-status view, filtered (Art. 19-36(1))', () => {
  it('filters by status of residence, municipality, MLTR, card expiry, overdue duty and lapse ground', async () => {
    expect(await residentIds({ statusOfResidence: 'STUDENT' })).toEqual([NEVER_NOTIFIED]);
    expect(await residentIds({ municipality: '131016' })).toEqual([ENGINEER]);
    expect(await residentIds({ midToLongTermResident: false })).toEqual([OVERSTAYED]);
    expect(await residentIds({ cardExpiringBetween: { from: '2027-01-01', to: '2027-01-31' } })).toEqual([ENGINEER]);
    expect(await residentIds({ overdueObligation: 'ART_19_7' })).toEqual([UNNOTIFIED_ENTRY]);
    expect(await residentIds({ lapseGround: 'IX' })).toEqual([MOVED_OUT]);
    expect(await residentIds({ lapseGround: 'VIII', municipality: '131121' })).toEqual([UNNOTIFIED_ENTRY]);
  });

  it('pages Relay-style: every resident once, hasNextPage false on the last page, totalCount throughout', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 1; ; pages += 1) {
      const connection: unknown = at(dataOf(await server.query(RESIDENTS, { first: 2, after })), 'residents');
      expect(at(connection, 'totalCount')).toBe(5);
      seen.push(...nodeIds(connection));
      const hasNext = at(connection, 'pageInfo', 'hasNextPage');
      if (hasNext !== true) {
        expect(pages).toBe(3);
        break;
      }
      const end = at(connection, 'pageInfo', 'endCursor');
      after = typeof end === 'string' ? end : null;
    }
    expect(seen).toEqual([ENGINEER, MOVED_OUT, NEVER_NOTIFIED, UNNOTIFIED_ENTRY, OVERSTAYED]);
  });

  it('refuses a municipality code with a wrong check digit (BAD_USER_INPUT)', async () => {
    expect(codesOf(await server.query(RESIDENTS, { filter: { municipality: '131017' } }))).toEqual(['BAD_USER_INPUT']);
  });
});

const LAPSES = `query A($asOf: Date, $ground: LapseGround, $municipality: String) {
  addressLapses(asOf: $asOf, ground: $ground, municipality: $municipality) {
    totalCount edges { node { residentId ground from state resident { id asOf } } }
  }
}`;

describe('addressLapses: residents with ground (viii) or (ix) (Art. 22-4(1)(viii), (ix); CAN-3)', () => {
  it('lists the read model rows arising by today, earliest first, filtered by ground and municipality', async () => {
    const all = at(dataOf(await server.query(LAPSES)), 'addressLapses');
    expect(nodeIds(all, 'residentId')).toEqual([ENGINEER, NEVER_NOTIFIED, UNNOTIFIED_ENTRY, MOVED_OUT]);
    expect(nodeIds(at(dataOf(await server.query(LAPSES, { ground: 'IX' })), 'addressLapses'), 'residentId')).toEqual([MOVED_OUT]);
    expect(nodeIds(at(dataOf(await server.query(LAPSES, { municipality: '131121' })), 'addressLapses'), 'residentId')).toEqual([UNNOTIFIED_ENTRY]);
  });

  it('for a past date, keeps only rows the log confirms at that date, answered as of that date', async () => {
    const lapses = at(dataOf(await server.query(LAPSES, { asOf: '2026-06-15' })), 'addressLapses');
    expect(nodeIds(lapses, 'residentId')).toEqual([NEVER_NOTIFIED]);
    expect(at(lapses, 'totalCount')).toBe(1);
    expect(at(lapses, 'edges', 0, 'node')).toMatchObject({ ground: 'VIII', from: '2026-06-02', state: 'CANDIDATE', resident: { id: NEVER_NOTIFIED, asOf: '2026-06-15' } });
  });
});

describe('deadlines: pending deadlines by effective date (NOTIF-10)', () => {
  const DEADLINES = `query D($from: Date!, $to: Date!, $kind: DeadlineKind, $municipality: String) {
    deadlines(dueBetween: { from: $from, to: $to }, kind: $kind, municipality: $municipality) { totalCount edges { node { residentId kind effective } } }
  }`;

  it('lists the deadlines due in the range, by kind and municipality', async () => {
    const year = at(dataOf(await server.query(DEADLINES, { from: '2027-01-01', to: '2027-12-31', kind: 'PERIOD_OF_STAY_EXPIRY' })), 'deadlines');
    expect(nodeIds(year, 'residentId')).toEqual([ENGINEER, NEVER_NOTIFIED, UNNOTIFIED_ENTRY]);
    expect(at(year, 'edges', 0, 'node')).toEqual({ residentId: ENGINEER, kind: 'PERIOD_OF_STAY_EXPIRY', effective: '2027-01-10' });
    const setagaya = at(dataOf(await server.query(DEADLINES, { from: '2027-01-01', to: '2027-12-31', municipality: '131121' })), 'deadlines');
    expect(nodeIds(setagaya, 'residentId')).toEqual([UNNOTIFIED_ENTRY]);
  });

  it('refuses a range that ends before it starts (BAD_USER_INPUT)', async () => {
    expect(codesOf(await server.query(DEADLINES, { from: '2027-12-31', to: '2027-01-01' }))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('history and statistics', () => {
  it('history: the events with type, legal dates, recordedAt and source kind, without the date of birth', async () => {
    const history = at(dataOf(await server.query(`{ history(residentId: "${ENGINEER}") { type revision recordedAt sourceKind legalDates { name date } } }`)), 'history');
    expect(Array.isArray(history) ? history.map((e: unknown) => at(e, 'type')) : []).toEqual(['LandingPermitted', 'ResidenceCardIssued', 'ResidenceAddressNotified']);
    expect(at(history, 2)).toMatchObject({ revision: 2, recordedAt: '2026-01-30T12:00:00+09:00', sourceKind: 'OFFICER' });
    expect(at(history, 2, 'legalDates')).toEqual([{ name: 'movedInOn', date: '2026-01-25' }, { name: 'notifiedOn', date: '2026-01-30' }]);
    expect(JSON.stringify(history)).not.toContain('dateOfBirth');
  });

  it('history of an unknown resident is NOT_FOUND', async () => {
    expect(codesOf(await server.query('{ history(residentId: "99999999-9999-4999-8999-999999999999") { type } }'))).toEqual(['NOT_FOUND']);
  });

  it('statistics: mid-to-long-term residents by nationality today, from the counts read model', async () => {
    expect(dataOf(await server.query('{ statistics(groupBy: NATIONALITY) { key count } }'))).toEqual({
      statistics: [{ key: 'CHN', count: 1 }, { key: 'NPL', count: 1 }, { key: 'PHL', count: 1 }, { key: 'VNM', count: 1 }],
    });
  });

  it('statistics for a past date are counted from the log: the overstayer counts on 2025-06-01, not the day after (Art. 19-3, 24(iv)(b))', async () => {
    expect(dataOf(await server.query('{ statistics(asOf: "2025-06-01", groupBy: MUNICIPALITY) { key count } }'))).toEqual({
      statistics: [{ key: '131041', count: 1 }, { key: '131113', count: 1 }],
    });
    expect(dataOf(await server.query('{ statistics(asOf: "2025-06-02", groupBy: MUNICIPALITY) { key count } }'))).toEqual({
      statistics: [{ key: '131041', count: 1 }],
    });
  });

  it('statistics for a future date are refused (BAD_USER_INPUT)', async () => {
    const future = await server.query('{ statistics(asOf: "2027-01-01", groupBy: MUNICIPALITY) { key count } }');
    expect(codesOf(future)).toEqual(['BAD_USER_INPUT']);
    expect(future.body.errors?.[0]?.message).toMatch(/future date \(today is 2026-09-01\)/);
  });
});
