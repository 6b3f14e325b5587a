import type { IsoDate } from '../../../../events/values.js';
import { dateOf, dayAfter, dayBefore, daysInMonth, partsOf, plusDays, rememberBounded } from './calendar.js';

/**
 * Periods under the Civil Code as the Act uses them (rules.md DT-2 to DT-5, NOTIF-5 reading #12).
 * A period ends at the end of its last day (Civil Code Art. 141), so every function returns the
 * last day, inclusive.
 */

const assertCount = (name: string, value: number): void => {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer: ${value}`);
};

/** Calendar month `months` after (year, month), as { year, month } with month 1–12. */
const shiftMonth = (year: number, month: number, months: number): { year: number; month: number } => {
  const index = year * 12 + (month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
};

/** DT-2: "within N days from day X" ends on X + N; the initial day is not counted (Civil Code Arts. 140, 141). */
export const withinDaysFrom = (x: IsoDate, days: number): IsoDate => {
  assertCount('days', days);
  return plusDays(x, days);
};

export interface PeriodOptions {
  /** Count day X itself: only where the Act says 起算して or the period starts at 00:00 (DT-5). */
  readonly includeFirstDay?: boolean;
}

/** DT-3: last day of a period of N calendar months from X (Civil Code Arts. 140, 143): 30 Jun + 2 → 31 Aug. */
export const periodEnd = (x: IsoDate, months: number, { includeFirstDay = false }: PeriodOptions = {}): IsoDate => {
  assertCount('months', months);
  const memo = includeFirstDay ? endsCountingFirstDay : ends;
  const byMonths = memo.get(x);
  const known = byMonths?.get(months);
  if (known !== undefined) return known;
  const end = computePeriodEnd(x, months, includeFirstDay);
  if (byMonths !== undefined) byMonths.set(months, end);
  else rememberBounded(memo, MEMO_LIMIT, x, new Map([[months, end]]));
  return end;
};

/*
 * Card validities, deemed re-entry periods and permit caps ask for the same periods from the same days
 * many times per status query: the last days are remembered per start day and count (bounded).
 */
const MEMO_LIMIT = 20_000;
const ends = new Map<IsoDate, Map<number, IsoDate>>();
const endsCountingFirstDay = new Map<IsoDate, Map<number, IsoDate>>();

const computePeriodEnd = (x: IsoDate, months: number, includeFirstDay: boolean): IsoDate => {
  const start = partsOf(includeFirstDay ? x : dayAfter(x));
  const target = shiftMonth(start.year, start.month, months);
  const lastDay = daysInMonth(target.year, target.month);
  if (start.day > lastDay) return dateOf(target.year, target.month, lastDay);
  return dayBefore(dateOf(target.year, target.month, start.day));
};

/** DT-3: a period of N years is N × 12 calendar months (Civil Code Art. 143(1)): 28 Feb 2027 + 1 y → 29 Feb 2028. */
export const periodEndInYears = (x: IsoDate, years: number, options: PeriodOptions = {}): IsoDate => {
  assertCount('years', years);
  return periodEnd(x, years * 12, options);
};

/** DT-5: a period taking effect at 00:00 of `effectiveOn` counts that day (Civil Code Art. 140 proviso). */
export const periodEndFromStartOfDay = (effectiveOn: IsoDate, months: number): IsoDate =>
  periodEnd(effectiveOn, months, { includeFirstDay: true });

/** NOTIF-5 reading #12: "N months before E" = same day-number N months earlier, clamped to that month's end. */
export const monthsBefore = (e: IsoDate, months: number): IsoDate => {
  assertCount('months', months);
  const end = partsOf(e);
  const target = shiftMonth(end.year, end.month, -months);
  return dateOf(target.year, target.month, Math.min(end.day, daysInMonth(target.year, target.month)));
};
