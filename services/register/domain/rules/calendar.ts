import { DateTime } from 'luxon';
import type { IsoDate } from '../../../../events/values.js';

/**
 * Date-only arithmetic over ISO date strings (rules.md DT-1). Every legal date is a JST calendar
 * date; luxon is used in zone Asia/Tokyo (no daylight saving) and never leaks out of this file.
 */
export const LEGAL_ZONE = 'Asia/Tokyo';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const EXPLICIT_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/i;

const toDateTime = (date: IsoDate): DateTime => {
  const parsed = ISO_DATE.test(date) ? DateTime.fromISO(date, { zone: LEGAL_ZONE }) : null;
  if (parsed === null || !parsed.isValid) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${date}`);
  return parsed;
};

const toIsoDate = (dateTime: DateTime): IsoDate => {
  const iso = dateTime.isValid && dateTime.year >= 1 && dateTime.year <= 9999 ? dateTime.toISODate() : null;
  if (iso === null) throw new RangeError('date arithmetic left the years 0001–9999');
  return iso;
};

/** Throws a RangeError unless `date` is a real calendar date written YYYY-MM-DD (DT-1 storage rule). */
export const assertIsoDate = (date: IsoDate): IsoDate => toIsoDate(toDateTime(date));

/** DT-1: the JST calendar date of an instant carrying an explicit offset (2026-03-31T16:30Z → 2026-04-01). */
export const legalDateOf = (instant: string): IsoDate => {
  if (!EXPLICIT_OFFSET.test(instant)) throw new RangeError(`instant needs an explicit offset (Z or ±hh:mm): ${instant}`);
  const parsed = DateTime.fromISO(instant, { zone: LEGAL_ZONE });
  if (!parsed.isValid) throw new RangeError(`not an ISO instant: ${instant}`);
  return toIsoDate(parsed);
};

/** Calendar arithmetic: `date` moved by `days` (negative moves back); DT-2 builds on it. */
export const plusDays = (date: IsoDate, days: number): IsoDate => toIsoDate(toDateTime(date).plus({ days }));

/** The next calendar day (DT-2: the first day counted when the initial day is excluded). */
export const dayAfter = (date: IsoDate): IsoDate => plusDays(date, 1);

/** The previous calendar day (DT-3: a period ends on the day before the corresponding day). */
export const dayBefore = (date: IsoDate): IsoDate => plusDays(date, -1);

/** DT-2: whole days from `from` to `to` (positive when `to` is later). */
export const daysBetween = (from: IsoDate, to: IsoDate): number =>
  Math.round(toDateTime(to).diff(toDateTime(from), 'days').days);

/** DT-1: -1, 0 or 1 as `a` is before, equal to or after `b` (validated ISO dates sort as strings). */
export const compareDates = (a: IsoDate, b: IsoDate): -1 | 0 | 1 => {
  const left = assertIsoDate(a);
  const right = assertIsoDate(b);
  return left < right ? -1 : left > right ? 1 : 0;
};

/** DT-8: `a` strictly before `b` (e.g. "under 16" ⇔ date before the first day aged 16, DT-7). */
export const isBefore = (a: IsoDate, b: IsoDate): boolean => compareDates(a, b) < 0;
/** DT-8: `a` strictly after `b`. */
export const isAfter = (a: IsoDate, b: IsoDate): boolean => compareDates(a, b) > 0;
/** DT-8: `a` on or before `b` (a filing on the last day of a period is in time, Civil Code Art. 141). */
export const isOnOrBefore = (a: IsoDate, b: IsoDate): boolean => compareDates(a, b) <= 0;
/** DT-8: `a` on or after `b`. */
export const isOnOrAfter = (a: IsoDate, b: IsoDate): boolean => compareDates(a, b) >= 0;

/** The earlier of two dates (e.g. DRP-1, APP-3 "whichever comes first"). */
export const minDate = (a: IsoDate, b: IsoDate): IsoDate => (isOnOrBefore(a, b) ? a : b);

/** The later of two dates. */
export const maxDate = (a: IsoDate, b: IsoDate): IsoDate => (isOnOrAfter(a, b) ? a : b);

/** Gregorian leap year (DT-7: 2100 is not a leap year, so never `year % 4` alone). */
export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** DT-3: number of days in a month (month 1–12), Gregorian (Civil Code Art. 143(2) proviso needs it). */
export const daysInMonth = (year: number, month: number): number => {
  const days = DateTime.fromObject({ year, month, day: 1 }, { zone: LEGAL_ZONE }).daysInMonth;
  if (days === undefined) throw new RangeError(`no such month: ${year}-${month}`);
  return days;
};

/** DT-3: year, month (1–12) and day-number of a date (the "corresponding day" of Civil Code Art. 143). */
export const partsOf = (date: IsoDate): { year: number; month: number; day: number } => {
  const { year, month, day } = toDateTime(date);
  return { year, month, day };
};

/** DT-3: builds an ISO date from parts; throws when the day does not exist in that month. */
export const dateOf = (year: number, month: number, day: number): IsoDate =>
  toIsoDate(DateTime.fromObject({ year, month, day }, { zone: LEGAL_ZONE }));

/** ISO weekday: 1 = Monday … 7 = Sunday (DT-6 closed days). */
export const weekdayOf = (date: IsoDate): number => toDateTime(date).weekday;
