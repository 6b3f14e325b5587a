import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_TOKENS, startEnrolledRegister, type FullRegister } from '../../testing/full-register.js';
import { PERSON } from '../../testing/events.js';
import { addressCommand, cardNumberOf, chiyodaRelay, residentIdOf } from '../../testing/workload.js';

/**
 * Issue 9.2: every external input of the running register, fuzzed. Whatever arrives: no crash, no
 * 5xx, a 4xx is problem details naming the field and the rule, and a refused request appends nothing.
 */

let register: FullRegister;
const RUNS = 60;

beforeAll(async () => {
  register = await startEnrolledRegister();
}, 60_000);
afterAll(async () => register.stop());

const head = async (): Promise<number> => ((await (await fetch(`${register.url}/healthz`)).json()) as { headPosition: number }).headPosition;

interface Answer { readonly status: number; readonly type: string; readonly text: string }
const post = async (url: string, token: string, body: string | Uint8Array, contentType = 'application/json', headers: Record<string, string> = {}): Promise<Answer> => {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': contentType, authorization: `Bearer ${token}`, ...headers }, body });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
};

/** A refusal as the README promises it: problem details with a code; a validation failure names each field and rule. */
const expectProblem = (answer: Answer): void => {
  expect(answer.status, answer.text).toBeLessThan(500);
  if (answer.status < 400) return;
  expect(answer.type, answer.text).toMatch(/^application\/problem\+json/);
  const problem = JSON.parse(answer.text) as { code?: string; errors?: { field?: string; rule?: string }[] };
  expect(typeof problem.code, answer.text).toBe('string');
  if (problem.code === 'VALIDATION_FAILED') {
    expect(problem.errors?.length ?? 0, answer.text).toBeGreaterThan(0);
    for (const error of problem.errors ?? []) expect([typeof error.field, typeof error.rule], answer.text).toEqual(['string', 'string']);
  }
};

/** What attackers and broken clients send in place of a value. */
const hostile = fc.oneof(
  fc.constantFrom("'; DROP TABLE events; --", '<script>alert(1)</script>', '{{7*7}}', '${process.exit(1)}', '__proto__', '\u0000', '\uFFFD\uD800', '../../etc/passwd', '%00', 'NaN'),
  fc.string({ maxLength: 20 }),
  fc.string({ minLength: 5_000, maxLength: 70_000 }).map((s) => s.padEnd(5_000, 'x')),
  fc.integer(), fc.double(), fc.boolean(), fc.constant(null),
  fc.array(fc.jsonValue(), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue(), { maxKeys: 4 }),
);

/** A valid body with one field replaced by something hostile, or removed, or an extra field added. */
const mutated = (valid: Record<string, unknown>) =>
  fc.tuple(fc.constantFrom(...Object.keys(valid), '__proto__', 'constructor', 'unknownField'), fc.option(hostile, { nil: undefined }))
    .map(([field, value]) => {
      const copy: Record<string, unknown> = { ...valid };
      if (value === undefined) delete copy[field];
      else Object.defineProperty(copy, field, { value, enumerable: true, configurable: true, writable: true });
      return JSON.stringify(copy);
    });

