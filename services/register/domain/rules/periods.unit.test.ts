import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthsBefore, periodEnd, periodEndFromStartOfDay, periodEndInYears, withinDaysFrom } from './periods.js';
import { arbIsoDate, bruteAddDays, brutePeriodEnd } from './testing/brute-calendar.js';

describe('DT-2 "within N days from day X" (Civil Code Arts. 140, 141)', () => {
  it('excludes the initial day: moved in 2026-01-25, 14 days → last day 2026-02-08 (DT-2, Civil Code Art. 140)', () => {
    expect(withinDaysFrom('2026-01-25', 14)).toBe('2026-02-08');
  });

  it('equals a day-by-day count of N days after X (DT-2, Civil Code Art. 140)', () => {
    fc.assert(
      fc.property(arbIsoDate(), fc.integer({ min: 0, max: 400 }), (x, n) => {
        expect(withinDaysFrom(x, n)).toBe(bruteAddDays(x, n));
      }),
    );
  });

  it('rejects a negative or fractional number of days (DT-2)', () => {
    expect(() => withinDaysFrom('2026-01-25', -1)).toThrow(RangeError);
    expect(() => withinDaysFrom('2026-01-25', 1.5)).toThrow(RangeError);
  });
});

describe('DT-3 calendar periods (Civil Code Art. 143)', () => {
  it('ends a 2-month period begun on 30 June on 31 August, not 30 August (DT-3, Civil Code Art. 143)', () => {
    expect(periodEnd('2026-06-30', 2)).toBe('2026-08-31');
  });

  it('ends a 1-year period from 28 Feb 2027 on 29 Feb 2028, not 28 Feb (DT-3, Civil Code Art. 143)', () => {
    expect(periodEnd('2027-02-28', 12)).toBe('2028-02-29');
    expect(periodEndInYears('2027-02-28', 1)).toBe('2028-02-29');
  });

  it('ends 2 months from 31 March on 31 May and from 3 May on 3 July (DT-3, Civil Code Art. 143)', () => {
    expect(periodEnd('2026-03-31', 2)).toBe('2026-05-31');
    expect(periodEnd('2026-05-03', 2)).toBe('2026-07-03');
  });

  it('ends on the last day of the month when the corresponding day does not exist (DT-3, Civil Code Art. 143(2) proviso)', () => {
    // X = 30 Dec → first day 31 Dec → "31 February" does not exist → end of February.
    expect(periodEnd('2026-12-30', 2)).toBe('2027-02-28');
    expect(periodEnd('2027-12-30', 2)).toBe('2028-02-29');
  });

  it('counts the first day when asked: 3 years from 2012-07-09 end on 2015-07-08 (DT-4 precedent, DT-5)', () => {
    expect(periodEnd('2012-07-09', 36, { includeFirstDay: true })).toBe('2015-07-08');
    expect(periodEndFromStartOfDay('2026-03-02', 84)).toBe('2033-03-01');
  });

  it('matches a day-by-day count of calendar months, first day excluded (DT-3, Civil Code Arts. 140, 143)', () => {
    fc.assert(
      fc.property(arbIsoDate(), fc.integer({ min: 1, max: 30 }), (x, months) => {
        expect(periodEnd(x, months)).toBe(brutePeriodEnd(x, months, false));
      }),
    );
  });

  it('matches a day-by-day count of calendar months, first day included (DT-5, Civil Code Art. 140 proviso)', () => {
    fc.assert(
      fc.property(arbIsoDate(), fc.integer({ min: 1, max: 30 }), (x, months) => {
        expect(periodEnd(x, months, { includeFirstDay: true })).toBe(brutePeriodEnd(x, months, true));
      }),
    );
  });

  it('rejects a negative number of months (DT-3)', () => {
    expect(() => periodEnd('2026-06-30', -2)).toThrow(RangeError);
  });
});

describe('NOTIF-5 "N months before E" (Art. 19-11(1), reading #12)', () => {
  it('keeps the day-number: 6 months before 2031-08-20 is 2031-02-20 (S09, Art. 19-11(1))', () => {
    expect(monthsBefore('2031-08-20', 6)).toBe('2031-02-20');
  });

  it('keeps 29 when the earlier month has it: 6 months before 2028-02-29 is 2027-08-29 (S13, Art. 19-11(1))', () => {
    expect(monthsBefore('2028-02-29', 6)).toBe('2027-08-29');
  });

  it('clamps to the month end when the day does not exist: 2 months before 30 April is 28 February (reading #12)', () => {
    expect(monthsBefore('2026-04-30', 2)).toBe('2026-02-28');
    expect(monthsBefore('2028-08-31', 6)).toBe('2028-02-29');
    expect(monthsBefore('2027-01-31', 2)).toBe('2026-11-30');
  });
});
