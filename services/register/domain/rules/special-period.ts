import type { IsoDate } from '../../../../events/values.js';
import type { PeriodOfStay } from '../../../../events/status-of-residence.js';
import { dayAfter, isAfter, isOnOrBefore } from './calendar.js';
import { nationalAdministrativeCalendar, rollForward, type ClosedDayCalendar } from './closed-days.js';
import { periodEnd } from './periods.js';

/** APP-3: the special period of Art. 20(6) (applied to extensions by Art. 21(4)). */

export type ApplicationKind = 'change-of-status' | 'extension' | 'permanent-residence' | 'acquisition';

export interface PendingApplication {
  readonly kind: ApplicationKind;
  readonly filedOn: IsoDate;
  /** Day of the grant or denial; null while undecided. */
  readonly disposedOn: IsoDate | null;
}

export interface StayAtApplication {
  readonly periodOfStay: PeriodOfStay;
  readonly expiresOn: IsoDate;
}

/** The special period: from the day after the original expiry through `lastDay`, inclusive. */
export interface SpecialPeriod {
  readonly startsOn: IsoDate;
  readonly lastDay: IsoDate;
  /** True when a disposition on `lastDay` ended it at that moment, before the two-month limit. */
  readonly endedByDisposition: boolean;
}

const ISO_PERIOD = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?$/;

/**
 * APP-3, Art. 20(6): "period of stay longer than 30 days". A month is counted at its shortest (28
 * days), so only a period certain to exceed 30 days qualifies; no ordinance period is exactly P1M.
 */
export const periodOfStayExceeds30Days = (period: PeriodOfStay): boolean => {
  if (period === 'indefinite' || period === 'duration-of-diplomatic-activities') return true;
  const match = ISO_PERIOD.exec(period);
  if (match === null) throw new RangeError(`not an ISO 8601 period of stay: ${period}`);
  const [, years = '0', months = '0', days = '0'] = match;
  return Number(years) * 365 + Number(months) * 28 + Number(days) > 30;
};

/** APP-3, reading #18: an application on the next open day after a closed-day expiry is still timely. */
export const lastTimelyApplicationDay = (expiresOn: IsoDate, calendar: ClosedDayCalendar = nationalAdministrativeCalendar): IsoDate =>
  rollForward(expiresOn, calendar);

/** APP-3, Art. 20(6): a timely change/extension application (not PR, not acquisition), > 30 days, undecided at expiry. */
export const createsSpecialPeriod = (
  application: PendingApplication,
  stay: StayAtApplication,
  calendar: ClosedDayCalendar = nationalAdministrativeCalendar,
): boolean =>
  (application.kind === 'change-of-status' || application.kind === 'extension') &&
  periodOfStayExceeds30Days(stay.periodOfStay) &&
  isOnOrBefore(application.filedOn, lastTimelyApplicationDay(stay.expiresOn, calendar)) &&
  (application.disposedOn === null || isAfter(application.disposedOn, stay.expiresOn));

/** APP-3, Art. 20(6), reading #3: two months from the ORIGINAL expiry (DT-3): 31 Mar → 31 May, 30 Jun → 31 Aug. */
export const specialPeriodLimit = (expiresOn: IsoDate): IsoDate => periodEnd(expiresOn, 2);

/** APP-3, Art. 20(6): the special period ends at the disposition or at the two-month limit, whichever is earlier. */
export const specialPeriodOf = (expiresOn: IsoDate, disposedOn: IsoDate | null): SpecialPeriod => {
  const limit = specialPeriodLimit(expiresOn);
  const startsOn = dayAfter(expiresOn);
  if (disposedOn !== null && isOnOrBefore(disposedOn, limit)) return { startsOn, lastDay: disposedOn, endedByDisposition: true };
  return { startsOn, lastDay: limit, endedByDisposition: false };
};