describe('fuzzing every external input (issue 9.2)', () => {
  it('command bodies: mutated, random JSON and random bytes never give a 5xx; a refusal names the field and appends nothing', async () => {
    const valid = addressCommand(1, 50);
    const body = fc.oneof(mutated(valid.body), fc.jsonValue().map((v) => JSON.stringify(v)), fc.string({ maxLength: 200 }), fc.uint8Array({ maxLength: 300 }));
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom(valid.path, `/residents/${residentIdOf(1)}/permit-landing`, '/residents/not-a-uuid/notify-residence-address'), async (payload, path) => {
        const before = await head();
        const answer = await post(`${register.url}${path}`, ROLE_TOKENS.officer, payload);
        expectProblem(answer);
        if (answer.status >= 400) expect(await head()).toBe(before);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('command headers: hostile Idempotency-Key, If-Match and X-Correlation-Id values are refused as 4xx naming the header', async () => {
    const valid = addressCommand(1, 51);
    const value = fc.oneof(fc.string({ maxLength: 300 }), fc.constantFrom('"abc"', '"-2"', 'W/"1"', '*', '"99999999999999999999"', 'x'.repeat(201)));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('idempotency-key', 'if-match', 'x-correlation-id'), value, async (header, raw) => {
        const printable = raw.replace(/[^\x20-\x7e]/g, '');
        const before = await head();
        const answer = await post(`${register.url}${valid.path}`, ROLE_TOKENS.officer, JSON.stringify(valid.body), 'application/json', { [header]: printable });
        expectProblem(answer);
        if (answer.status >= 400) expect(await head()).toBe(before);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('single relays: mutated and random JSON never give a 5xx; a refusal is problem details naming the field; nothing appended', async () => {
    const valid = chiyodaRelay(1, 90).body;
    const body = fc.oneof(mutated(valid), fc.jsonValue().map((v) => JSON.stringify(v)), fc.uint8Array({ maxLength: 300 }));
    await fc.assert(
      fc.asyncProperty(body, async (payload) => {
        const before = await head();
        const answer = await post(`${register.bridgeUrl}/relays`, ROLE_TOKENS.chiyoda, payload);
        expectProblem(answer);
        if (answer.status >= 400) expect(await head()).toBe(before);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('relay batches in NDJSON, JSON arrays and CSV: truncated, garbled, wrong encodings and huge records are answered record by record, never a 5xx', async () => {
    const good = JSON.stringify(chiyodaRelay(1, 91).body);
    const format = fc.constantFrom('application/x-ndjson', 'application/json', 'text/csv');
    const body = fc.oneof(
      fc.string({ maxLength: 400 }),
      fc.uint8Array({ maxLength: 400 }),
      fc.nat({ max: good.length * 2 }).map((cut) => `${good}\n${good}`.slice(0, cut)),
      fc.nat({ max: good.length * 2 }).map((cut) => `[${good},${good}]`.slice(0, cut)),
      fc.constant(`${good}\n${'x'.repeat(70_000)}\n${good}\n`),
      fc.constant(`[${good}, "${'y'.repeat(70_000)}", ${good}]`),
      fc.constant(`municipalityCode,receiptId,name\n131016,CSV-1,"${'z'.repeat(70_000)}"\n131016,CSV-2,"unclosed\n`),
      fc.constant(Buffer.from(`\uFEFF${good}\n`, 'utf16le')),
      fc.constant(Buffer.concat([Buffer.from(good.slice(0, 40)), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from(good.slice(40))])),
    );
    await fc.assert(
      fc.asyncProperty(format, body, async (contentType, payload) => {
        const before = await head();
        const answer = await post(`${register.bridgeUrl}/relays/batch`, ROLE_TOKENS.chiyoda, payload, contentType);
        expect(answer.status, answer.text).toBeLessThan(500);
        if (answer.status >= 400) {
          expectProblem(answer);
          expect(await head()).toBe(before);
          return;
        }
        const lines = answer.text.split('\n').filter((l) => l.length > 0).map((l) => JSON.parse(l) as Record<string, unknown>);
        const summary = lines.at(-1)?.['summary'] as { accepted?: number } | undefined;
        expect(summary, answer.text).toBeDefined();
        // Records refused (or duplicates of earlier ones) append nothing: the log grows only by what was accepted.
        if ((summary?.accepted ?? 0) === 0) expect(await head()).toBe(before);
        for (const line of lines.slice(0, -1))
          if (line['outcome'] === 'rejected') expect([typeof line['code'], Array.isArray(line['errors']) || typeof line['rule'] === 'string' || line['code'] !== 'VALIDATION_FAILED'], JSON.stringify(line)).toEqual(['string', true]);
      }),
      { numRuns: 40 },
    );
  }, 180_000);

  it('a single oversize record in a streamed batch is rejected on its own line; the records around it still go through', async () => {
    const [first, second] = [chiyodaRelay(1, 92).body, chiyodaRelay(1, 93).body];
    const res = await fetch(`${register.bridgeUrl}/relays/batch`, {
      method: 'POST', headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${ROLE_TOKENS.chiyoda}` },
      body: `${JSON.stringify(first)}\n${'{"a":"'.padEnd(80_000, 'q')}"}\n${JSON.stringify(second)}\n`,
    });
    const lines = (await res.text()).split('\n').filter((l) => l.length > 0).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect([res.status, lines.map((l) => l['outcome'] ?? 'summary')]).toEqual([200, ['accepted', 'rejected', 'accepted', 'summary']]);
    expect(lines[1]).toMatchObject({ code: 'MALFORMED_RECORD' });
  });

  it('GraphQL: random queries and variables never give a 5xx', async () => {
    const query = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.constantFrom('{ resident(id: "x") { id } }', '{ residents(first: -1) { totalCount } }', '{ residents(first: 99999999999) { totalCount } }',
        'query Q($d: Date) { statistics(asOf: $d, groupBy: STATUS_OF_RESIDENCE) { key } }', '{ cardValidity(number: "\'; DROP") { validity } }',
        '{ deadlines(dueBetween: { from: "2027-01-01", to: "2026-01-01" }) { totalCount } }', '{ history(residentId: null) { type } }', 'subscription { x }', 'mutation { x }'),
    );
    const variables = fc.oneof(fc.constant(undefined), fc.dictionary(fc.constantFrom('d', 'id', 'n'), hostile, { maxKeys: 3 }), fc.jsonValue());
    await fc.assert(
      fc.asyncProperty(query, variables, async (q, v) => {
        const answer = await post(`${register.url}/graphql`, ROLE_TOKENS.analyst, JSON.stringify({ query: q, variables: v }));
        expect(answer.status, answer.text).toBeLessThan(500);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('request bodies over the limits are refused 413 with problem details on every JSON endpoint', async () => {
    const big = JSON.stringify({ filler: 'x'.repeat(70 * 1024) });
    for (const [url, token] of [
      [`${register.url}/residents/${residentIdOf(1)}/notify-residence-address`, ROLE_TOKENS.officer],
      [`${register.bridgeUrl}/relays`, ROLE_TOKENS.chiyoda],
      [`${register.url}/graphql`, ROLE_TOKENS.analyst],
    ] as const) {
      const answer = await post(url, token, big);
      expect([url, answer.status]).toEqual([url, 413]);
      expect(answer.type).toMatch(/^application\/(problem\+)?json/);
    }
  });

  it('never writes a credential or personal data to the log, whatever it was sent', () => {
    const log = register.logLines.join('');
    expect(register.logLines.length).toBeGreaterThan(5);
    const personal = [PERSON.name, PERSON.dateOfBirth, cardNumberOf(1), 'Chiyoda, Chiyoda-ku', '100-0001'];
    expect([...Object.values(ROLE_TOKENS), ...personal].filter((secret) => log.includes(secret))).toEqual([]);
  });
});
