import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { landingPermitted, residenceCardIssued, RESIDENT_ID } from '../../testing/events.js';
import { residentStreamId } from '../register/application/command-handler.js';
import { collect } from '../register/store/port.js';
import { openQuarantineStore, QUARANTINE_FILE } from './quarantine-store.js';
import { CHIYODA_KEY, OFFICER_TOKEN, startTestBridge, type TestBridge } from './testing/bridge.js';
import { notificationRelay, postRelay, send } from './testing/relays.js';

let t: TestBridge;
beforeEach(async () => { t = await startTestBridge(); });
afterEach(async () => { await t.stop(); });

const officer = { key: OFFICER_TOKEN };
const streamLength = async (): Promise<number> => (await collect(t.store.readStream(residentStreamId(RESIDENT_ID)))).length;

describe('quarantine of relays that cannot be applied (decision 9, issue #5 item 6)', () => {
  it('keeps a relay that arrives before the landing, lists it for officers and applies it on re-apply', async () => {
    const answer = await postRelay(t.url, notificationRelay(), CHIYODA_KEY);
    expect(answer.status).toBe(202);
    expect(answer.body).toMatchObject({ outcome: 'quarantined', reason: { code: 'UNKNOWN_CARD' } });
    const id = Number(answer.body['quarantineId']);

    expect((await send(`${t.url}/quarantine`, { method: 'GET' })).status).toBe(401);
    expect((await send(`${t.url}/quarantine`, { method: 'GET', key: CHIYODA_KEY })).status).toBe(401);
    const list = await send(`${t.url}/quarantine?state=open`, { method: 'GET', ...officer });
    expect(list.body['items']).toEqual([expect.objectContaining({ id, state: 'open', receiptId: 'CHY-2026-0001', raw: notificationRelay() })]);

    const early = await send(`${t.url}/quarantine/${id}/reapply`, { ...officer });
    expect(early.status).toBe(409);
    await t.seed(RESIDENT_ID, [landingPermitted(), residenceCardIssued()]);
    const applied = await send(`${t.url}/quarantine/${id}/reapply`, { ...officer });
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({ outcome: 'accepted', residentId: RESIDENT_ID, entry: { state: 'applied', resolvedBy: 'officer-0001', attempts: 2 } });
    expect(await streamLength()).toBe(3);
    expect((await send(`${t.url}/quarantine/${id}/reapply`, { ...officer })).status).toBe(409);
    expect((await postRelay(t.url, notificationRelay(), CHIYODA_KEY)).body).toMatchObject({ outcome: 'duplicate' });
    expect(await streamLength()).toBe(3);
  });

  it('applies a relay that waited for the landing when the quarantine is swept (issue #5 item 7)', async () => {
    const answer = await postRelay(t.url, notificationRelay(), CHIYODA_KEY);
    await t.seed(RESIDENT_ID, [landingPermitted(), residenceCardIssued()]);
    await t.bridge.sweep();
    expect(t.quarantine.get(Number(answer.body['quarantineId']))).toMatchObject({ state: 'applied', residentId: RESIDENT_ID });
    expect(await streamLength()).toBe(3);
  });

  it('quarantines a relay whose identity fields differ from the card holder\'s particulars', async () => {
    await t.seed(RESIDENT_ID, [landingPermitted(), residenceCardIssued()]);
    const answer = await postRelay(t.url, notificationRelay({ name: 'TRAN THI BINH', nationality: 'PHL' }), CHIYODA_KEY);
    expect(answer.body).toMatchObject({ outcome: 'quarantined', reason: { code: 'IDENTITY_MISMATCH', detail: expect.stringContaining('name, nationality') } });
    expect(await streamLength()).toBe(2);
    // An officer who has checked the person binds the relay to the resident.
    const id = Number(answer.body['quarantineId']);
    const bound = await send(`${t.url}/quarantine/${id}/reapply`, { ...officer, contentType: 'application/json', body: JSON.stringify({ residentId: RESIDENT_ID }) });
    expect(bound.body).toMatchObject({ outcome: 'accepted' });
    expect(await streamLength()).toBe(3);
  });

  it('quarantines a relay the decider refuses, with its code (a correction of a relay the register never had)', async () => {
    await t.seed(RESIDENT_ID, [landingPermitted(), residenceCardIssued()]);
    const correction = {
      municipalityCode: '131016', receiptId: 'CHY-2026-0009', type: 'resident-record-correction', name: 'NGUYEN VAN AN', dateOfBirth: '1995-04-12',
      sex: 'male', nationality: 'VNM', cardNumber: 'AB00000101CD', notifiedOn: '2026-07-01', correctsReceiptId: 'CHY-2026-0404', correction: 'withdrawn',
    };
    const answer = await postRelay(t.url, correction, CHIYODA_KEY);
    expect(answer.body).toMatchObject({ outcome: 'quarantined', reason: { code: 'UNKNOWN_RELAY' } });
  });

  it('keeps entries in its own SQLite file across restarts and never deletes them', async () => {
    const answer = await postRelay(t.url, notificationRelay(), CHIYODA_KEY);
    const again = openQuarantineStore(join(t.dir, QUARANTINE_FILE));
    expect(again.get(Number(answer.body['quarantineId']))).toMatchObject({ reason: { code: 'UNKNOWN_CARD' }, raw: notificationRelay() });
    again.close();
    const db = new BetterSqlite3(join(t.dir, QUARANTINE_FILE));
    expect(() => db.prepare('DELETE FROM quarantine').run()).toThrow(/never deleted/);
    db.close();
  });

  it('counts a resend of a quarantined relay as another attempt on the same entry', async () => {
    const first = await postRelay(t.url, notificationRelay(), CHIYODA_KEY);
    const second = await postRelay(t.url, notificationRelay(), CHIYODA_KEY);
    expect(second.body['quarantineId']).toBe(first.body['quarantineId']);
    expect(t.quarantine.get(Number(first.body['quarantineId']))?.attempts).toBe(2);
  });
});
