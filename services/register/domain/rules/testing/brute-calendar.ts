import fc from 'fast-check';

/**
 * Test-only reference calendar: plain integer arithmetic, no luxon and no JS Date, so that property
 * tests compare the rules against an independent, day-by-day implementation.
 */

export interface Ymd {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

export const bruteIsLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export const bruteDaysInMonth = (y: number, m: number): number => {
  if (m === 2) return bruteIsLeap(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
};

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export const format = ({ y, m, d }: Ymd): string => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;

export const parse = (iso: string): Ymd => {
  const [y, m, d] = iso.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) throw new Error(`bad date ${iso}`);
  return { y, m, d };
};

export const nextDay = ({ y, m, d }: Ymd): Ymd => {
  if (d < bruteDaysInMonth(y, m)) return { y, m, d: d + 1 };
  return m < 12 ? { y, m: m + 1, d: 1 } : { y: y + 1, m: 1, d: 1 };
};

/** Walks `days` days forward one at a time. */
export const bruteAddDays = (iso: string, days: number): string => {
  let day = parse(iso);
  for (let i = 0; i < days; i += 1) day = nextDay(day);
  return format(day);
};

/**
 * Civil Code Art. 143 counted day by day from the first day S: a calendar month of the period is
 * complete on day D when the next day is the day corresponding to S (same day-number), or when D is
 * the last day of a month that has no such day. Returns the day the `months`-th month completes.
 */
export const brutePeriodEnd = (x: string, months: number, includeFirstDay: boolean): string => {
  const start = includeFirstDay ? parse(x) : nextDay(parse(x));
  let day = start;
  let completed = 0;
  for (;;) {
    const next = nextDay(day);
    const monthLacksStartDay = next.d === 1 && bruteDaysInMonth(day.y, day.m) < start.d;
    if (next.d === start.d || monthLacksStartDay) completed += 1;
    if (completed === months) return format(day);
    day = next;
  }
};

/** A real calendar date in [minYear, maxYear], biased towards month ends and 29 February. */
export const arbIsoDate = (minYear = 1971, maxYear = 2049): fc.Arbitrary<string> => {
  const any = fc
    .record({ y: fc.integer({ min: minYear, max: maxYear }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
    .map(({ y, m, d }) => format({ y, m, d: Math.min(d, bruteDaysInMonth(y, m)) }));
  const monthEnd = fc
    .record({ y: fc.integer({ min: minYear, max: maxYear }), m: fc.integer({ min: 1, max: 12 }), back: fc.integer({ min: 0, max: 3 }) })
    .map(({ y, m, back }) => format({ y, m, d: bruteDaysInMonth(y, m) - back }));
  const leapDay = fc
    .integer({ min: Math.ceil(minYear / 4), max: Math.floor(maxYear / 4) })
    .map((q) => q * 4)
    .filter(bruteIsLeap)
    .map((y) => format({ y, m: 2, d: 29 }));
  return fc.oneof({ arbitrary: any, weight: 3 }, { arbitrary: monthEnd, weight: 2 }, { arbitrary: leapDay, weight: 1 });
};
