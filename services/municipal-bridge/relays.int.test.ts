import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { identityParticularsChanged, landingPermitted, residenceCardIssued, residenceCardReissued, RESIDENT_ID } from '../../testing/events.js';
import { collect } from '../register/store/port.js';
import { residentStreamId } from '../register/application/command-handler.js';
import { CHIYODA_KEY, SHINJUKU, SHINJUKU_KEY, startTestBridge, type TestBridge } from './testing/bridge.js';
import { notificationRelay, postRelay, send } from './testing/relays.js';

let t: TestBridge;
beforeEach(async () => {
  t = await startTestBridge();
  await t.seed(RESIDENT_ID, [landingPermitted(), residenceCardIssued()]);
});
afterEach(async () => { await t.stop(); });

const streamTypes = async (): Promise<string[]> => (await collect(t.store.readStream(residentStreamId(RESIDENT_ID)))).map((e) => e.type);

describe('one relay over HTTP (POST /relays)', () => {
  it('records a residence notification with the relay\'s legal dates (Art. 19-7, decision 2)', async () => {
    const answer = await postRelay(t.url, notificationRelay(), CHIYODA_KEY);
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ outcome: 'accepted', residentId: RESIDENT_ID, receiptId: 'CHY-2026-0001' });
    const events = await collect(t.store.readStream(residentStreamId(RESIDENT_ID)));
    expect(events.at(-1)).toMatchObject({
      type: 'ResidenceAddressNotified',
      data: { basis: '19-7', movedInOn: '2026-01-15', notifiedOn: '2026-01-20', relayId: '131016-CHY-2026-0001', filedBy: 'self' },
      // MUNI-1, Art. 61-8-2: recorded as the office's relay, with its receipt id.
      metadata: { source: { kind: 'municipality', municipalityCode: '131016', receiptId: 'CHY-2026-0001' } },
    });
  });

  it('answers a resent relay "duplicate" and appends nothing (idempotency key: code, receipt id, type)', async () => {
    const first = await postRelay(t.url, notificationRelay(), CHIYODA_KEY);
    const before = await streamTypes();
    const again = await postRelay(t.url, notificationRelay(), CHIYODA_KEY);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ outcome: 'duplicate', residentId: RESIDENT_ID });
    expect(await streamTypes()).toEqual(before);
    expect(first.body['eventIds']).toHaveLength(1);
  });

  it('refuses the same receipt id with other content (409 RECEIPT_REUSED)', async () => {
    await postRelay(t.url, notificationRelay(), CHIYODA_KEY);
    const other = await postRelay(t.url, notificationRelay({ addressLine: '2-2-2 Kanda, Chiyoda-ku' }), CHIYODA_KEY);
    expect(other.status).toBe(409);
    expect(other.body).toMatchObject({ code: 'RECEIPT_REUSED', errors: [{ field: 'receiptId' }] });
  });

  it('answers 401 without a key and with an unknown key (decision 10)', async () => {
    const none = await send(`${t.url}/relays`, { contentType: 'application/json', body: JSON.stringify(notificationRelay()) });
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer realm="municipal-bridge"');
    const unknown = await postRelay(t.url, notificationRelay(), 'not-a-municipal-key-0000');
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get('www-authenticate')).toContain('invalid_token');
    expect(await streamTypes()).toEqual(['LandingPermitted', 'ResidenceCardIssued']);
  });

  it('answers 403 when an office relays for another municipality\'s code (decision 10)', async () => {
    const answer = await postRelay(t.url, notificationRelay({ municipalityCode: SHINJUKU }), CHIYODA_KEY);
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ code: 'FORBIDDEN', errors: [{ field: 'municipalityCode' }] });
    expect(await streamTypes()).toEqual(['LandingPermitted', 'ResidenceCardIssued']);
    expect((await postRelay(t.url, notificationRelay(), SHINJUKU_KEY)).status).toBe(403);
  });

  it('answers 415 for a relay that is not JSON', async () => {
    const answer = await send(`${t.url}/relays`, { key: CHIYODA_KEY, contentType: 'text/plain', body: 'hello' });
    expect(answer.status).toBe(415);
  });
});

