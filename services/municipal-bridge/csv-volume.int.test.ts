import { request, type IncomingMessage } from 'node:http';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { landingPermitted, PERSON, residenceCardIssued } from '../../testing/events.js';
import { appendHistory } from '../../testing/clock.js';
import { CHIYODA_KEY, startTestBridge, type TestBridge } from './testing/bridge.js';

// Issue #5 item 2: a 100,000-record CSV goes through the bridge, read and answered record by record.

const RESIDENTS = 2_000;
const PER_RESIDENT = 50;
const RECORDS = RESIDENTS * PER_RESIDENT;
const FIRST_PART = 1_000;

const residentId = (i: number): string => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
const cardOf = (i: number): string => `AB${String(i).padStart(8, '0')}CD`;
const dayOf = (k: number): string => new Date(Date.UTC(2026, 0, 15 + k * 4)).toISOString().slice(0, 10);

const HEADER = 'municipalityCode,receiptId,type,basis,name,dateOfBirth,sex,nationality,cardNumber,cardPresented,addressLine,movedInOn,notifiedOn\n';
/** Record n: resident n % RESIDENTS moves within Chiyoda for the (n / RESIDENTS)-th time, notified the same day. */
const row = (n: number): string => {
  const i = n % RESIDENTS;
  const k = Math.floor(n / RESIDENTS);
  const day = dayOf(k);
  return `131016,VOL-${n},residence-notification,19-9,${PERSON.name},${PERSON.dateOfBirth},${PERSON.sex},${PERSON.nationality},${cardOf(i)},true,"${k + 1}-${i} Chiyoda, Chiyoda-ku",${day},${day}\n`;
};

const within = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  Promise.race([promise, new Promise<never>((_resolve, reject) => {
    setTimeout(() => reject(new Error(`no answer within ${ms} ms of sending the first records: the body is buffered`)), ms).unref();
  })]);

let t: TestBridge;
beforeAll(async () => {
  t = await startTestBridge();
  for (let i = 0; i < RESIDENTS; i += 1)
    await appendHistory(t.store, residentId(i), [landingPermitted({ residentId: residentId(i) }), residenceCardIssued({ residentId: residentId(i), cardNumber: cardOf(i) })]);
  await t.projected();
}, 600_000);
afterAll(async () => { await t.stop(); });

/** Counts the outcomes of the NDJSON answer as it streams, keeping only the counts and the summary. */
const tally = async (res: IncomingMessage): Promise<{ outcomes: Map<string, number>; summary: unknown }> => {
  const outcomes = new Map<string, number>();
  let summary: unknown;
  let rest = '';
  res.setEncoding('utf8');
  for await (const chunk of res) {
    const lines = (rest + String(chunk)).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      const parsed: unknown = JSON.parse(line);
      const outcome: unknown = typeof parsed === 'object' && parsed !== null ? Reflect.get(parsed, 'outcome') : undefined;
      if (typeof outcome === 'string') outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      else summary = parsed;
    }
  }
  return { outcomes, summary };
};

describe('a 100,000-record CSV batch (issue #5 item 2)', () => {
  it('streams: answers the first records before the body is complete, and accepts every record', async () => {
    const url = new URL('/relays/batch', t.url);
    const req = request(url, { method: 'POST', headers: { authorization: `Bearer ${CHIYODA_KEY}`, 'content-type': 'text/csv' } });
    const started = performance.now();
    const responded = once(req, 'response');
    req.write(HEADER);
    for (let n = 0; n < FIRST_PART; n += 1) req.write(row(n));
    // A server that buffered the whole body would not answer before req.end(): this fails.
    const [res] = (await within(responded, 60_000)) as [IncomingMessage];
    const counted = tally(res);
    for (let n = FIRST_PART; n < RECORDS; n += 1) if (!req.write(row(n))) await once(req, 'drain');
    req.end();
    const { outcomes, summary } = await counted;
    const seconds = (performance.now() - started) / 1000;
    console.log(`municipal bridge: ${RECORDS} CSV records in ${seconds.toFixed(1)} s = ${Math.round(RECORDS / seconds)} records/s`);
    expect(res.statusCode).toBe(200);
    expect(outcomes.get('accepted')).toBe(RECORDS);
    expect(summary).toEqual({ summary: { records: RECORDS, accepted: RECORDS, duplicate: 0, rejected: 0, quarantined: 0, failed: 0, complete: true } });
  }, 1_800_000);
});
