import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARD_NUMBER, PERSON } from '../../testing/events.js';
import { ROLE_TOKENS, startEnrolledRegister, type FullRegister } from '../../testing/full-register.js';
import { cardNumberOf, chiyodaRelay, residentIdOf } from '../../testing/workload.js';
import { FIELD_ROLES } from '../projections/graphql/access.js';
import { FULL_RESIDENT } from '../projections/graphql/testing/full-resident.js';
import { COMMAND_TYPES } from './domain/commands.js';
import { kebabCase } from './http/command-request.js';

/**
 * Issue 9.4: every endpoint and GraphQL operation × every role. The allowed get past authorization
 * (the representative request of each row succeeds), the others get 401/403 and append nothing.
 * A new endpoint is one row of ROWS; a new role is one entry of ROLES.
 */

const ROLES = {
  'no credential': undefined,
  'unknown token': 'not-anyones-token-0123456789',
  'municipality A (131016)': ROLE_TOKENS.chiyoda,
  'municipality B (131041)': ROLE_TOKENS.shinjuku,
  officer: ROLE_TOKENS.officer,
  analyst: ROLE_TOKENS.analyst,
  auditor: ROLE_TOKENS.auditor,
  subscriber: ROLE_TOKENS.subscriber,
} as const;
type Role = keyof typeof ROLES;

const RESIDENT = residentIdOf(1);
const CARD = cardNumberOf(1);

interface Row {
  readonly name: string;
  readonly on: 'register' | 'bridge';
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: string;
  readonly contentType?: string;
  readonly allowed: readonly Role[];
  /** What an allowed role's answer must be (default: 2xx). */
  readonly succeeds?: (status: number, text: string) => boolean;
}

const ok = (status: number): boolean => status >= 200 && status < 300;
const graphql = (query: string): string => JSON.stringify({ query });
const QUERIES: Readonly<Record<string, string>> = {
  resident: `{ resident(id: "${RESIDENT}") { id } }`,
  residentByCard: `{ residentByCard(number: "${CARD}") { id } }`,
  cardValidity: `{ cardValidity(number: "${CARD}") { validity } }`,
  residents: '{ residents(first: 1) { totalCount } }',
  addressLapses: '{ addressLapses(first: 1) { totalCount } }',
  deadlines: '{ deadlines(dueBetween: { from: "2026-01-01", to: "2027-12-31" }, first: 1) { totalCount } }',
  history: `{ history(residentId: "${RESIDENT}") { type } }`,
  statistics: '{ statistics(groupBy: MUNICIPALITY) { key } }',
  statisticsOverTime: '{ statisticsOverTime(from: "2026-11-01", to: "2026-11-02", measure: LAPSE_GROUND) { asOf } }',
  auditLog: '{ auditLog(first: 1) { totalCount } }',
  quarantine: '{ quarantine(first: 1) { totalCount } }',
};
/** Who may run each query field beyond the analysts' default (services/projections/graphql/access.ts). */
const QUERY_ALLOWED: Readonly<Record<string, readonly Role[]>> = { auditLog: ['auditor'], quarantine: ['officer'] };
const QUERY_ROLES: readonly Role[] = ['officer', 'analyst'];

const relayBody = JSON.stringify(chiyodaRelay(1, 0).body);
const ROWS: readonly Row[] = [
  // A command with an empty body: authorized callers are told what is missing (400), nothing else reaches validation.
  ...COMMAND_TYPES.map((type): Row => ({
    name: `POST /residents/:id/${kebabCase(type)}`, on: 'register', method: 'POST', path: `/residents/${RESIDENT}/${kebabCase(type)}`,
    body: '{}', contentType: 'application/json', allowed: ['officer'], succeeds: (status) => status === 400,
  })),
  { name: 'GET /residents/:id/events', on: 'register', method: 'GET', path: `/residents/${RESIDENT}/events`, allowed: ['officer'] },
  { name: 'GET /residents/:id/status', on: 'register', method: 'GET', path: `/residents/${RESIDENT}/status?asOf=2026-06-01`, allowed: ['officer'] },
  ...Object.entries(QUERIES).map(([field, query]): Row => ({
    name: `GraphQL ${field}`, on: 'register', method: 'POST', path: '/graphql', body: graphql(query), contentType: 'application/json',
    allowed: QUERY_ALLOWED[field] ?? QUERY_ROLES,
  })),
  { name: 'POST /relays (a Chiyoda relay)', on: 'bridge', method: 'POST', path: '/relays', body: relayBody, contentType: 'application/json', allowed: ['municipality A (131016)'] },
  { name: 'POST /relays/batch (a Chiyoda relay)', on: 'bridge', method: 'POST', path: '/relays/batch', body: `${relayBody}\n`, contentType: 'application/x-ndjson',
    allowed: ['municipality A (131016)'], succeeds: (status, text) => status === 200 && /"outcome":"(accepted|duplicate)"/.test(text) },
  { name: 'GET /quarantine', on: 'bridge', method: 'GET', path: '/quarantine', allowed: ['officer'] },
  { name: 'GET /quarantine/:id', on: 'bridge', method: 'GET', path: '/quarantine/1', allowed: ['officer'], succeeds: (status) => status === 404 },
  // The integration-event feed is for downstream systems only; its websocket twin (subscription
  // residentEvents) is checked role by role in services/projections/graphql/subscription.int.test.ts.
  { name: 'GET /feed', on: 'register', method: 'GET', path: '/feed', allowed: ['subscriber'] },
];

