import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../register/config.js';
import { startRegister, type RunningRegister } from '../register/main.js';
import { notificationRelay, postRelay } from './testing/relays.js';

const OFFICER = 'officer-quarantine-token-91ab';
const ANALYST = 'analyst-quarantine-token-27cd';
const AUDITOR = 'auditor-quarantine-token-55ef';
const CHIYODA_KEY = 'chiyoda-office-key-quarantine-1';

let dir: string;
let register: RunningRegister;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'quarantine-graphql-'));
  register = await startRegister(
    loadConfig({
      REGISTER_DATA_DIR: dir, REGISTER_PORT: '0', REGISTER_BRIDGE_PORT: '0',
      REGISTER_OFFICER_TOKENS: `officer-1:${OFFICER}`, REGISTER_ANALYST_TOKENS: `analyst-1:${ANALYST}`,
      REGISTER_AUDITOR_TOKENS: `auditor-1:${AUDITOR}`, REGISTER_MUNICIPAL_KEYS: `131016:${CHIYODA_KEY}`,
    }),
    pino({ level: 'silent' }),
  );
  // No resident holds this card yet: the relay is kept (issue #5, MUNI-3).
  const answer = await postRelay(register.bridgeUrl, notificationRelay({ notifiedOn: '2026-01-20' }), CHIYODA_KEY);
  expect(answer.body).toMatchObject({ outcome: 'quarantined', reason: { code: 'UNKNOWN_CARD' } });
});
afterAll(async () => {
  await register.stop();
  rmSync(dir, { recursive: true, force: true });
});

const graphql = async (token: string, query: string): Promise<{ status: number; body: { data?: unknown; errors?: { extensions?: { code?: string } }[] } }> => {
  const res = await fetch(`${register.url}/graphql`, {
    method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ query }),
  });
  return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] } };
};

const QUARANTINE = `{ quarantine(municipality: "131016", first: 10) {
  totalCount edges { node { id municipalityCode receiptId type reasonCode state attempts residentId relay } } pageInfo { hasNextPage } } }`;

describe('the quarantine over GraphQL (issue #5: listable over HTTP and GraphQL)', () => {
  it('lists the open entries to an officer, with the relay as received and validated', async () => {
    const { status, body } = await graphql(OFFICER, QUARANTINE);
    expect(status).toBe(200);
    expect(body.data).toEqual({
      quarantine: {
        totalCount: 1,
        pageInfo: { hasNextPage: false },
        edges: [{ node: expect.objectContaining({ municipalityCode: '131016', receiptId: 'CHY-2026-0001', type: 'residence-notification', reasonCode: 'UNKNOWN_CARD', state: 'OPEN', attempts: 1, residentId: null }) }],
      },
    });
    const node = (body.data as { quarantine: { edges: { node: { relay: string } }[] } }).quarantine.edges[0]?.node;
    expect(JSON.parse(node?.relay ?? 'null')).toMatchObject({ cardNumber: 'AB00000101CD', name: 'NGUYEN VAN AN' });
  });

  it('shows applied entries only when asked, and none here', async () => {
    const { body } = await graphql(OFFICER, '{ quarantine(state: APPLIED) { totalCount } }');
    expect(body.data).toEqual({ quarantine: { totalCount: 0 } });
  });

  it('is closed to analysts and auditors (FORBIDDEN: Art. 19-36(3))', async () => {
    for (const token of [ANALYST, AUDITOR]) {
      const { status, body } = await graphql(token, QUARANTINE);
      expect(status).toBe(403);
      expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('audits every entry read, under quarantine-<id> while no resident is tied to it (INFO-2)', async () => {
    const { body } = await graphql(AUDITOR, '{ auditLog(actor: "officer-1") { edges { node { actorRole residentId rootFields fields } } } }');
    const entries = (body.data as { auditLog: { edges: { node: { residentId: string; fields: string[] } }[] } }).auditLog.edges.map((e) => e.node);
    expect(entries.length).toBeGreaterThan(0);
    expect(entries[0]).toMatchObject({ actorRole: 'OFFICER', residentId: 'quarantine-1', rootFields: ['quarantine'] });
    expect(entries[0]?.fields).toEqual(expect.arrayContaining(['QuarantinedRelay.relay']));
  });

  it('refuses a malformed municipality code, naming the argument', async () => {
    const { body } = await graphql(OFFICER, '{ quarantine(municipality: "131017") { totalCount } }');
    expect(body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('municipality') });
  });
});
