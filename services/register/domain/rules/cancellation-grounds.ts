import type { IsoDate } from '../../../../events/values.js';
import type { StatusOfResidence } from '../../../../events/status-of-residence.js';
import { dayAfter, plusDays } from './calendar.js';
import { nationalAdministrativeCalendar, type ClosedDayCalendar } from './closed-days.js';
import { filingDeadline, type Deadline } from './deadlines.js';
import { periodEnd } from './periods.js';

/** CAN-3 / CAN-4: counting the cancellation grounds of Art. 22-4(1) and service by public notice (Art. 61-9-2). */

export interface NinetyDayPolicy {
  /** Reading #1: roll day 90 forward past closed days (default true); false = strict Civil Code reading. */
  readonly rollForward90DayGrounds?: boolean;
  /** Closed days of the municipality where the residence is notified (DT-6). */
  readonly calendar?: ClosedDayCalendar;
}

export interface NinetyDayWatch {
  /** Day 90: nominal = start + 90 days (DT-2); effective = after roll-forward, or = nominal when the policy is off. */
  readonly day90: Deadline;
  /** First day on which the ground holds: the day after the effective day 90. */
  readonly groundFrom: IsoDate;
}

const OPEN_EVERY_DAY: ClosedDayCalendar = { isClosedDay: () => false, covers: () => true };

const ninetyDayWatch = (startOn: IsoDate, { rollForward90DayGrounds = true, calendar = nationalAdministrativeCalendar }: NinetyDayPolicy): NinetyDayWatch => {
  const day90 = filingDeadline(startOn, 90, rollForward90DayGrounds ? calendar : OPEN_EVERY_DAY);
  return { day90, groundFrom: dayAfter(day90.effective) };
};

/** CAN-3, Art. 22-4(1)(viii): no residence notified within 90 days from the landing or permission date (not the move-in). */
export const groundViiiWatch = (landedOrPermittedOn: IsoDate, policy: NinetyDayPolicy = {}): NinetyDayWatch =>
  ninetyDayWatch(landedOrPermittedOn, policy);

/** CAN-3, Art. 22-4(1)(ix): no new residence notified within 90 days from the day of leaving the notified one. */
export const groundIxWatch = (leftOn: IsoDate, policy: NinetyDayPolicy = {}): NinetyDayWatch => ninetyDayWatch(leftOn, policy);

/** CAN-3, Art. 22-4(1)(vi): activities not performed for 3 months (HSP (ii): 6) after the last active day; no roll-forward. */
export const groundViFrom = (lastActivityOn: IsoDate, status: StatusOfResidence): IsoDate =>
  dayAfter(periodEnd(lastActivityOn, status === 'highly-skilled-professional-ii' ? 6 : 3));

/** CAN-3, Art. 22-4(1)(vii), reading #8: no spousal activity for 6 months, counted from the divorce or death date. */
export const groundViiFrom = (divorceOrDeathOn: IsoDate): IsoDate => dayAfter(periodEnd(divorceOrDeathOn, 6));

/** CAN-4, Art. 61-9-2(8): public notice is served when 2 weeks counted from (and including) the first posting day have passed. */
export const publicNoticeDeemedServedOn = (postedFrom: IsoDate): IsoDate => dayAfter(plusDays(postedFrom, 13));
