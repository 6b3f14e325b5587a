import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHIYODA, landingPermitted, PERSON, residenceCardIssued, RESIDENT_ID } from '../../testing/events.js';
import { residentStreamId } from '../register/application/command-handler.js';
import { collect } from '../register/store/port.js';
import { newbornResidentId } from './matching.js';
import { Relay } from './relay-schema.js';
import { CHIYODA_KEY, startTestBridge, type TestBridge } from './testing/bridge.js';
import { postRelay } from './testing/relays.js';

// Issue #5 item 6, MUNI-2, Art. 61-8-2: resident-record entries that carry no residence card.

const CHILD = { name: 'NGUYEN THI MAI', dateOfBirth: '2026-07-01', sex: 'female', nationality: 'VNM' } as const;

const entryRelay = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  municipalityCode: CHIYODA, receiptId: 'CHY-BIRTH-0001', type: 'resident-record-entry', entryReason: 'birth',
  ...CHILD, addressLine: '1-1-1 Chiyoda, Chiyoda-ku, Tokyo', movedInOn: '2026-07-01', notifiedOn: '2026-07-06',
  ...overrides,
});

let t: TestBridge;
beforeEach(async () => { t = await startTestBridge(); });
afterEach(async () => { await t.stop(); });

const streamOf = async (residentId: string) => collect(t.store.readStream(residentStreamId(residentId)));

describe('a birth relayed without a card opens the child\'s record (Art. 22-2, 61-8-2; APP-5)', () => {
  it('opens the record under an id derived from the relay, with the particulars and the residence', async () => {
    const answer = await postRelay(t.url, entryRelay(), CHIYODA_KEY);
    const childId = newbornResidentId(Relay.parse(entryRelay()));
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ outcome: 'accepted', residentId: childId });
    const events = await streamOf(childId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'ResidentRecordEntered',
      data: { reason: 'birth', residenceEstablishedOn: '2026-07-01', enteredOn: '2026-07-06', person: CHILD, relayId: '131016-CHY-BIRTH-0001' },
    });
  });

  it('keeps the Art. 22-2(2) clock: the status view shows the child without status, the application due', async () => {
    const answer = await postRelay(t.url, entryRelay(), CHIYODA_KEY);
    await t.projected();
    const row = t.readModels.statusOf(String(answer.body['residentId']));
    expect(row?.status.particulars).toMatchObject({ name: CHILD.name });
    expect(row?.midToLongTermResident).toBe(false);
    expect(row?.status.obligations).toEqual(expect.arrayContaining([expect.objectContaining({ duty: '22-2(2)' })]));
  });

  it('answers a resend "duplicate" under the same id and opens nothing new', async () => {
    const first = await postRelay(t.url, entryRelay(), CHIYODA_KEY);
    await t.projected();
    const again = await postRelay(t.url, entryRelay(), CHIYODA_KEY);
    expect(again.body).toMatchObject({ outcome: 'duplicate', residentId: first.body['residentId'] });
    expect(await streamOf(String(first.body['residentId']))).toHaveLength(1);
  });

  it('ties a second office\'s birth relay to the record the first one opened (same particulars)', async () => {
    const first = await postRelay(t.url, entryRelay(), CHIYODA_KEY);
    await t.projected();
    const other = await postRelay(t.url, entryRelay({ receiptId: 'CHY-BIRTH-0002', notifiedOn: '2026-07-07' }), CHIYODA_KEY);
    expect(other.body).toMatchObject({ outcome: 'accepted', residentId: first.body['residentId'] });
  });
});

describe('other entries without a card are tied by name, date of birth and nationality', () => {
  const movedIn = (overrides: Record<string, unknown> = {}) =>
    entryRelay({ receiptId: 'CHY-ENTRY-0001', entryReason: 'moving-in-without-card', ...PERSON, movedInOn: '2026-07-01', notifiedOn: '2026-07-03', ...overrides });

  it('applies the entry to the one resident who has them', async () => {
    await t.seed(RESIDENT_ID, [landingPermitted(), residenceCardIssued()]);
    const answer = await postRelay(t.url, movedIn({ name: 'nguyen  van an' }), CHIYODA_KEY);
    expect(answer.body).toMatchObject({ outcome: 'accepted', residentId: RESIDENT_ID });
    expect((await streamOf(RESIDENT_ID)).at(-1)).toMatchObject({ type: 'ResidentRecordEntered', data: { reason: 'moving-in-without-card' } });
  });

  it('keeps the entry until the person is known, then the sweep applies it (MUNI-3)', async () => {
    const answer = await postRelay(t.url, movedIn(), CHIYODA_KEY);
    expect(answer.body).toMatchObject({ outcome: 'quarantined', reason: { code: 'NO_CARD_NUMBER' } });
    await t.seed(RESIDENT_ID, [landingPermitted(), residenceCardIssued()]);
    await t.bridge.sweep();
    expect(t.quarantine.get(Number(answer.body['quarantineId']))).toMatchObject({ state: 'applied', residentId: RESIDENT_ID });
  });

  it('leaves the choice to an officer when two residents share them (AMBIGUOUS_IDENTITY)', async () => {
    const twin = '0b7e3c1a-5d2f-4a8e-9c61-2f4d8a9b1e02';
    await t.seed(RESIDENT_ID, [landingPermitted(), residenceCardIssued()]);
    await t.seed(twin, [landingPermitted({ residentId: twin }), residenceCardIssued({ residentId: twin, cardNumber: 'AB00000102CD' })]);
    const answer = await postRelay(t.url, movedIn(), CHIYODA_KEY);
    expect(answer.body).toMatchObject({ outcome: 'quarantined', reason: { code: 'AMBIGUOUS_IDENTITY' } });
  });
});
