import type { IsoDate } from '../../../../events/values.js';
import { daysInMonth, isAfter, partsOf } from '../../../register/domain/rules/calendar.js';
import { statusAt } from '../../../register/domain/status.js';
import type { EventStore } from '../../../register/store/port.js';
import { toStatusRow } from '../../read-models/status-view.js';
import type { CountRow, StatusRow } from '../../read-models/types.js';
import { dateRangeArg } from '../arguments.js';
import type { GraphqlContext } from '../context.js';
import { badUserInput } from '../errors.js';
import { factsByResident, PastStatisticsTooLargeError } from './past-statistics.js';

/** What a series counts: residents with a ground (viii)/(ix), or with an overdue duty, by key. */
export type SeriesMeasure = 'lapseGround' | 'overdueObligation';

/** One chart is one answer: more points than this is a batch job, not a page load. */
export const MAX_SERIES_POINTS = 60;

const KEYS_OF: Readonly<Record<SeriesMeasure, (row: StatusRow) => readonly string[]>> = {
  lapseGround: (row) => row.lapseGrounds,
  overdueObligation: (row) => row.overdueDuties,
};

const monthEndOf = (year: number, month: number): IsoDate =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(daysInMonth(year, month)).padStart(2, '0')}`;

/** The last day of every month from `from` to `to`, then `to` itself when it is not a month end. */
export const seriesDates = (from: IsoDate, to: IsoDate): IsoDate[] => {
  const dates: IsoDate[] = [];
  let { year, month } = partsOf(from);
  for (;;) {
    const monthEnd = monthEndOf(year, month);
    if (isAfter(monthEnd, to)) break;
    dates.push(monthEnd);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  if (dates.at(-1) !== to) dates.push(to);
  return dates;
};


const sortedCounts = (counts: ReadonlyMap<string, number>): CountRow[] =>
  [...counts.entries()].map(([key, count]) => ({ key, count })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

/**
 * Counts at the end of each date, from the log through the status function (decision 2): the log
 * is read once and every resident's status computed at every date.
 */
export const statisticsSeries = async (store: EventStore, dates: readonly IsoDate[], measure: SeriesMeasure) => {
  const perDate = dates.map(() => new Map<string, number>());
  for (const [streamId, facts] of await factsByResident(store))
    dates.forEach((asOf, index) => {
      const counts = perDate[index];
      if (counts === undefined) return;
      for (const key of KEYS_OF[measure](toStatusRow(statusAt(facts, { asOf }), streamId, facts.length - 1, null)))
        counts.set(key, (counts.get(key) ?? 0) + 1);
    });
  return dates.map((asOf, index) => ({ asOf, counts: sortedCounts(perDate[index] ?? new Map()) }));
};

interface SeriesArgs {
  readonly from?: IsoDate | null;
  readonly to?: IsoDate | null;
  readonly measure: SeriesMeasure;
}

/** The first day of the month eleven months before `to`: with `to`, a year of month ends. */
export const yearBefore = (to: IsoDate): IsoDate => {
  const { year, month } = partsOf(to);
  const [fromYear, fromMonth] = month === 12 ? [year, 1] : [year - 1, month + 1];
  return `${String(fromYear).padStart(4, '0')}-${String(fromMonth).padStart(2, '0')}-01`;
};

/** `statisticsOverTime`: for charts of lapse grounds and overdue notifications; no personal data. */
export const statisticsOverTime = async (_: unknown, args: SeriesArgs, ctx: GraphqlContext) => {
  const end = args.to ?? ctx.today;
  const { from, to } = dateRangeArg('from/to', { from: args.from ?? yearBefore(end), to: end });
  if (isAfter(to, ctx.today)) throw badUserInput(`to: statistics cannot be given for a future date (today is ${ctx.today})`);
  const dates = seriesDates(from, to);
  if (dates.length > MAX_SERIES_POINTS) throw badUserInput(`from/to: at most ${MAX_SERIES_POINTS} dates (month ends) a request; this range has ${dates.length}`);
  try {
    return await statisticsSeries(ctx.sources.store, dates, args.measure);
  } catch (error) {
    if (error instanceof PastStatisticsTooLargeError) throw badUserInput(`from/to: ${error.message}`);
    throw error;
  }
};
