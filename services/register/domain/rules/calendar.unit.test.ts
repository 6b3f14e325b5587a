import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  assertIsoDate,
  instantMillis,
  compareDates,
  dayAfter,
  dayBefore,
  daysBetween,
  daysInMonth,
  isBefore,
  isLeapYear,
  legalDateOf,
  maxDate,
  minDate,
  plusDays,
  weekdayOf,
} from './calendar.js';

describe('calendar (DT-1)', () => {
  it('takes the JST date of an instant: 2026-03-31T16:30Z is 1 April in Japan (DT-1, ICRRA Art. 1)', () => {
    expect(legalDateOf('2026-03-31T16:30Z')).toBe('2026-04-01');
    expect(legalDateOf('2026-03-31T14:59:59Z')).toBe('2026-03-31');
    expect(legalDateOf('2026-03-31T15:00:00Z')).toBe('2026-04-01');
    expect(legalDateOf('2026-03-31T23:30:00+09:00')).toBe('2026-03-31');
    expect(legalDateOf('2026-03-31T10:00:00-05:00')).toBe('2026-04-01');
  });

  it('refuses an instant without an explicit offset, whose legal date would be ambiguous (DT-1)', () => {
    expect(() => legalDateOf('2026-03-31T16:30:00')).toThrow(RangeError);
    expect(() => legalDateOf('2026-03-31')).toThrow(RangeError);
  });

  it('refuses strings that are not real calendar dates (DT-1 storage rule)', () => {
    expect(() => assertIsoDate('2026-02-29')).toThrow(RangeError);
    expect(() => assertIsoDate('2026-2-1')).toThrow(RangeError);
    expect(() => plusDays('2026-13-01', 1)).toThrow(RangeError);
    expect(assertIsoDate('2028-02-29')).toBe('2028-02-29');
  });

  it('reads an instant as luxon does, in the shape the register writes and any other (DT-8, property)', () => {
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    const instant = fc.tuple(
      fc.integer({ min: 1, max: 9999 }).map((y) => String(y).padStart(4, '0')), two(13), two(32), two(25), two(61), two(61),
      fc.constantFrom('', '.000', '.123', '.999', '.5', '.12345', ',123'), fc.constantFrom('Z', 'z', '+09:00', '-05:30', '+00:00', '-00:00', '+23:59', '+24:00', '+0900', '+09', ''),
    ).map(([y, mo, d, h, mi, s, frac, zone]) => `${y}-${mo}-${d}T${h}:${mi}:${s}${frac}${zone}`);
    const luxon = (s: string): number => DateTime.fromISO(s, { setZone: true }).toMillis();
    const same = (a: number, b: number): boolean => (Number.isNaN(a) && Number.isNaN(b)) || a === b;
    fc.assert(fc.property(instant, (s) => same(instantMillis(s), luxon(s))), { numRuns: 20_000 });
    for (const s of ['2026-11-20T15:00:00.000Z', '2024-02-29T23:59:59.999+09:00', '2026-02-29T00:00:00Z', '2026-03-31T16:30Z', 'not an instant'])
      expect(same(instantMillis(s), luxon(s)), s).toBe(true);
  });

  it('accepts exactly the real dates written YYYY-MM-DD, as the regular expression it replaced (DT-1, property)', () => {
    const shape = /^(\d{4})-(\d{2})-(\d{2})$/;
    const real = (s: string): boolean => {
      const [, y, m, d] = shape.exec(s) ?? [];
      if (y === undefined || Number(y) < 1) return false;
      return DateTime.fromObject({ year: Number(y), month: Number(m), day: Number(d) }, { zone: 'UTC' }).isValid;
    };
    const accepts = (s: string): boolean => { try { return assertIsoDate(s) === s; } catch { return false; } };
    const digits = fc.string({ unit: fc.constantFrom('0', '1', '2', '9', '-', '/', ' ', '٣', 'a'), minLength: 8, maxLength: 11 });
    const nearDates = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
      .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    fc.assert(fc.property(fc.oneof(digits, nearDates), (s) => accepts(s) === real(s)), { numRuns: 20_000 });
    for (const odd of ['2026-01-01\n', ' 2026-01-01', '2026-01-01T00:00Z', '+2026-01-01', '2026-1-01', '0000-01-01', '9999-12-31', '２０２６-01-01'])
      expect(accepts(odd), odd).toBe(real(odd));
  });

  it('adds and subtracts calendar days across month, year and leap-day boundaries (DT-2)', () => {
    expect(plusDays('2026-01-25', 14)).toBe('2026-02-08');
    expect(plusDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(dayAfter('2026-12-31')).toBe('2027-01-01');
    expect(dayBefore('2028-03-01')).toBe('2028-02-29');
    expect(daysBetween('2026-01-10', '2026-04-10')).toBe(90);
  });

  it('orders dates and picks the earlier or later one (DRP-1 min, APP-3 "whichever is earlier")', () => {
    expect(compareDates('2026-01-10', '2026-01-11')).toBe(-1);
    expect(compareDates('2026-01-10', '2026-01-10')).toBe(0);
    expect(isBefore('2027-01-10', '2027-06-01')).toBe(true);
    expect(minDate('2027-06-01', '2027-01-10')).toBe('2027-01-10');
    expect(maxDate('2027-06-01', '2027-01-10')).toBe('2027-06-01');
  });

  it('applies the Gregorian century rule: 2100 is not a leap year, 2000 is (DT-7)', () => {
    expect(isLeapYear(2028)).toBe(true);
    expect(isLeapYear(2100)).toBe(false);
    expect(isLeapYear(2000)).toBe(true);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2028, 2)).toBe(29);
  });

  it('gives ISO weekdays in JST: 2026-01-10 is a Saturday (DT-6)', () => {
    expect(weekdayOf('2026-01-10')).toBe(6);
    expect(weekdayOf('2026-02-09')).toBe(1);
  });
});

describe('day-number arithmetic agrees with an independent calendar (DT-1)', () => {
  it('moves dates and names weekdays as luxon does in UTC, for any date 1900–2200 and offset (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25_000, max: 85_000 }), fc.integer({ min: -4000, max: 4000 }), (start, offset) => {
        const base = DateTime.fromObject({ year: 1970, month: 1, day: 1 }, { zone: 'utc' }).plus({ days: start });
        const from = base.toISODate() ?? '';
        expect(plusDays(from, offset)).toBe(base.plus({ days: offset }).toISODate());
        expect(weekdayOf(from)).toBe(base.weekday);
        expect(daysBetween(from, plusDays(from, offset))).toBe(offset);
      }),
    );
  });
});
