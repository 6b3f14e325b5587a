import holidays from '@holiday-jp/holiday_jp/lib/holidays.js';
import type { IsoDate } from '../../../events/values.js';
import { daysInMonth, dayNumber, fromDayNumber, isLeapYear, partsOf, toDayNumber } from '../domain/rules/calendar.js';

/**
 * Legal dates as whole days since 1970-01-01 (DT-1: JST calendar dates, no time of day). The demo
 * computes millions of dates, so it counts with the domain calendar's integer day numbers;
 * days.unit.test.ts checks every function against the domain's own rules.
 */
export type Day = number;

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1–12). */
export const dayFromParts = (year: number, month: number, day: number): Day => dayNumber(year, month, day);

export const partsOfDay = (day: Day): { year: number; month: number; day: number } => partsOf(fromDayNumber(day));

export const dayOf = (iso: IsoDate): Day => toDayNumber(iso);

export const isoOf = (day: Day): IsoDate => fromDayNumber(day);

/**
 * DT-3: the last day of a period of `months` calendar months from day X (Civil Code Arts. 140, 143):
 * the first day is excluded unless the period starts at 00:00 (DT-5, `includeFirstDay`).
 */
export const periodEnd = (x: Day, months: number, includeFirstDay = false): Day => {
  const start = partsOfDay(includeFirstDay ? x : x + 1);
  const index = start.year * 12 + (start.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = daysInMonth(year, month);
  if (start.day > last) return dayFromParts(year, month, last);
  return dayFromParts(year, month, start.day) - 1;
};

/** Months of an ISO 8601 period of stay written in years and months (P1Y, P6M, P1Y3M). */
export const monthsOf = (period: string): number => {
  const match = /^P(?:(\d+)Y)?(?:(\d+)M)?$/.exec(period);
  if (match === null) throw new RangeError(`not a period in years and months: ${period}`);
  return Number(match[1] ?? '0') * 12 + Number(match[2] ?? '0');
};

/** DT-7, Art. 19-5(1)(ii): the 16th birthday, 29 February deemed 28 February in a common year. */
export const sixteenthBirthday = (dateOfBirth: Day): Day => {
  const { year, month, day } = partsOfDay(dateOfBirth);
  const deemed = month === 2 && day === 29 && !isLeapYear(year + 16);
  return dayFromParts(year + 16, month, deemed ? 28 : day);
};

/** DT-7: the first day on which the person is `years` old (age counts the day of birth). */
export const firstDayAged = (dateOfBirth: Day, years: number): Day => periodEnd(dateOfBirth, years * 12, true) + 1;

/** ISO weekday, 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export const weekdayOf = (day: Day): number => (((day + 3) % 7) + 7) % 7 + 1;

const NATIONAL_HOLIDAYS: ReadonlySet<string> = new Set(Object.keys(holidays));

/** DT-6: Saturdays, Sundays, national holidays and 29 December – 3 January are closed days. */
export const isClosedDay = (day: Day): boolean => {
  if (weekdayOf(day) >= 6) return true;
  const { month, day: d } = partsOfDay(day);
  if ((month === 12 && d >= 29) || (month === 1 && d <= 3)) return true;
  return NATIONAL_HOLIDAYS.has(isoOf(day));
};

/** DT-6: the day itself if offices are open, else the next open day. */
export const openDayFrom = (day: Day): Day => {
  let d = day;
  while (isClosedDay(d)) d += 1;
  return d;
};
