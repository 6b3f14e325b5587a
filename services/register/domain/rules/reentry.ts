import type { IsoDate } from '../../../../events/values.js';
import { isOnOrBefore, minDate } from './calendar.js';
import { periodEnd, periodEndFromStartOfDay } from './periods.js';

/** REP-1 (Art. 26) and DRP-1 (Art. 26-2): validity of re-entry permits. */

/** REP-1, Art. 26(3), DT-5 reading #4: at most 5 years from 00:00 of the effective date = effective + 5 y − 1 d. */
export const reentryPermitValidityCap = (effectiveOn: IsoDate): IsoDate => periodEndFromStartOfDay(effectiveOn, 5 * 12);

/** REP-1, Art. 26(6), DT-5 reading #4: extensions abroad never beyond 6 years from the effective date (− 1 day). */
export const reentryPermitExtensionCap = (effectiveOn: IsoDate): IsoDate => periodEndFromStartOfDay(effectiveOn, 6 * 12);

/** REP-1, Art. 26(3): the register stores the printed validity and only validates it against the cap (DT-5). */
export const isWithinReentryPermitCap = (effectiveOn: IsoDate, validUntil: IsoDate): boolean =>
  isOnOrBefore(effectiveOn, validUntil) && isOnOrBefore(validUntil, reentryPermitValidityCap(effectiveOn));

/** REP-1, Art. 26(5),(6): one consular extension adds at most 1 year (DT-3) and never passes the 6-year cap. */
export const latestExtendedReentryValidity = (effectiveOn: IsoDate, currentValidUntil: IsoDate): IsoDate =>
  minDate(periodEnd(currentValidUntil, 12), reentryPermitExtensionCap(effectiveOn));

/**
 * DRP-1, Art. 26-2(2): deemed re-entry validity = 1 year from departure (DT-3, departure day excluded)
 * or the period-of-stay end if earlier; that end includes the 20(6) special period (reading #15).
 * `periodOfStayEndsOn` is null for indefinite statuses (PR, HSP (ii)).
 */
export const deemedReentryValidUntil = (departedOn: IsoDate, periodOfStayEndsOn: IsoDate | null): IsoDate => {
  const oneYear = periodEnd(departedOn, 12);
  return periodOfStayEndsOn === null ? oneYear : minDate(oneYear, periodOfStayEndsOn);
};
