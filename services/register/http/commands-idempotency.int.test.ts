import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { landingPermitted, residenceAddressNotified, residenceCardIssued } from '../../../testing/events.js';
import { bodyOf, json, startTestServer, type TestServer } from './testing/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.stop());

const landing = bodyOf(landingPermitted());
const card = bodyOf(residenceCardIssued());
const key = (name: string) => ({ 'idempotency-key': `${name}-${randomUUID()}` });

const landed = async (): Promise<string> => {
  const id = randomUUID();
  expect((await server.post(`/residents/${id}/permit-landing`, landing)).status).toBe(201);
  return id;
};
const eventCount = async (id: string): Promise<number> => (json((await server.get(`/residents/${id}/events`)).body)['events'] as unknown[]).length;

describe('idempotency keys (architecture decision 4)', () => {
  it('a retry with the same Idempotency-Key appends nothing and answers 200 with the same body', async () => {
    const id = await landed();
    const headers = key('card');
    const first = await server.post(`/residents/${id}/issue-residence-card`, card, headers);
    expect(first.status).toBe(201);
    server.setNow('2026-01-10T02:00:00Z');
    const retry = await server.post(`/residents/${id}/issue-residence-card`, { ...card }, headers);
    server.setNow('2026-01-10T01:00:00Z');
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotency-replayed')).toBe('true');
    expect(retry.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(retry.body).toEqual(first.body);
    expect(await eventCount(id)).toBe(2);
  });

  it('the same key with another body is answered 409 KEY_REUSED and appends nothing', async () => {
    const id = await landed();
    const headers = key('card');
    expect((await server.post(`/residents/${id}/issue-residence-card`, card, headers)).status).toBe(201);
    const other = await server.post(`/residents/${id}/issue-residence-card`, { ...card, cardNumber: 'AB00000999CD' }, headers);
    expect(other.status).toBe(409);
    expect(other.body).toMatchObject({ type: 'urn:problem:idempotency:KEY_REUSED', code: 'KEY_REUSED' });
    const otherCommand = await server.post(`/residents/${id}/notify-residence-address`, bodyOf(residenceAddressNotified()), headers);
    expect(otherCommand.status).toBe(409);
    expect(await eventCount(id)).toBe(2);
  });

  it('an invalid Idempotency-Key is answered 400 naming the header', async () => {
    const id = await landed();
    const res = await server.post(`/residents/${id}/issue-residence-card`, card, { 'idempotency-key': 'x'.repeat(201) });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ errors: [{ in: 'header', field: 'Idempotency-Key' }] });
  });
});

describe('If-Match: optimistic concurrency stated by the client (architecture decision 4)', () => {
  it('If-Match with the current revision appends; with a stale revision it is answered 412', async () => {
    const id = await landed();
    const ok = await server.post(`/residents/${id}/issue-residence-card`, card, { 'if-match': '"0"' });
    expect(ok.status).toBe(201);
    const stale = await server.post(`/residents/${id}/notify-residence-address`, bodyOf(residenceAddressNotified()), { 'if-match': '"0"' });
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ type: 'urn:problem:concurrency:REVISION_MISMATCH', expectedRevision: 0, currentRevision: 1 });
    expect(await eventCount(id)).toBe(2);
  });

  it('If-Match "-1" opens a record only if there is none; * needs one; a malformed If-Match is 400', async () => {
    const id = randomUUID();
    expect((await server.post(`/residents/${id}/issue-residence-card`, card, { 'if-match': '*' })).status).toBe(412);
    expect((await server.post(`/residents/${id}/permit-landing`, landing, { 'if-match': '"-1"' })).status).toBe(201);
    expect((await server.post(`/residents/${id}/permit-landing`, landing, { 'if-match': '"-1"' })).status).toBe(412);
    expect((await server.post(`/residents/${id}/issue-residence-card`, card, { 'if-match': '*' })).status).toBe(201);
    const bad = await server.post(`/residents/${id}/issue-residence-card`, card, { 'if-match': 'W/"1"' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ errors: [{ in: 'header', field: 'If-Match' }] });
  });
});
