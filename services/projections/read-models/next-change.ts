import type { ResidentEvent } from '../../../events/catalogue.js';
import type { IsoDate } from '../../../events/values.js';
import type { Fact } from '../../register/domain/facts.js';
import { dayAfter } from '../../register/domain/rules/calendar.js';
import { cardRenewalWindow } from '../../register/domain/rules/deadlines.js';
import type { ResidentStatus } from '../../register/domain/status-types.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Event fields naming the last day of something: what they end changes the status on the day after. */
const LAST_DAY_FIELDS: ReadonlySet<string> = new Set([
  'expiresOn', 'validUntil', 'printedValidUntil', 'departBy', 'returnBy', 'nominalDeadline', 'effectiveDeadline',
]);

/** A date on which the status may change, or the last day of something (the change comes the day after). */
interface Turn {
  readonly date: IsoDate;
  readonly lastDay: boolean;
}

const on = (date: IsoDate): Turn => ({ date, lastDay: false });
const after = (date: IsoDate): Turn => ({ date, lastDay: true });

/** Dates on which a passing deadline or expiry changes the status (DT-6: overdue from the day after the effective deadline). */
const statusTurns = (status: ResidentStatus): Turn[] => {
  const { stay, travel } = status;
  return [
    ...status.obligations.flatMap((o) => (o.state === 'open' && o.deadline !== null ? [after(o.deadline.effective)] : [])),
    ...(stay.kind === 'status' && stay.expiresOn !== null ? [after(stay.expiresOn)] : []), // STAY-1
    ...(stay.kind === 'status' && stay.specialPeriod !== null ? [after(stay.specialPeriod.limit)] : []), // APP-3, Art. 20(6)
    ...(stay.kind === 'without-status' ? [after(stay.lawfulUntil)] : []), // Art. 22-2(1)
    ...(stay.kind === 'ended' && stay.deportable !== null ? [on(stay.deportable.since)] : []), // Art. 24
    ...(travel.returnBy !== null ? [after(travel.returnBy)] : []), // REP-1, DRP-1
    ...status.cards.flatMap((c) => (c.valid ? [after(c.validUntil)] : [])), // Art. 19-14(i)
    ...status.watches.map((w) => on(w.groundFrom)), // CAN-3
    ...status.hints.map((h) => on(h.from)),
  ];
};

/**
 * NOTIF-5, Art. 19-11(1): the renewal duty of a 7-year or 16th-birthday card arises when its window
 * opens (2 or 6 months before the end); both openings are offered, an early recomputation is harmless.
 */
const renewalOpenings = (status: ResidentStatus): Turn[] =>
  status.cards
    .filter((c) => c.valid && c.validityBasis !== '19-5(1)(iii)')
    .flatMap((c) => [true, false].map((sixteenth) => on(cardRenewalWindow({ validUntil: c.statutoryValidUntil, endsOnSixteenthBirthday: sixteenth }).opensOn)));

const datesIn = (value: unknown, key: string, out: Turn[]): void => {
  if (typeof value === 'string' && ISO_DATE.test(value)) out.push({ date: value, lastDay: LAST_DAY_FIELDS.has(key) });
  else if (Array.isArray(value)) value.forEach((item) => datesIn(item, key, out));
  else if (typeof value === 'object' && value !== null) Object.entries(value).forEach(([k, v]) => datesIn(v, k, out));
};

/** DT-8: a fact whose legal date is still to come (a permission effective later) takes effect on that date. */
const factTurns = (facts: readonly Fact[]): Turn[] => {
  const out: Turn[] = [];
  facts.forEach((fact: { readonly event: ResidentEvent }) => datesIn(fact.event.data, '', out));
  return out;
};

/**
 * The earliest date after `today` on which the resident's status can change without a new event:
 * the day after an effective deadline, expiry or last day, the first day of a 90-day ground, the
 * opening of a renewal window, the legal date of a fact still to come. Null when nothing is pending.
 */
export const nextChangeOn = (status: ResidentStatus, facts: readonly Fact[], today: IsoDate): IsoDate | null =>
  // ISO dates order as strings; the day after is computed only for the few dates not yet past.
  [...statusTurns(status), ...renewalOpenings(status), ...factTurns(facts)]
    .flatMap(({ date, lastDay }) => (lastDay ? (date >= today ? [dayAfter(date)] : []) : date > today ? [date] : []))
    .reduce<IsoDate | null>((earliest, date) => (earliest === null || date < earliest ? date : earliest), null);
