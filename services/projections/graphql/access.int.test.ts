import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codesOf } from './testing/answers.js';
import { startGraphqlServer, TOKENS, type GraphqlTestServer, type Role } from './testing/graphql-server.js';
import { CARDS, ENGINEER } from './testing/population.js';

let server: GraphqlTestServer;
beforeAll(async () => {
  server = await startGraphqlServer();
});
afterAll(async () => server.stop());

/** One small operation per query field. */
const OPERATIONS: Readonly<Record<string, string>> = {
  resident: `{ resident(id: "${ENGINEER}") { id } }`,
  residentByCard: `{ residentByCard(number: "${CARDS.engineer}") { id } }`,
  cardValidity: `{ cardValidity(number: "${CARDS.engineer}") { validity } }`,
  residents: '{ residents(first: 1) { totalCount } }',
  addressLapses: '{ addressLapses(first: 1) { totalCount } }',
  deadlines: '{ deadlines(dueBetween: { from: "2026-01-01", to: "2027-12-31" }, first: 1) { totalCount } }',
  history: `{ history(residentId: "${ENGINEER}") { type } }`,
  statistics: '{ statistics(groupBy: MUNICIPALITY) { key } }',
  auditLog: '{ auditLog(first: 1) { totalCount } }',
};

/** Decision 10: analysts and officers query; auditors read the audit log and nothing else. */
const ALLOWED: Readonly<Record<Role, (field: string) => boolean>> = {
  officer: (field) => field !== 'auditLog',
  analyst: (field) => field !== 'auditLog',
  auditor: (field) => field === 'auditLog',
};

describe('who may ask what: the role matrix for every query field (architecture decision 10)', () => {
  for (const [field, operation] of Object.entries(OPERATIONS)) {
    it(`${field}: no token or an unknown token is 401 UNAUTHENTICATED with a Bearer challenge (RFC 6750)`, async () => {
      const none = await server.query(operation, {}, null);
      expect([none.status, none.headers.get('www-authenticate'), ...codesOf(none)]).toEqual([401, 'Bearer realm="resident-register"', 'UNAUTHENTICATED']);
      const unknown = await server.query(operation, {}, null, { authorization: 'Bearer not-anyones-token-123456' });
      expect([unknown.status, unknown.headers.get('www-authenticate'), ...codesOf(unknown)])
        .toEqual([401, 'Bearer realm="resident-register", error="invalid_token"', 'UNAUTHENTICATED']);
    });

    for (const role of ['officer', 'analyst', 'auditor'] as const) {
      const allowed = ALLOWED[role](field);
      it(`${field}: ${role} is ${allowed ? 'answered' : '403 FORBIDDEN'}`, async () => {
        const answer = await server.query(operation, {}, role);
        if (allowed) expect([answer.status, ...codesOf(answer)]).toEqual([200]);
        else expect([answer.status, ...codesOf(answer), answer.body.data]).toEqual([403, 'FORBIDDEN', undefined]);
      });
    }
  }

  it('refuses a whole operation when one of its fields is forbidden: nothing runs, nothing is audited', async () => {
    const before = server.audit.entries({}, 100, null).totalCount;
    const answer = await server.query(`{ resident(id: "${ENGINEER}") { particulars { name } } auditLog { totalCount } }`, {}, 'analyst');
    expect([answer.status, ...codesOf(answer), answer.body.data]).toEqual([403, 'FORBIDDEN', undefined]);
    expect(server.audit.entries({}, 100, null).totalCount).toBe(before);
  });

  it('never writes a token to the application log', async () => {
    await server.query(OPERATIONS['auditLog'] ?? '', {}, 'analyst');
    await server.query(OPERATIONS['resident'] ?? '', {}, null, { authorization: 'Bearer not-anyones-token-123456' });
    const log = server.logLines.join('');
    for (const token of [...Object.values(TOKENS), 'not-anyones-token-123456']) expect(log).not.toContain(token);
  });
});
