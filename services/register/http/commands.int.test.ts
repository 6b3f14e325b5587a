import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARD_NUMBER, landingPermitted, residenceAddressNotified, residenceCardIssued } from '../../../testing/events.js';
import { bodyOf, json, startTestServer, type TestServer } from './testing/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.stop());

const landing = bodyOf(landingPermitted());
const card = bodyOf(residenceCardIssued());
const address = bodyOf(residenceAddressNotified());

/** A fresh resident per test (style.md: a fresh stream per test). */
const landed = async (): Promise<string> => {
  const id = randomUUID();
  expect((await server.post(`/residents/${id}/permit-landing`, landing)).status).toBe(201);
  return id;
};

describe('the command API: one endpoint per command', () => {
  it('records landing → card → residence notification with 201, the events and their revisions (Ch. III, Arts. 19-6, 19-7)', async () => {
    const id = randomUUID();
    const first = await server.post(`/residents/${id}/permit-landing`, landing);
    expect(first.status).toBe(201);
    expect(first.headers.get('etag')).toBe('"0"');
    expect(first.body).toMatchObject({ residentId: id, revision: 0, events: [{ type: 'LandingPermitted', revision: 0, data: { residentId: id, permittedOn: '2026-01-10' } }] });

    const second = await server.post(`/residents/${id}/issue-residence-card`, card);
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ revision: 1, events: [{ type: 'ResidenceCardIssued', revision: 1, data: { cardNumber: CARD_NUMBER } }] });

    const third = await server.post(`/residents/${id}/notify-residence-address`, address);
    expect(third.status).toBe(201);
    expect(third.headers.get('etag')).toBe('"2"');
    const [event] = json(third.body)['events'] as unknown[];
    expect(event).toMatchObject({ type: 'ResidenceAddressNotified', revision: 2, recordedAt: '2026-01-10T01:00:00Z', data: { notifiedOn: '2026-01-30' } });
    expect(json(event)['id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(json(event)['position']).toBeGreaterThan(0);

    const events = await server.get(`/residents/${id}/events`);
    expect(events.status).toBe(200);
    expect(events.body).toMatchObject({ residentId: id, revision: 2, events: [
      { type: 'LandingPermitted', metadata: { source: { kind: 'officer', officerId: 'officer-0001' } } },
      { type: 'ResidenceCardIssued' }, { type: 'ResidenceAddressNotified' },
    ] });
  });

  it('GET status reflects the recorded facts: an MLTR with a valid card and a notified address (Arts. 19-3, 19-5, 19-7, REG-2)', async () => {
    const id = await landed();
    await server.post(`/residents/${id}/issue-residence-card`, card);
    await server.post(`/residents/${id}/notify-residence-address`, address);
    const status = await server.get(`/residents/${id}/status?asOf=2026-02-01`);
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({
      residentId: id, asOf: '2026-02-01',
      midToLongTermResident: { is: true, since: '2026-01-10' },
      card: { cardNumber: CARD_NUMBER, valid: true },
      address: { state: 'notified', since: '2026-01-25', notifiedOn: '2026-01-30' },
    });
    const before = await server.get(`/residents/${id}/status?asOf=2026-01-09`);
    expect(before.body).toMatchObject({ midToLongTermResident: { is: false } });
  });

  it('GET status as known at an instant before the facts were recorded does not count them (DT-8)', async () => {
    const id = await landed();
    server.setNow('2026-01-31T01:00:00Z');
    await server.post(`/residents/${id}/notify-residence-address`, address);
    server.setNow('2026-01-10T01:00:00Z');
    const knownEarlier = await server.get(`/residents/${id}/status?asOf=2026-02-01&knownAt=2026-01-20T00:00:00Z`);
    expect(knownEarlier.body).toMatchObject({ knownAt: '2026-01-20T00:00:00Z', address: null });
    const knownNow = await server.get(`/residents/${id}/status?asOf=2026-02-01`);
    expect(knownNow.body).toMatchObject({ address: { state: 'notified' } });
  });

  it('GET status needs asOf, GET events and status of an unknown resident answer 404 UNKNOWN_RESIDENT', async () => {
    const id = await landed();
    const missing = await server.get(`/residents/${id}/status`);
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ in: 'query', field: 'asOf' }] });
    for (const path of ['events', 'status?asOf=2026-02-01']) {
      const unknown = await server.get(`/residents/${randomUUID()}/${path}`);
      expect(unknown.status).toBe(404);
      expect(unknown.body).toMatchObject({ type: 'urn:problem:domain:UNKNOWN_RESIDENT', code: 'UNKNOWN_RESIDENT' });
    }
  });

  it('a body that breaks a rule is answered 400 naming the field and the rule (CARD-2, Art. 19-4(2))', async () => {
    const id = await landed();
    const res = await server.post(`/residents/${id}/issue-residence-card`, { ...card, cardNumber: 'AB123', issuedOn: '2026-02-30' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ type: 'urn:problem:request:VALIDATION_FAILED', status: 400, code: 'VALIDATION_FAILED' });
    const errors = json(res.body)['errors'];
    expect(errors).toContainEqual({ in: 'body', field: 'cardNumber', rule: 'must be a residence card number: 2 capital letters, 8 digits, 2 capital letters' });
    expect(errors).toContainEqual({ in: 'body', field: 'issuedOn', rule: 'must be a real calendar date' });
  });

  it('nested paths, cross-field rules, unknown fields and a differing residentId are each named', async () => {
    const id = randomUUID();
    const grant = { status: 'permanent-resident', periodOfStay: 'P1Y', expiresOn: null };
    const res = await server.post(`/residents/${id}/permit-landing`, { ...landing, grant, residentId: randomUUID(), colour: 'blue' });
    expect(res.status).toBe(400);
    const errors = json(res.body)['errors'];
    expect(errors).toContainEqual({ in: 'body', field: 'residentId', rule: 'must equal the resident id of the path, or be left out' });
    expect(errors).toContainEqual({ in: 'body', field: 'grant.expiresOn', rule: 'must be the expiry date of a fixed period of stay' });
    const unknownField = await server.post(`/residents/${id}/permit-landing`, { ...landing, colour: 'blue' });
    expect(json(unknownField.body)['errors']).toEqual([{ in: 'body', field: 'colour', rule: 'is not a field of PermitLanding' }]);
  });

  it('a path resident id that is not a UUID is answered 400; an unknown command path 404', async () => {
    const bad = await server.post('/residents/not-a-uuid/permit-landing', landing);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ errors: [{ in: 'path', field: 'residentId' }] });
    const unknown = await server.post(`/residents/${randomUUID()}/grant-citizenship`, {});
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ type: 'urn:problem:request:NOT_FOUND', status: 404 });
  });

  it('a card for a Temporary Visitor is refused 422 NOT_ELIGIBLE_FOR_RESIDENCE_CARD (Arts. 19-3(ii), 19-6)', async () => {
    const id = randomUUID();
    const visitor = bodyOf(landingPermitted({ grant: { status: 'temporary-visitor', periodOfStay: 'P90D', expiresOn: '2026-04-09' } }));
    expect((await server.post(`/residents/${id}/permit-landing`, visitor)).status).toBe(201);
    const res = await server.post(`/residents/${id}/issue-residence-card`, card);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ type: 'urn:problem:domain:NOT_ELIGIBLE_FOR_RESIDENCE_CARD', code: 'NOT_ELIGIBLE_FOR_RESIDENCE_CARD', status: 422 });
    expect(json(res.body)['detail']).toMatch(/Art\. 19-3/);
  });

  it('a command for a person the register does not know is answered 404 UNKNOWN_RESIDENT', async () => {
    const res = await server.post(`/residents/${randomUUID()}/issue-residence-card`, card);
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'UNKNOWN_RESIDENT' });
  });

  it('a command that changes nothing (the same card issue again, Art. 19-4(2)) is answered 200 with no events', async () => {
    const id = await landed();
    expect((await server.post(`/residents/${id}/issue-residence-card`, card)).status).toBe(201);
    const again = await server.post(`/residents/${id}/issue-residence-card`, card);
    expect(again.status).toBe(200);
    expect(again.headers.get('etag')).toBe('"1"');
    expect(again.body).toEqual({ residentId: id, revision: 1, events: [] });
  });
});