/** Readable by anyone who can reach the port: no personal data (health and Prometheus counters). */
const PUBLIC_ROWS: readonly Row[] = [
  { name: 'GET /healthz', on: 'register', method: 'GET', path: '/healthz', allowed: [] },
  { name: 'GET /metrics', on: 'register', method: 'GET', path: '/metrics', allowed: [] },
  { name: 'GET /healthz (bridge)', on: 'bridge', method: 'GET', path: '/healthz', allowed: [] },
];

let register: FullRegister;
const baseOf = (row: Row): string => (row.on === 'register' ? register.url : register.bridgeUrl);
const call = async (row: Row, token: string | undefined): Promise<{ status: number; text: string }> => {
  const headers: Record<string, string> = {};
  if (token !== undefined) headers['authorization'] = `Bearer ${token}`;
  if (row.contentType !== undefined) headers['content-type'] = row.contentType;
  const res = await fetch(`${baseOf(row)}${row.path}`, { method: row.method, headers, ...(row.body === undefined ? {} : { body: row.body }) });
  return { status: res.status, text: await res.text() };
};
const head = async (): Promise<number> => ((await (await fetch(`${register.url}/healthz`)).json()) as { headPosition: number }).headPosition;
const auditCount = async (): Promise<number> => {
  const res = await fetch(`${register.url}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${ROLE_TOKENS.auditor}` },
    body: graphql(`{ auditLog(residentId: "${RESIDENT}", first: 1) { totalCount } }`),
  });
  return ((await res.json()) as { data: { auditLog: { totalCount: number } } }).data.auditLog.totalCount;
};

beforeAll(async () => {
  register = await startEnrolledRegister();
}, 60_000);
afterAll(async () => register.stop());

