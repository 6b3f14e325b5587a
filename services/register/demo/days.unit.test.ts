import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstDayOfAge, sixteenthBirthday as domainSixteenth } from '../domain/rules/age.js';
import { isClosedDay as domainIsClosed } from '../domain/rules/closed-days.js';
import { periodEnd as domainPeriodEnd } from '../domain/rules/periods.js';
import { dayOf, firstDayAged, isClosedDay, isoOf, monthsOf, openDayFrom, periodEnd, sixteenthBirthday } from './days.js';

// The demo counts days with integers for speed; every function must agree with the domain's rules.
const anyDay = fc.integer({ min: dayOf('1940-01-01'), max: dayOf('2049-12-31') });

describe('demo day arithmetic agrees with the domain rules', () => {
  it('turns ISO dates into day numbers and back (DT-1)', () => {
    expect(dayOf('1970-01-01')).toBe(0);
    expect(isoOf(dayOf('2028-02-29'))).toBe('2028-02-29');
    fc.assert(fc.property(anyDay, (day) => {
      expect(dayOf(isoOf(day))).toBe(day);
    }));
  });

  it('ends periods of months like the Civil Code count (DT-3, DT-5, Civil Code Art. 143)', () => {
    expect(isoOf(periodEnd(dayOf('2026-01-10'), 12))).toBe('2027-01-10');
    expect(isoOf(periodEnd(dayOf('2027-02-28'), 12))).toBe('2028-02-29');
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 0, max: 96 }), fc.boolean(), (day, months, includeFirstDay) => {
        expect(isoOf(periodEnd(day, months, includeFirstDay))).toBe(domainPeriodEnd(isoOf(day), months, { includeFirstDay }));
      }),
    );
  });

  it('finds the 16th birthday and the first day of an age, 29 February included (DT-7, Art. 19-5(1)(ii))', () => {
    expect(isoOf(sixteenthBirthday(dayOf('2012-02-29')))).toBe('2028-02-29');
    expect(isoOf(sixteenthBirthday(dayOf('2084-02-29')))).toBe('2100-02-28');
    fc.assert(
      fc.property(anyDay, (born) => {
        expect(isoOf(sixteenthBirthday(born))).toBe(domainSixteenth(isoOf(born)));
        expect(isoOf(firstDayAged(born, 16))).toBe(firstDayOfAge(isoOf(born), 16));
      }),
    );
  });

  it('knows the closed days of DT-6 as the domain calendar does (Saturdays, Sundays, holidays, 29 Dec – 3 Jan)', () => {
    for (let day = dayOf('2023-01-01'); day <= dayOf('2027-12-31'); day += 1) expect(isClosedDay(day)).toBe(domainIsClosed(isoOf(day)));
    expect(isoOf(openDayFrom(dayOf('2026-05-02')))).toBe('2026-05-07');
  });

  it('reads periods of stay in years and months and refuses other shapes', () => {
    expect(monthsOf('P1Y3M')).toBe(15);
    expect(monthsOf('P6M')).toBe(6);
    expect(() => monthsOf('P30D')).toThrow(RangeError);
  });
});
