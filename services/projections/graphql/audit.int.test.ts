import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry, AuditLog } from '../audit/audit-log.js';
import { at, codesOf, dataOf, nodeIds } from './testing/answers.js';
import { startGraphqlServer, type GraphqlTestServer } from './testing/graphql-server.js';
import { CARDS, ENGINEER, MOVED_OUT, NEVER_NOTIFIED, NOW, UNNOTIFIED_ENTRY } from './testing/population.js';

let server: GraphqlTestServer;
let failWrites = false;
const failing = (audit: AuditLog): AuditLog => ({
  ...audit,
  record: async (records) => {
    if (failWrites) throw new Error('disk full');
    await audit.record(records);
  },
});
beforeAll(async () => {
  server = await startGraphqlServer({ wrapAudit: failing });
});
afterAll(async () => server.stop());

/** The entries written by the next request. */
let seen = 0;
beforeEach(() => {
  failWrites = false;
  seen = server.audit.entries({}, 100, null).totalCount;
});
const written = (): readonly AuditEntry[] => server.audit.entries({}, 100, null).items.slice(seen);

describe('every response that returns personal data is audited, once per resident, with the fields (INFO-2)', () => {
  it('records who, when, which operation, which resident and exactly the fields selected', async () => {
    dataOf(await server.query(`query LookUp($id: ID!) { resident(id: $id) { particulars { name } address { line municipalityCode } } }`, { id: ENGINEER }));
    expect(written()).toEqual([{
      id: seen + 1, at: NOW, actor: { role: 'analyst', id: 'analyst-0001' }, operationName: 'LookUp', rootFields: ['resident'],
      residentId: ENGINEER, fields: ['address.line', 'address.municipalityCode', 'particulars.name'],
    }]);
  });

  it('merges aliases and fragments into one entry per resident, by field name', async () => {
    const query = `{ a: resident(id: "${ENGINEER}") { ...P } b: residentByCard(number: "${CARDS.engineer}") { id } } fragment P on Resident { particulars { who: name } }`;
    dataOf(await server.query(query, {}, 'officer'));
    expect(written().map((e) => [e.residentId, e.actor.role, e.rootFields, e.fields])).toEqual([
      [ENGINEER, 'officer', ['resident', 'residentByCard'], ['id', 'particulars.name']],
    ]);
  });

  it('records only the residents on the page returned', async () => {
    const page = at(dataOf(await server.query('{ residents(first: 2) { edges { node { id } } } }')), 'residents');
    expect(written().map((e) => e.residentId)).toEqual(nodeIds(page));
    expect(written().map((e) => e.fields)).toEqual([['id'], ['id']]);
  });

  it('records nothing for a null resident, and no field that came back null', async () => {
    dataOf(await server.query('{ resident(id: "99999999-9999-4999-8999-999999999999") { particulars { name } } }'));
    expect(written()).toEqual([]);
    dataOf(await server.query(`{ resident(id: "${NEVER_NOTIFIED}") { address { line } stay { kind } } }`));
    expect(written().map((e) => e.fields)).toEqual([['stay.kind']]);
  });

  it('names the fields of a lapse, a deadline or a timeline entry by type, merged with the nested resident\'s', async () => {
    dataOf(await server.query('{ addressLapses(ground: IX) { edges { node { ground from resident { particulars { name } } } } } }'));
    expect(written().map((e) => [e.residentId, e.fields])).toEqual([[MOVED_OUT, ['AddressLapse.from', 'AddressLapse.ground', 'particulars.name']]]);
    dataOf(await server.query(`{ history(residentId: "${UNNOTIFIED_ENTRY}") { type legalDates { date } } }`));
    expect(written().at(-1)?.fields).toEqual(['TimelineEntry.legalDates.date', 'TimelineEntry.type']);
    dataOf(await server.query('{ deadlines(dueBetween: { from: "2027-01-01", to: "2027-01-31" }) { edges { node { kind } } } }'));
    expect(written().at(-1)).toMatchObject({ residentId: ENGINEER, fields: ['Deadline.kind'] });
  });

  it('records nothing for cardValidity and statistics, which return no personal data', async () => {
    dataOf(await server.query(`{ cardValidity(number: "${CARDS.engineer}") { validity reason since } statistics(groupBy: NATIONALITY) { key count } }`));
    expect(written()).toEqual([]);
  });

  it('withholds the response when the audit log cannot be written', async () => {
    failWrites = true;
    const answer = await server.query(`{ resident(id: "${ENGINEER}") { particulars { name } } }`);
    expect([answer.status, ...codesOf(answer)]).toEqual([500, 'INTERNAL_SERVER_ERROR']);
    expect(JSON.stringify(answer.body)).not.toContain('NGUYEN');
    expect(server.logLines.some((line) => line.includes('audit log write failed'))).toBe(true);
  });

  it('keeps personal data out of the application log', async () => {
    dataOf(await server.query(`{ resident(id: "${ENGINEER}") { particulars { name dateOfBirth } address { line } } }`));
    const log = server.logLines.join('');
    for (const value of ['NGUYEN VAN AN', '1995-04-12', '1-1-1 Chiyoda']) expect(log).not.toContain(value);
  });
});

describe('auditLog: for auditors', () => {
  it('lists entries by resident and by actor, oldest first, paged', async () => {
    const fresh = await startGraphqlServer();
    try {
      dataOf(await fresh.query(`{ resident(id: "${ENGINEER}") { particulars { name } } }`, {}, 'officer'));
      dataOf(await fresh.query(`{ resident(id: "${MOVED_OUT}") { id } }`, {}, 'officer'));
      dataOf(await fresh.query(`{ resident(id: "${MOVED_OUT}") { id } }`, {}, 'analyst'));
      const query = 'query A($r: ID, $a: String, $after: String) { auditLog(residentId: $r, actor: $a, first: 1, after: $after) { totalCount edges { node { residentId actorRole actorId fields at } } pageInfo { hasNextPage endCursor } } }';
      const byResident = at(dataOf(await fresh.query(query, { r: MOVED_OUT }, 'auditor')), 'auditLog');
      expect(at(byResident, 'totalCount')).toBe(2);
      const byOfficer = at(dataOf(await fresh.query(query, { a: 'officer-0001' }, 'auditor')), 'auditLog');
      expect(at(byOfficer, 'totalCount')).toBe(2);
      expect(at(byOfficer, 'edges', 0, 'node')).toEqual({ residentId: ENGINEER, actorRole: 'OFFICER', actorId: 'officer-0001', fields: ['particulars.name'], at: NOW });
      const next = at(dataOf(await fresh.query(query, { a: 'officer-0001', after: at(byOfficer, 'pageInfo', 'endCursor') }, 'auditor')), 'auditLog');
      expect([at(next, 'edges', 0, 'node', 'residentId'), at(next, 'pageInfo', 'hasNextPage')]).toEqual([MOVED_OUT, false]);
      expect(fresh.audit.entries({}, 100, null).totalCount).toBe(3); // reading the audit log is not itself a personal-data read
    } finally {
      await fresh.stop();
    }
  });
});
