import { DateTime } from 'luxon';
import type { IsoDate } from '../../../../events/values.js';

/**
 * Date-only arithmetic over ISO date strings (rules.md DT-1). Every legal date is a JST calendar
 * date; luxon (zone Asia/Tokyo) only converts instants to dates and never leaks out of this file.
 */
export const LEGAL_ZONE = 'Asia/Tokyo';

const EXPLICIT_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/** Gregorian leap year (DT-7: 2100 is not a leap year, so never `year % 4` alone). */
export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** DT-3: number of days in a month (month 1–12), Gregorian (Civil Code Art. 143(2) proviso needs it). */
export const daysInMonth = (year: number, month: number): number => {
  const days = MONTH_DAYS[month - 1];
  if (days === undefined || !Number.isInteger(year)) throw new RangeError(`no such month: ${year}-${month}`);
  return month === 2 && isLeapYear(year) ? 29 : days;
};

/*
 * A plain date has no time zone: calendar arithmetic is done on day numbers (days since 1970-01-01,
 * proleptic Gregorian, H. Hinnant's civil-from-days algorithms), exact and fast. Only turning an
 * instant into its JST date needs the zone (legalDateOf).
 */
/** Days since 1970-01-01 of a proleptic Gregorian date (month 1–12); no validation. */
export const dayNumber = (year: number, month: number, day: number): number => {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
};

/*
 * The status function moves the same few thousand dates back and forth millions of times (deadlines,
 * periods, the day after an expiry): both directions are remembered, up to a bound so a long-running
 * process does not grow without limit. Only valid results are kept; an invalid date still throws.
 */
const MEMO_LIMIT = 50_000;
const dayNumbers = new Map<string, number>();
const isoDates = new Map<number, IsoDate>();

/** Keeps `value` in `memo`, emptied first once it holds `limit` entries (the date memos of the rules share this bound policy). */
export const rememberBounded = <K, V>(memo: Map<K, V>, limit: number, key: K, value: V): V => {
  if (memo.size >= limit) memo.clear();
  memo.set(key, value);
  return value;
};

const isoDateOf = (n: number): IsoDate => {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const month = mp + (mp < 10 ? 3 : -9);
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 1 || year > 9999) throw new RangeError('date arithmetic left the years 0001–9999');
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

/** The ISO date of a day number (inverse of `dayNumber`). */
export const fromDayNumber = (n: number): IsoDate => isoDates.get(n) ?? rememberBounded(isoDates, MEMO_LIMIT, n, isoDateOf(n));

/** The value of the ASCII digit at `i`, NaN for any other character. */
const digitAt = (date: string, i: number): number => {
  const d = date.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : NaN;
};

// YYYY-MM-DD checked character by character, not by a regular expression: the status function reads dates millions of times.
const parse = (date: IsoDate): { year: number; month: number; day: number } => {
  if (typeof date === 'string' && date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) {
    const year = digitAt(date, 0) * 1000 + digitAt(date, 1) * 100 + digitAt(date, 2) * 10 + digitAt(date, 3);
    const month = digitAt(date, 5) * 10 + digitAt(date, 6);
    const day = digitAt(date, 8) * 10 + digitAt(date, 9);
    if (year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) return { year, month, day };
  }
  throw new RangeError(`not a calendar date (YYYY-MM-DD): ${String(date)}`);
};

/** The day number of a validated ISO date. */
export const toDayNumber = (date: IsoDate): number => {
  const known = dayNumbers.get(date);
  if (known !== undefined) return known;
  const { year, month, day } = parse(date);
  return rememberBounded(dayNumbers, MEMO_LIMIT, date, dayNumber(year, month, day));
};

/** Throws a RangeError unless `date` is a real calendar date written YYYY-MM-DD (DT-1 storage rule). */
export const assertIsoDate = (date: IsoDate): IsoDate => {
  toDayNumber(date);
  return date;
};

/** DT-1: the JST calendar date of an instant carrying an explicit offset (2026-03-31T16:30Z → 2026-04-01). */
export const legalDateOf = (instant: string): IsoDate => {
  if (!EXPLICIT_OFFSET.test(instant)) throw new RangeError(`instant needs an explicit offset (Z or ±hh:mm): ${instant}`);
  const parsed = DateTime.fromISO(instant, { zone: LEGAL_ZONE });
  const date = parsed.isValid ? parsed.toISODate() : null;
  if (date === null) throw new RangeError(`not an ISO instant: ${instant}`);
  return assertIsoDate(date);
};

const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{3}))?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

/**
 * DT-8: the epoch milliseconds of an instant with an explicit offset, as luxon reads it (NaN when it
 * does not). The shape the register writes (`2026-11-20T15:00:00.000Z`, `…+09:00`) is read by
 * arithmetic — knowledge times are compared for every fact of every bitemporal query — and anything
 * else by luxon.
 */
export const instantMillis = (instant: string): number => {
  const [, date, h, min, sec, ms, zulu, sign, offH, offMin] = INSTANT.exec(instant) ?? [];
  const hours = Number(h);
  const minutes = Number(min);
  const seconds = Number(sec);
  const offset = zulu === undefined ? (sign === '-' ? -1 : 1) * (Number(offH) * 60 + Number(offMin)) : 0;
  if (date === undefined || !isCalendarDate(date) || hours > 23 || minutes > 59 || seconds > 59 || Number(offH) > 23 || Number(offMin) > 59)
    return DateTime.fromISO(instant, { setZone: true }).toMillis();
  return toDayNumber(date) * 86_400_000 + ((hours * 60 + minutes - offset) * 60 + seconds) * 1000 + Number(ms ?? 0);
};

const isCalendarDate = (date: string): boolean => {
  try {
    return assertIsoDate(date) === date;
  } catch {
    return false;
  }
};

/** Calendar arithmetic: `date` moved by `days` (negative moves back); DT-2 builds on it. */
export const plusDays = (date: IsoDate, days: number): IsoDate => fromDayNumber(toDayNumber(date) + days);

/** The next calendar day (DT-2: the first day counted when the initial day is excluded). */
export const dayAfter = (date: IsoDate): IsoDate => plusDays(date, 1);

/** The previous calendar day (DT-3: a period ends on the day before the corresponding day). */
export const dayBefore = (date: IsoDate): IsoDate => plusDays(date, -1);

/** DT-2: whole days from `from` to `to` (positive when `to` is later). */
export const daysBetween = (from: IsoDate, to: IsoDate): number => toDayNumber(to) - toDayNumber(from);

/**
 * DT-1: -1, 0 or 1 as `a` is before, equal to or after `b`. ISO dates sort as strings; they were
 * validated where they entered (zod at every edge), so comparing does not parse them again — the
 * status function compares dates millions of times.
 */
export const compareDates = (a: IsoDate, b: IsoDate): -1 | 0 | 1 => (a < b ? -1 : a > b ? 1 : 0);

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


/** DT-3: year, month (1–12) and day-number of a date (the "corresponding day" of Civil Code Art. 143). */
export const partsOf = (date: IsoDate): { year: number; month: number; day: number } => parse(date);

/** DT-3: builds an ISO date from parts; throws when the day does not exist in that month. */
export const dateOf = (year: number, month: number, day: number): IsoDate => {
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) throw new RangeError(`no such day: ${year}-${month}-${day}`);
  return fromDayNumber(dayNumber(year, month, day));
};

/** ISO weekday: 1 = Monday … 7 = Sunday (DT-6 closed days). */
export const weekdayOf = (date: IsoDate): number => ((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1; // 1970-01-01 was a Thursday
