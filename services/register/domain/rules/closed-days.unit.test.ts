import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  HOLIDAY_DATA_COVERAGE,
  isClosedDay,
  isNationalHoliday,
  isYearEndClosure,
  nationalAdministrativeCalendar,
  rollForward,
  withAdditionalClosedDays,
} from './closed-days.js';
import { arbIsoDate } from './testing/brute-calendar.js';

describe('DT-6 administrative closed days (Act on Holidays of Administrative Organs Art. 1)', () => {
  it('closes Saturdays, Sundays, national holidays and 29 Dec – 3 Jan, and nothing else (DT-6, Art. 1(1))', () => {
    expect(isClosedDay('2026-01-10')).toBe(true); // Saturday
    expect(isClosedDay('2026-02-08')).toBe(true); // Sunday
    expect(isClosedDay('2026-05-05')).toBe(true); // Children's Day
    expect(isClosedDay('2026-05-06')).toBe(true); // substitute holiday
    expect(isClosedDay('2026-09-22')).toBe(true); // citizens' holiday between two holidays
    expect(isClosedDay('2026-12-29')).toBe(true); // year-end, a Tuesday
    expect(isClosedDay('2027-01-01')).toBe(true);
    expect(isClosedDay('2027-01-04')).toBe(false); // Monday after the closure
    expect(isClosedDay('2026-02-09')).toBe(false);
  });

  it('reads national holidays from the data package, including the equinoxes (DT-6, Act on National Holidays)', () => {
    expect(isNationalHoliday('2026-03-20')).toBe(true);
    expect(isNationalHoliday('2026-09-23')).toBe(true);
    expect(isNationalHoliday('2027-03-22')).toBe(true); // substitute for Sunday 21 March
    expect(isNationalHoliday('2026-12-29')).toBe(false); // closure day, not a national holiday
    expect(isYearEndClosure('2026-12-29')).toBe(true);
    expect(isYearEndClosure('2027-01-04')).toBe(false);
  });

  it('covers the years 1970–2050 of @holiday-jp/holiday_jp 2.5.1 and says so for dates outside (DT-6)', () => {
    expect(HOLIDAY_DATA_COVERAGE).toEqual({ firstYear: 1970, lastYear: 2050 });
    expect(nationalAdministrativeCalendar.covers('2050-12-31')).toBe(true);
    expect(nationalAdministrativeCalendar.covers('2051-01-05')).toBe(false);
    // Outside coverage only weekends and the year-end closure are known: 2051-01-01 (Sunday) and 2051-01-02 still close.
    expect(isClosedDay('2051-01-02')).toBe(true);
  });

  it('rolls a Sunday deadline to Monday: S01 19-7 2026-02-08 → 2026-02-09 (DT-6, Art. 2)', () => {
    expect(rollForward('2026-02-08')).toBe('2026-02-09');
  });

  it('rolls through Golden Week: 2026-05-05 → 2026-05-07 (S27, DT-6 Art. 2)', () => {
    expect(rollForward('2026-05-05')).toBe('2026-05-07');
  });

  it('rolls through Silver Week: 2026-09-22 → 2026-09-24 (S57, DT-6 Art. 2)', () => {
    expect(rollForward('2026-09-22')).toBe('2026-09-24');
  });

  it('rolls over the New Year closure: 2027-01-03 → 2027-01-04 (S53, DT-6 Art. 1(1)(iii))', () => {
    expect(rollForward('2027-01-03')).toBe('2027-01-04');
    expect(rollForward('2026-12-29')).toBe('2027-01-04');
  });

  it('does not move an open day (DT-6, Art. 2)', () => {
    expect(rollForward('2026-07-15')).toBe('2026-07-15');
  });

  it('adds days closed by municipal ordinance on top of the national calendar (DT-6, Local Autonomy Act Art. 4-2)', () => {
    const municipal = withAdditionalClosedDays(nationalAdministrativeCalendar, ['2026-02-09']);
    expect(isClosedDay('2026-02-09', municipal)).toBe(true);
    expect(rollForward('2026-02-08', municipal)).toBe('2026-02-10');
    expect(rollForward('2026-02-08')).toBe('2026-02-09');
  });

  it('never lands on a closed day and never moves an open day (DT-6 property)', () => {
    fc.assert(
      fc.property(arbIsoDate(1971, 2049), (d) => {
        const rolled = rollForward(d);
        expect(isClosedDay(rolled)).toBe(false);
        expect(rolled >= d).toBe(true);
        if (!isClosedDay(d)) expect(rolled).toBe(d);
      }),
      { numRuns: 500 },
    );
  });
});
