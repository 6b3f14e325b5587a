import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { landingPermitted, residenceCardIssued, RESIDENT_ID } from '../../testing/events.js';
import { residentStreamId } from '../register/application/command-handler.js';
import { collect } from '../register/store/port.js';
import { CHIYODA_KEY, startTestBridge, type TestBridge } from './testing/bridge.js';
import { deletionRelay, notificationRelay, postBatch, postRelay } from './testing/relays.js';

let t: TestBridge;
beforeEach(async () => {
  t = await startTestBridge();
  await t.seed(RESIDENT_ID, [landingPermitted(), residenceCardIssued()]);
});
afterEach(async () => { await t.stop(); });

const streamLength = async (): Promise<number> => (await collect(t.store.readStream(residentStreamId(RESIDENT_ID)))).length;

/** good, bad (check digit), foreign code, unknown card, good deletion */
const mixed = (): Record<string, unknown>[] => [
  notificationRelay(),
  notificationRelay({ receiptId: 'CHY-2026-0100', municipalityCode: '131017' }),
  notificationRelay({ receiptId: 'CHY-2026-0101', municipalityCode: '131041' }),
  notificationRelay({ receiptId: 'CHY-2026-0102', cardNumber: 'ZZ99999999ZZ' }),
  deletionRelay({ movedOutOn: '2026-05-01', notifiedOn: '2026-04-28' }),
];
const EXPECTED = ['accepted', 'rejected', 'rejected', 'quarantined', 'accepted'];

const COLUMNS = ['municipalityCode', 'receiptId', 'type', 'basis', 'deletionReason', 'name', 'dateOfBirth', 'sex', 'nationality', 'cardNumber',
  'cardPresented', 'addressLine', 'postalCode', 'movedInOn', 'movedOutOn', 'notifiedOn'];
const csvOf = (relays: Record<string, unknown>[]): string =>
  [COLUMNS.join(','), ...relays.map((r) => COLUMNS.map((c) => {
    const v = r[c];
    return v === undefined ? '' : `"${String(v).replace(/"/g, '""')}"`;
  }).join(','))].join('\r\n');

const FORMATS: [string, string, () => string][] = [
  ['a JSON array', 'application/json', () => JSON.stringify(mixed())],
  ['NDJSON', 'application/x-ndjson', () => mixed().map((r) => JSON.stringify(r)).join('\n')],
  ['CSV with a header row', 'text/csv', () => csvOf(mixed())],
];

describe('batches are answered record by record, never all-or-nothing (issue #5 item 3)', () => {
  it.each(FORMATS)('answers each record of a mixed batch in %s, then a summary; a resend is all duplicates', async (_name, type, body) => {
    const { status, lines } = await postBatch(t.url, body(), type, CHIYODA_KEY);
    expect(status).toBe(200);
    expect(lines.slice(0, 5).map((l) => l['outcome'])).toEqual(EXPECTED);
    expect(lines[1]).toMatchObject({ index: 1, code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ field: 'municipalityCode' })] });
    expect(lines[2]).toMatchObject({ index: 2, code: 'FORBIDDEN', status: 403 });
    expect(lines[3]).toMatchObject({ reason: { code: 'UNKNOWN_CARD' } });
    expect(lines[5]).toEqual({ summary: { records: 5, accepted: 2, duplicate: 0, rejected: 2, quarantined: 1, failed: 0, complete: true } });
    expect(await streamLength()).toBe(4);
    const again = await postBatch(t.url, body(), type, CHIYODA_KEY);
    expect(again.lines.slice(0, 5).map((l) => l['outcome'])).toEqual(['duplicate', 'rejected', 'rejected', 'quarantined', 'duplicate']);
    expect(await streamLength()).toBe(4);
  });

  it('rejects a record that is not JSON and goes on with the next (NDJSON)', async () => {
    const { lines } = await postBatch(t.url, `{"oops"\n${JSON.stringify(notificationRelay())}\n`, 'application/x-ndjson', CHIYODA_KEY);
    expect(lines.map((l) => l['outcome'])).toEqual(['rejected', 'accepted', undefined]);
    expect(lines[0]).toMatchObject({ code: 'MALFORMED_RECORD' });
  });

  it('answers 400 for a body that is not a JSON array, and 415 for another media type', async () => {
    expect((await postBatch(t.url, '{"a":1}', 'application/json', CHIYODA_KEY)).status).toBe(400);
    expect((await postBatch(t.url, 'x', 'application/xml', CHIYODA_KEY)).status).toBe(415);
  });

  it('ends the answer with an incomplete summary when a JSON array is cut short', async () => {
    const { lines } = await postBatch(t.url, `[${JSON.stringify(notificationRelay())},{"a":`, 'application/json', CHIYODA_KEY);
    expect(lines[0]).toMatchObject({ outcome: 'accepted' });
    expect(lines[1]).toMatchObject({ summary: { records: 1, complete: false, error: { code: 'MALFORMED_BATCH' } } });
  });
});

describe('late relays keep their legal dates (decision 2, issue #5 item 7)', () => {
  it('derives ground (ix) from the moved-out date of a move-out relayed more than 90 days later (Art. 22-4(1)(ix))', async () => {
    await postRelay(t.url, notificationRelay(), CHIYODA_KEY);
    const late = await postRelay(t.url, deletionRelay({ movedOutOn: '2026-03-01', notifiedOn: '2026-03-01' }), CHIYODA_KEY);
    expect(late.body).toMatchObject({ outcome: 'accepted' });
    await t.projected();
    const row = t.readModels.statusOf(RESIDENT_ID);
    expect(row?.lapseGrounds).toContain('ix');
    const ground = row?.status.cancellationGrounds.find((g) => g.ground === 'ix');
    expect(ground).toMatchObject({ clockStartedOn: '2026-03-01', state: 'candidate' });
    expect(ground?.strictFrom).toBe('2026-05-31');
  });
});
