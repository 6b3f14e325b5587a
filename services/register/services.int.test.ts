import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { startRegister } from './main.js';
import { openStore } from './store/open.js';
import { StoreUnavailableError } from './store/port.js';

/** REGISTER_SERVICES picks the parts a process runs; REGISTER_STORE the store it opens (issue 7.4). */

const dir = mkdtempSync(join(tmpdir(), 'register-services-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const silent = pino({ level: 'silent' });
const OFFICER = 'services-officer-token-01';
const ANALYST = 'services-analyst-token-01';

const start = (name: string, services: string) =>
  startRegister(loadConfig({
    REGISTER_DATA_DIR: join(dir, name), REGISTER_PORT: '0', REGISTER_BRIDGE_PORT: '0', REGISTER_SERVICES: services,
    REGISTER_OFFICER_TOKENS: `officer-1:${OFFICER}`, REGISTER_ANALYST_TOKENS: `analyst-1:${ANALYST}`,
  }), silent);

const graphql = (url: string) =>
  fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ANALYST}` },
    body: JSON.stringify({ query: '{ statistics(groupBy: STATUS_OF_RESIDENCE) { key count } }' }),
  });
/** Without a token: 401 where the command API is mounted, 404 where it is not. */
const residentEvents = (url: string) => fetch(`${url}/residents/7d1e4b2a-3c5f-4e8a-9b6d-0f2a4c6e8b10/events`);

describe('REGISTER_SERVICES', () => {
  it('a query node serves GraphQL and /healthz but neither the command API nor the bridge', async () => {
    const register = await start('query', 'query');
    try {
      expect((await graphql(register.url)).status).toBe(200);
      expect((await residentEvents(register.url)).status).toBe(404);
      expect(await (await fetch(`${register.url}/healthz`)).json()).toMatchObject({ status: 'ok', store: 'sqlite' });
      expect(register.bridgeUrl).toBe('');
    } finally {
      await register.stop();
    }
  });

  it('a command node serves the command API but not GraphQL; a bridge node listens on its own port', async () => {
    const commands = await start('commands', 'commands');
    const bridge = await start('bridge', 'bridge');
    try {
      expect((await graphql(commands.url)).status).toBe(404);
      expect((await residentEvents(commands.url)).status).toBe(401);
      expect(commands.bridgeUrl).toBe('');
      expect(bridge.bridgeUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await fetch(`${bridge.bridgeUrl}/healthz`)).status).toBe(200);
      expect((await residentEvents(bridge.url)).status).toBe(404);
    } finally {
      await Promise.all([commands.stop(), bridge.stop()]);
    }
  });
});

describe('openStore (REGISTER_STORE)', () => {
  it('opens register.db in the data directory for sqlite', async () => {
    const store = openStore(loadConfig({ REGISTER_DATA_DIR: dir }));
    expect(await store.headPosition()).toBe(0);
    await store.close();
  });

  it('opens KurrentDB at KURRENTDB_URL for kurrentdb; an unreachable server is StoreUnavailableError', async () => {
    const store = openStore(loadConfig({ REGISTER_STORE: 'kurrentdb', KURRENTDB_URL: 'kurrentdb://127.0.0.1:1?tls=false' }));
    await expect(store.headPosition()).rejects.toBeInstanceOf(StoreUnavailableError);
    await store.close();
  });
});
