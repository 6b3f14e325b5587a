import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Instant, IsoDate } from '../../../events/values.js';
import { factsOfCommands } from '../demo/facts-of.js';
import { generatePopulation } from '../demo/population.js';
import { plannedClockEvents } from './clock.js';
import type { Fact } from './facts.js';
import { legalDateOf, plusDays } from './rules/calendar.js';
import { statusAt, type StatusQuery } from './status.js';

/**
 * REG-2 regression oracle: `statusAt`'s answers (a SHA-1 of their JSON, key order included, as the
 * read models store it) for generated residents at many dates and knowledge times, recorded from the
 * code before the status function was optimised. The facts are stored with the answers, so a change
 * of the demo generator or of `decide` does not move this test. Re-record only for an intended change
 * of an answer: `RECORD_STATUS_GOLDEN=1 npx vitest run services/register/domain/status-golden.unit.test.ts`.
 */
const FIXTURE = new URL('./testing/status-golden.json.gz', import.meta.url);

interface Case { readonly asOf: IsoDate; readonly knownAt?: Instant; readonly hash: string }
interface Golden { readonly residents: readonly { readonly facts: readonly Fact[]; readonly cases: readonly Case[] }[] }

const FIXED_DATES: readonly IsoDate[] = ['2023-06-30', '2024-01-01', '2024-09-15', '2025-04-01', '2025-12-31', '2026-07-10', '2026-11-20', '2027-08-01', '2030-01-01'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;


/** The fixed dates, every legal date in the facts and the day after it (where deadlines and grounds turn). */
const datesOf = (facts: readonly Fact[]): IsoDate[] => {
  const dates = new Set<IsoDate>(FIXED_DATES);
  for (const { event } of facts)
    for (const value of Object.values(event.data))
      if (typeof value === 'string' && ISO_DATE.test(value)) dates.add(value).add(plusDays(value, 1)).add(plusDays(value, 90)).add(plusDays(value, 91));
  return [...dates].sort();
};

/** DT-8: each fact's recording instant as a knowledge time, asked on its legal date and a year later. */
const bitemporalQueries = (facts: readonly Fact[]): StatusQuery[] =>
  facts.filter((_, i) => i % 3 === 1).flatMap(({ recordedAt }) => {
    const on = legalDateOf(recordedAt);
    return [{ asOf: on, knownAt: recordedAt }, { asOf: plusDays(on, 365), knownAt: recordedAt }];
  });

const queriesOf = (facts: readonly Fact[]): StatusQuery[] => [...datesOf(facts).map((asOf) => ({ asOf })), ...bitemporalQueries(facts)];

const hashOf = (facts: readonly Fact[], query: StatusQuery): string =>
  createHash('sha1').update(JSON.stringify(statusAt(facts, query))).digest('base64');

/** Decision 7: the clock's events as the daily tick would append them at 00:00 JST after `asOf`. */
const withClockEvents = (facts: readonly Fact[], asOf: IsoDate, recordedAt: Instant): Fact[] => [
  ...facts,
  ...plannedClockEvents(facts, asOf).map(({ event }, i): Fact => ({ event, recordedAt, revision: facts.length + i })),
];

/**
 * The first 400 residents and, from 4,000, up to four with each command type that fewer than one in
 * twenty of them has (births, deaths, lost cards…); every other one with the clock's events of two ticks.
 */
const sample = (): Fact[][] => {
  const pool = [...generatePopulation({ residents: 4000, seed: 'status-golden' })];
  const chosen = new Set(pool.slice(0, 400));
  const typesOf = (r: (typeof pool)[number]): Set<string> => new Set(r.commands.map((c) => c.command.type));
  const counts = new Map<string, number>();
  for (const r of chosen) for (const type of typesOf(r)) counts.set(type, (counts.get(type) ?? 0) + 1);
  const allTypes = new Set(pool.flatMap((r) => [...typesOf(r)]));
  for (const type of allTypes)
    if ((counts.get(type) ?? 0) < 20) pool.filter((r) => typesOf(r).has(type)).slice(0, 4).forEach((r) => chosen.add(r));
  return [...chosen].map((r, i) => {
    const facts = factsOfCommands(r.commands);
    if (i % 2 === 0) return facts;
    const ticked = withClockEvents(facts, '2025-06-30', '2025-06-30T15:00:00.000Z');
    return withClockEvents(ticked, '2026-11-20', '2026-11-20T15:00:00.000Z');
  });
};

const record = (): Golden => {
  const residents = sample();
  return {
    residents: residents.map((facts) => ({
      facts, cases: queriesOf(facts).map((q) => ({ ...q, hash: hashOf(facts, q) })),
    })),
  };
};

if (process.env.RECORD_STATUS_GOLDEN === '1') writeFileSync(FIXTURE, gzipSync(JSON.stringify(record())));

describe('the status function gives the recorded answers (REG-2, DT-8)', () => {
  it('answers as recorded for 400+ generated residents (the rare episodes included, half with the clock\'s events) at every legal date of their facts, +1, +90, +91 days, and at past knowledge times', () => {
    const golden = JSON.parse(gunzipSync(readFileSync(FIXTURE)).toString('utf8')) as Golden;
    let compared = 0;
    const differing: string[] = [];
    for (const [i, { facts, cases }] of golden.residents.entries())
      for (const { hash, ...query } of cases) {
        compared += 1;
        if (hashOf(facts, query) !== hash) differing.push(`resident ${i} ${JSON.stringify(query)}`);
      }
    expect(differing.slice(0, 20)).toEqual([]);
    expect(compared).toBeGreaterThan(10_000);
  }, 300_000);
});
