import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { landingPermitted } from '../../../testing/events.js';
import { loadConfig } from '../config.js';
import { startRegister } from '../main.js';
import { StoreUnavailableError, type EventStore } from '../store/port.js';
import { bodyOf, json, OFFICER_TOKEN, startTestServer, type TestServer } from './testing/server.js';

const logLines: string[] = [];
const logger = pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) });
const landing = bodyOf(landingPermitted());

/** Fails reads of streams whose resident id starts with 0000… (500) or 5555… (503). */
const failingStore = (store: EventStore): EventStore => ({
  ...store,
  readStream: (streamId, options) => {
    if (streamId.startsWith('resident-00000000')) throw new Error('disk controller on fire at sector 7');
    if (streamId.startsWith('resident-55555555')) throw new StoreUnavailableError('the store file is locked');
    return store.readStream(streamId, options);
  },
});

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ logger, wrapStore: failingStore });
});
afterAll(async () => server.stop());

describe('authentication: officers only (architecture decision 10)', () => {
  it('no bearer token is answered 401 with WWW-Authenticate: Bearer', async () => {
    for (const authorization of ['', 'Basic b2ZmaWNlcjpzZWNyZXQ=']) {
      const res = await server.post(`/residents/${randomUUID()}/permit-landing`, landing, { authorization });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer realm="resident-register"$/);
      expect(res.body).toMatchObject({ type: 'urn:problem:auth:UNAUTHENTICATED', code: 'UNAUTHENTICATED', status: 401 });
    }
    expect((await server.get(`/residents/${randomUUID()}/events`, { authorization: '' })).status).toBe(401);
  });

  it('an unknown bearer token is answered 401 invalid_token, and /healthz stays open', async () => {
    const res = await server.post(`/residents/${randomUUID()}/permit-landing`, landing, { authorization: `Bearer ${OFFICER_TOKEN}x` });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="resident-register", error="invalid_token"');
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('never logs the token or the request body', async () => {
    await server.post(`/residents/${randomUUID()}/permit-landing`, landing);
    await server.post(`/residents/${randomUUID()}/permit-landing`, landing, { authorization: 'Bearer not-an-officer-token-123' });
    const logs = logLines.join('\n');
    expect(logs).toContain('command handled');
    expect(logs).not.toContain(OFFICER_TOKEN);
    expect(logs).not.toContain('not-an-officer-token-123');
    expect(logs).not.toContain('NGUYEN VAN AN');
  });

  it('without REGISTER_OFFICER_TOKENS the register warns once at start and answers every command 401', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'register-noauth-'));
    const lines: string[] = [];
    const register = await startRegister(loadConfig({ REGISTER_DATA_DIR: dir, REGISTER_PORT: '0' }), pino({ level: 'warn' }, { write: (l: string) => void lines.push(l) }));
    try {
      const res = await fetch(`${register.url}/residents/${randomUUID()}/permit-landing`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${OFFICER_TOKEN}` }, body: JSON.stringify(landing),
      });
      expect(res.status).toBe(401);
      expect((await fetch(`${register.url}/healthz`)).status).toBe(200);
      expect(lines.filter((l) => l.includes('REGISTER_OFFICER_TOKENS'))).toHaveLength(1);
    } finally {
      await register.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('transport errors as RFC 9457 problem details', () => {
  it('a body over 64 kB is answered 413', async () => {
    const res = await server.post(`/residents/${randomUUID()}/permit-landing`, { ...landing, port: 'x'.repeat(70_000) });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ type: 'urn:problem:request:PAYLOAD_TOO_LARGE', code: 'PAYLOAD_TOO_LARGE' });
  });

  it('malformed JSON is answered 400 without echoing the body; a JSON array 400; a non-JSON body 415', async () => {
    const malformed = await server.post(`/residents/${randomUUID()}/permit-landing`, '{"permittedOn": "2026-01-10", secret', {}, true);
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ type: 'urn:problem:request:MALFORMED_JSON', code: 'MALFORMED_JSON' });
    expect(JSON.stringify(malformed.body)).not.toContain('secret');
    const array = await server.post(`/residents/${randomUUID()}/permit-landing`, [landing]);
    expect(array.body).toMatchObject({ status: 400, errors: [{ in: 'body', field: '(whole body)', rule: 'must be a JSON object' }] });
    const text = await server.post(`/residents/${randomUUID()}/permit-landing`, 'port=Narita', { 'content-type': 'text/plain' }, true);
    expect(text.status).toBe(415);
    expect(text.body).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it('an unexpected error is masked as 500 and logged; an unavailable store is 503', async () => {
    const res = await server.post('/residents/00000000-0000-4000-8000-000000000001/permit-landing', landing);
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ type: 'urn:problem:server:INTERNAL', title: 'Internal error', status: 500, code: 'INTERNAL' });
    expect(logLines.some((l) => l.includes('disk controller on fire'))).toBe(true);
    const unavailable = await server.get('/residents/55555555-0000-4000-8000-000000000001/events');
    expect(unavailable.status).toBe(503);
    expect(json(unavailable.body)).toMatchObject({ type: 'urn:problem:store:UNAVAILABLE', code: 'UNAVAILABLE' });
  });
});
