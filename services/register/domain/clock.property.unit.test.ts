import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toStoredEvent } from '../../../events/parse.js';
import {
  affiliationNotified, landingPermitted, residenceAddressNotified, residenceCardIssued, residenceCardReportedLost, residentRecordEntered,
} from '../../../testing/events.js';
import { history } from '../../../testing/facts.js';
import { followedBy } from '../../../testing/clock.js';
import { s28MovedOutWithoutNewResidence } from '../../../testing/scenario-fixtures.js';
import { plusDays } from './rules/calendar.js';
import { clockEvents } from './clock.js';
import type { Fact } from './facts.js';

// Architecture decision 7 over any cadence of ticks: every event the clock builds is valid, and a tick
// repeated at the last date appends nothing.

const HISTORIES: readonly (readonly [string, () => Fact[]])[] = [
  ['S01, never files, loses the card, contract ends', () => history(
    landingPermitted(), residenceCardIssued(),
    residentRecordEntered({ residenceEstablishedOn: '2026-01-25', enteredOn: '2026-01-26' }),
    residenceCardReportedLost({ learnedOn: '2026-05-10', reportedOn: '2026-05-12' }),
    affiliationNotified({ occurredOn: '2026-05-31', notifiedOn: '2026-07-10' }),
  )],
  ['S01, timely', () => history(landingPermitted(), residenceCardIssued(), residenceAddressNotified())],
  ['S29', () => history(...s28MovedOutWithoutNewResidence())],
];

const stored = { recordedAt: '2026-01-01T00:00:00Z', correlationId: 'tick', causationId: 'tick', source: { kind: 'system', component: 'clock' } } as const;

/** Increasing as-of dates between 2026-01-10 and early 2027-04: offsets in days, sorted and distinct. */
const arbTickDays = fc.uniqueArray(fc.integer({ min: 0, max: 450 }), { minLength: 1, maxLength: 8 }).map((days) => [...days].sort((a, b) => a - b));

describe('the clock over any cadence of ticks (decision 7)', () => {
  it.each(HISTORIES)('%s: every event passes the catalogue, and a repeated last tick appends nothing', (_, facts) => {
    fc.assert(
      fc.property(arbTickDays, (days) => {
        let log = facts();
        for (const day of days) {
          const asOf = plusDays('2026-01-10', day);
          const events = clockEvents(log, asOf);
          events.forEach((event) => toStoredEvent(event, stored));
          log = followedBy(log, ...events.map((event) => ({ event, recordedAt: `${asOf}T00:00:01+09:00` })));
        }
        const last = plusDays('2026-01-10', days.at(-1) ?? 0);
        expect(clockEvents(log, last)).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });
});