describe('access control: every endpoint × every role (issue 9.4, architecture decision 10)', () => {
  for (const row of ROWS) {
    for (const [role, token] of Object.entries(ROLES) as [Role, string | undefined][]) {
      const allowed = row.allowed.includes(role);
      it(`${row.name}: ${role} is ${allowed ? 'allowed' : 'refused (401/403), nothing appended'}`, async () => {
        const before = await head();
        const answer = await call(row, token);
        if (allowed) expect([answer.status, (row.succeeds ?? ok)(answer.status, answer.text)], answer.text).toEqual([answer.status, true]);
        else if (row.path === '/relays/batch' && role === 'municipality B (131041)')
          // A batch is answered record by record: another office's record is rejected 403 in its line.
          expect([answer.status, /"code":"FORBIDDEN","status":403/.test(answer.text) || /"status":403.*"code":"FORBIDDEN"/.test(answer.text)], answer.text).toEqual([200, true]);
        else expect([401, 403], answer.text).toContain(answer.status);
        if (!allowed) expect(await head()).toBe(before);
      });
    }
  }
  it('has a row for every GraphQL query field the server knows (a new field cannot slip past the matrix)', () => {
    expect(Object.keys(QUERIES).sort()).toEqual(Object.keys(FIELD_ROLES).sort());
  });

  for (const row of PUBLIC_ROWS)
    it(`${row.name} carries no personal data and is open to every caller`, async () => {
      for (const token of Object.values(ROLES)) expect((await call(row, token)).status).toBe(200);
    });

  it('an office cannot relay for another code: 403 FORBIDDEN naming the field, nothing appended', async () => {
    const before = await head();
    const answer = await call({ name: '', on: 'bridge', method: 'POST', path: '/relays', body: relayBody, contentType: 'application/json', allowed: [] }, ROLE_TOKENS.shinjuku);
    expect(answer.status).toBe(403);
    expect(answer.text).toContain('municipalityCode');
    expect(await head()).toBe(before);
  });

  it('every read of personal data is in the audit log: GraphQL resident, residentByCard, history, and the officers\' REST reads', async () => {
    const reads: readonly (readonly [string, Row])[] = [
      ...['resident', 'residentByCard', 'history'].map((f) => [ROLE_TOKENS.analyst, ROWS.find((r) => r.name === `GraphQL ${f}`)] as const),
      ...['GET /residents/:id/events', 'GET /residents/:id/status'].map((n) => [ROLE_TOKENS.officer, ROWS.find((r) => r.name === n)] as const),
    ].flatMap(([token, row]) => (row === undefined ? [] : [[token, row] as const]));
    expect(reads).toHaveLength(5);
    for (const [token, row] of reads) {
      const before = await auditCount();
      expect((await call(row, token)).status).toBe(200);
      expect([row.name, await auditCount()]).toEqual([row.name, before + 1]);
    }
  });

  it('an officer\'s read of a quarantined relay on the bridge is in the audit log, one entry per entry returned', async () => {
    const unknownCard = { ...chiyodaRelay(1, 99).body, receiptId: 'CHY-QUARANTINE-1', cardNumber: 'ZZ99999999ZZ' };
    const quarantined = await call({ name: '', on: 'bridge', method: 'POST', path: '/relays', body: JSON.stringify(unknownCard), contentType: 'application/json', allowed: [] }, ROLE_TOKENS.chiyoda);
    expect(quarantined.status, quarantined.text).toBe(202);
    const { quarantineId } = JSON.parse(quarantined.text) as { quarantineId: number };
    const total = async (): Promise<number> => {
      const res = await fetch(`${register.url}/graphql`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${ROLE_TOKENS.auditor}` }, body: graphql('{ auditLog(first: 1) { totalCount } }'),
      });
      return ((await res.json()) as { data: { auditLog: { totalCount: number } } }).data.auditLog.totalCount;
    };
    const before = await total();
    const one = await call({ name: '', on: 'bridge', method: 'GET', path: `/quarantine/${quarantineId}`, allowed: [] }, ROLE_TOKENS.officer);
    expect(one.status).toBe(200);
    expect(await total()).toBe(before + 1);
    const list = await call({ name: '', on: 'bridge', method: 'GET', path: '/quarantine?state=open', allowed: [] }, ROLE_TOKENS.officer);
    const items = (JSON.parse(list.text) as { items: unknown[] }).items.length;
    expect(items).toBeGreaterThan(0);
    expect(await total()).toBe(before + 1 + items);
  });

  it('GraphQL depth and complexity abuse is refused (400) before anything runs, and nothing is audited', async () => {
    const post = (query: string) =>
      call({ name: '', on: 'register', method: 'POST', path: '/graphql', body: graphql(query), contentType: 'application/json', allowed: [] }, ROLE_TOKENS.analyst);
    const before = await auditCount();
    const deep = await post(`{ __schema { types { ${'fields { type { '.repeat(6)}name${' } }'.repeat(6)} } } }`);
    // graphql-js refuses deep introspection itself; QUERY_TOO_DEEP on the schema's own types: errors-and-limits.int.test.ts.
    expect([deep.status, deep.text]).toEqual([400, expect.stringMatching(/QUERY_TOO_DEEP|Maximum introspection depth exceeded/)]);
    const page = await post(`{ residents(first: 100) { edges { node { ...FullResident } } } } ${FULL_RESIDENT}`);
    expect([page.status, page.text]).toEqual([400, expect.stringContaining('QUERY_TOO_COMPLEX')]);
    const aliases = await post(`{ ${Array.from({ length: 400 }, (_, i) => `r${i}: resident(id: "${RESIDENT}") { ...FullResident }`).join(' ')} } ${FULL_RESIDENT}`);
    expect([aliases.status, aliases.text]).toEqual([400, expect.stringContaining('QUERY_TOO_COMPLEX')]);
    expect(await auditCount()).toBe(before);
  });

  it('no credential and no personal data ever reaches the log (captured pino output)', () => {
    const log = register.logLines.join('');
    expect(register.logLines.length).toBeGreaterThan(5);
    const secrets = [...Object.values(ROLE_TOKENS), 'not-anyones-token-0123456789'];
    const personal = [PERSON.name, PERSON.dateOfBirth, CARD, CARD_NUMBER, 'Chiyoda, Chiyoda-ku', '100-0001'];
    expect([...secrets, ...personal].filter((s) => log.includes(s))).toEqual([]);
  });
});
