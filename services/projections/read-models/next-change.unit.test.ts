import { describe, expect, it } from 'vitest';
import { landingPermitted, residenceCardIssued, residentRecordEntered } from '../../../testing/events.js';
import { history } from '../../../testing/facts.js';
import type { Fact } from '../../register/domain/facts.js';
import { dayBefore, plusDays } from '../../register/domain/rules/calendar.js';
import { statusAt } from '../../register/domain/status.js';
import type { ResidentStatus } from '../../register/domain/status-types.js';
import { realisticHistories } from '../testing/histories.js';
import { nextChangeOn } from './next-change.js';

const factsOf = (steps: readonly { event: Fact['event']; recordedAt: string }[]): Fact[] =>
  steps.map((step, revision) => ({ event: step.event, recordedAt: step.recordedAt, revision }));

/** The status without its as-of date: what must stay the same until `nextChangeOn`. */
const content = (status: ResidentStatus): Omit<ResidentStatus, 'asOf'> => {
  const { asOf: _asOf, ...rest } = status;
  return rest;
};

const TODAYS = Array.from({ length: 40 }, (_, i) => plusDays('2025-03-20', i * 23));

describe('nextChangeOn: the earliest day the status can change without an event', () => {
  it('is the day after the effective 19-7 deadline while the duty is open (Art. 19-7(1), DT-6)', () => {
    const facts = history(
      landingPermitted({ permittedOn: '2026-01-10' }),
      residenceCardIssued({ issuedOn: '2026-01-10' }),
      // a resident-record entry starts the 19-7 clock on the settling day without meeting the duty
      residentRecordEntered({ residenceEstablishedOn: '2026-01-25', enteredOn: '2026-01-26' }),
    );
    const status = statusAt(facts, { asOf: '2026-02-01' });
    const duty = status.obligations.find((o) => o.duty === '19-7');
    expect(duty).toMatchObject({ state: 'open', deadline: { effective: '2026-02-09' } });
    expect(nextChangeOn(status, facts, '2026-02-01')).toBe('2026-02-10');
  });

  it('is null when nothing is pending for a person whose stay ended long ago', () => {
    const facts = history(landingPermitted({ permittedOn: '2020-01-10', grant: { expiresOn: '2021-01-10' } }));
    expect(nextChangeOn(statusAt(facts, { asOf: '2026-01-01' }), facts, '2026-01-01')).toBeNull();
  });

  it.each([...realisticHistories()].map(([residentId, steps]) => [residentId, steps] as const))(
    'resident %s: the status on the day before nextChangeOn equals the status today, at every sampled today',
    (_residentId, steps) => {
      const facts = factsOf(steps);
      let checked = 0;
      for (const today of TODAYS) {
        const now = statusAt(facts, { asOf: today });
        const next = nextChangeOn(now, facts, today);
        const lastQuiet = next === null ? plusDays(today, 400) : dayBefore(next);
        if (lastQuiet <= today) continue;
        expect(content(statusAt(facts, { asOf: lastQuiet })), `${today} → ${next ?? 'never'}`).toEqual(content(now));
        checked += 1;
      }
      expect(checked).toBeGreaterThan(10);
    },
  );
});
