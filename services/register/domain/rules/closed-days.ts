import holidays from '@holiday-jp/holiday_jp/lib/holidays.js';
import type { IsoDate } from '../../../../events/values.js';
import { assertIsoDate, dayAfter, partsOf, rememberBounded, weekdayOf } from './calendar.js';

/**
 * DT-6: administrative closed days (Act on Holidays of Administrative Organs Art. 1; Local Autonomy
 * Act Art. 4-2): Saturdays, Sundays, national holidays and 29 December – 3 January.
 *
 * National holidays come from the @holiday-jp/holiday_jp data package, loaded as data (equinox days
 * are only fixed each February for the next year, so they must not be computed here). The package's
 * `lib/holidays.js` is a plain object keyed by ISO date ('2026-05-06': { name: '休日', … }), so no JS
 * Date is involved at all. Version 2.5.1 covers 1970-01-01 to 2050-11-23; years after the next
 * officially announced one are the package's projection and must be refreshed with the package.
 *
 * Outside the covered years the default calendar knows no national holidays: it still closes
 * Saturdays, Sundays and 29 Dec – 3 Jan, so an effective deadline may come out EARLIER than the law
 * gives (never later). `covers(date)` says whether holiday data exists for the date so callers can
 * flag such deadlines for manual review instead of relying on them.
 */

const NATIONAL_HOLIDAYS: ReadonlySet<string> = new Set(Object.keys(holidays));

const holidayYears = [...NATIONAL_HOLIDAYS].map((date) => Number(date.slice(0, 4)));

/** First and last calendar year for which the package lists national holidays (1970 and 2050 in 2.5.1). */
export const HOLIDAY_DATA_COVERAGE: { readonly firstYear: number; readonly lastYear: number } = {
  firstYear: Math.min(...holidayYears),
  lastYear: Math.max(...holidayYears),
};

/** Which days an authority is closed; injectable because municipal holidays are set by ordinance. */
export interface ClosedDayCalendar {
  /** True on a day the authority does not transact (DT-6). */
  readonly isClosedDay: (date: IsoDate) => boolean;
  /** True if the calendar has holiday data for the date's year (see the note on coverage above). */
  readonly covers: (date: IsoDate) => boolean;
}

/** DT-6: a national holiday under the Act on National Holidays (data from @holiday-jp/holiday_jp). */
export const isNationalHoliday = (date: IsoDate): boolean => NATIONAL_HOLIDAYS.has(assertIsoDate(date));

/** DT-6: Saturday or Sunday (Act on Holidays of Administrative Organs Art. 1(1)(i)). */
export const isWeekend = (date: IsoDate): boolean => weekdayOf(date) >= 6;

/** DT-6: the year-end closure 29 Dec – 3 Jan (Act on Holidays of Administrative Organs Art. 1(1)(iii)). */
export const isYearEndClosure = (date: IsoDate): boolean => {
  const { month, day } = partsOf(date);
  return (month === 12 && day >= 29) || (month === 1 && day <= 3);
};

/** DT-6: the national administrative calendar, the default for ISA filings and municipalities. */
export const nationalAdministrativeCalendar: ClosedDayCalendar = {
  isClosedDay: (date) => isWeekend(date) || isYearEndClosure(date) || isNationalHoliday(date),
  covers: (date) => {
    const { year } = partsOf(date);
    return year >= HOLIDAY_DATA_COVERAGE.firstYear && year <= HOLIDAY_DATA_COVERAGE.lastYear;
  },
};

/** DT-6, Local Autonomy Act Art. 4-2(3): a municipality's calendar = base plus days closed by its ordinance. */
export const withAdditionalClosedDays = (base: ClosedDayCalendar, closedDays: Iterable<IsoDate>): ClosedDayCalendar => {
  const extra: ReadonlySet<string> = new Set([...closedDays].map(assertIsoDate));
  return { isClosedDay: (date) => extra.has(date) || base.isClosedDay(date), covers: base.covers };
};

/** DT-6: true on an administrative closed day of `calendar` (national by default). */
export const isClosedDay = (date: IsoDate, calendar: ClosedDayCalendar = nationalAdministrativeCalendar): boolean =>
  calendar.isClosedDay(date);

const MAX_CONSECUTIVE_CLOSED_DAYS = 366;

// Every filing deadline rolls, dozens per status query, mostly the same days: remembered per calendar (bounded).
const MEMO_LIMIT = 20_000;
const rolled = new WeakMap<ClosedDayCalendar, Map<IsoDate, IsoDate>>();

/** DT-6: a deadline on a closed day moves to the next open day (Act on Holidays of Administrative Organs Art. 2). */
export const rollForward = (date: IsoDate, calendar: ClosedDayCalendar = nationalAdministrativeCalendar): IsoDate => {
  const memo = rolled.get(calendar) ?? new Map<IsoDate, IsoDate>();
  const known = memo.get(date);
  if (known !== undefined) return known;
  rolled.set(calendar, memo);
  return rememberBounded(memo, MEMO_LIMIT, date, nextOpenDay(date, calendar));
};

const nextOpenDay = (date: IsoDate, calendar: ClosedDayCalendar): IsoDate => {
  let day = assertIsoDate(date);
  for (let step = 0; step <= MAX_CONSECUTIVE_CLOSED_DAYS; step += 1) {
    if (!calendar.isClosedDay(day)) return day;
    day = dayAfter(day);
  }
  throw new RangeError(`calendar has no open day within a year after ${date}`);
};