describe('validation of a relay names the field and the rule (decision 9)', () => {
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    ['a municipality code with a wrong check digit', { municipalityCode: '131017' }, 'municipalityCode', /check digit/],
    ['a card number off the pattern', { cardNumber: 'AB123' }, 'cardNumber', /2 capital letters, 8 digits/],
    ['a date that is not ISO', { movedInOn: '15/01/2026' }, 'movedInOn', /ISO date/],
    ['a notification before moving in', { notifiedOn: '2026-01-10' }, 'notifiedOn', /on or after movedInOn/],
    ['a move before birth', { dateOfBirth: '2026-01-16' }, 'movedInOn', /before dateOfBirth/],
    ['an unknown type', { type: 'change-of-name' }, 'type', /./],
    ['an unknown basis', { basis: '19-10' }, 'basis', /./],
    ['a filing date in the future', { notifiedOn: '2026-08-02' }, 'notifiedOn', /after today/],
    ['a BRRA filing without the card (Art. 19-7(3))', { deemedBy: 'brra-30-46', cardPresented: false }, 'cardPresented', /with the card/],
    ['an unknown field', { favouriteColour: 'blue' }, 'favouriteColour', /./],
  ];
  it.each(cases)('rejects %s', async (_name, overrides, field, rule) => {
    const answer = await postRelay(t.url, notificationRelay(overrides), CHIYODA_KEY);
    expect(answer.status).toBe(400);
    expect(answer.body['code']).toBe('VALIDATION_FAILED');
    const errors = answer.body['errors'];
    expect(errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule: expect.stringMatching(rule) })]));
  });

  it('quarantines a relay made with a card that a reissue had superseded (Art. 19-14)', async () => {
    await t.seed(RESIDENT_ID, [residenceCardReissued({ issuedOn: '2026-06-01' })]);
    const answer = await postRelay(t.url, notificationRelay({ movedInOn: '2026-07-01', notifiedOn: '2026-07-02' }), CHIYODA_KEY);
    expect(answer.status).toBe(202);
    expect(answer.body).toMatchObject({ outcome: 'quarantined', reason: { code: 'CARD_NOT_CURRENT' } });
  });
});

describe('resends are answered from the ledger of applied relays, before matching', () => {
  it('answers "duplicate" for a resend after the card it named was superseded (not quarantined)', async () => {
    const first = await postRelay(t.url, notificationRelay(), CHIYODA_KEY);
    expect(first.body).toMatchObject({ outcome: 'accepted' });
    await t.seed(RESIDENT_ID, [residenceCardReissued({ issuedOn: '2026-06-01' })]);
    const before = await streamTypes();
    const again = await postRelay(t.url, notificationRelay(), CHIYODA_KEY);
    expect(again.body).toMatchObject({ outcome: 'duplicate', residentId: RESIDENT_ID });
    expect(await streamTypes()).toEqual(before);
    expect(t.quarantine.list({ limit: 10 })).toEqual([]);
  });

  it('refuses a resend with other content from the ledger too (409 RECEIPT_REUSED)', async () => {
    await postRelay(t.url, notificationRelay(), CHIYODA_KEY);
    await t.seed(RESIDENT_ID, [residenceCardReissued({ issuedOn: '2026-06-01' })]);
    const other = await postRelay(t.url, notificationRelay({ postalCode: '100-0002' }), CHIYODA_KEY);
    expect(other.status).toBe(409);
    expect(other.body).toMatchObject({ code: 'RECEIPT_REUSED', errors: [{ field: 'receiptId' }] });
  });
});

describe('identity is matched on the particulars at the relay\'s legal date (INFO-1, Art. 19-10)', () => {
  beforeEach(async () => {
    // The name changed on 2026-03-01 (NGUYEN VAN AN → NGUYEN VAN BINH).
    await t.seed(RESIDENT_ID, [identityParticularsChanged()]);
  });

  it('accepts a late relay filed under the old name before the change', async () => {
    const answer = await postRelay(t.url, notificationRelay({ name: 'NGUYEN VAN AN', notifiedOn: '2026-01-20' }), CHIYODA_KEY);
    expect(answer.body).toMatchObject({ outcome: 'accepted', residentId: RESIDENT_ID });
  });

  it('accepts the new name too, as the office may have recorded it since', async () => {
    const answer = await postRelay(t.url, notificationRelay({ name: 'Nguyen  Van Binh', notifiedOn: '2026-01-20' }), CHIYODA_KEY);
    expect(answer.body).toMatchObject({ outcome: 'accepted' });
  });

  it('quarantines the old name on a relay filed after the change (IDENTITY_MISMATCH)', async () => {
    const answer = await postRelay(t.url, notificationRelay({ name: 'NGUYEN VAN AN', movedInOn: '2026-04-01', notifiedOn: '2026-04-02' }), CHIYODA_KEY);
    expect(answer.body).toMatchObject({ outcome: 'quarantined', reason: { code: 'IDENTITY_MISMATCH', detail: expect.stringContaining('name') } });
  });
});
