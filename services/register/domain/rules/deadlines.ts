import type { IsoDate } from '../../../../events/values.js';
import { dayAfter, isBefore, maxDate } from './calendar.js';
import { nationalAdministrativeCalendar, rollForward, type ClosedDayCalendar } from './closed-days.js';
import { monthsBefore, withinDaysFrom } from './periods.js';

/**
 * NOTIF-10 filing deadlines. `nominal` is the Civil Code count (DT-2: first day excluded, X + N);
 * `effective` is rolled forward past closed days (DT-6 reading: every filing deadline rolls).
 * Address notifications (19-7/19-8/19-9) are filed with the municipality: pass its calendar.
 */
export interface Deadline {
  readonly clockStartedOn: IsoDate;
  readonly nominal: IsoDate;
  readonly effective: IsoDate;
}

const FOURTEEN_DAYS = 14;

/** DT-2 + DT-6: last day X + N, then the next open day of `calendar`. */
export const filingDeadline = (clockStartedOn: IsoDate, days: number, calendar: ClosedDayCalendar = nationalAdministrativeCalendar): Deadline => {
  const nominal = withinDaysFrom(clockStartedOn, days);
  return { clockStartedOn, nominal, effective: rollForward(nominal, calendar) };
};

/** DT-6: the duty is breached from the day after the effective deadline ("overdue since"). */
export const overdueFrom = (deadline: Deadline): IsoDate => dayAfter(deadline.effective);

/** NOTIF-1, Art. 19-7(1): 14 days from settling; reading #11: a moved-in date before landing counts from landing. */
export const residenceAfterLandingDeadline = (
  { landedOn, residenceEstablishedOn }: { readonly landedOn: IsoDate; readonly residenceEstablishedOn: IsoDate },
  calendar: ClosedDayCalendar = nationalAdministrativeCalendar,
): Deadline => filingDeadline(maxDate(landedOn, residenceEstablishedOn), FOURTEEN_DAYS, calendar);

/** NOTIF-2, Art. 19-8(1): 14 days from settling, or from the permission date if already resident then. */
export const residenceAfterPermissionDeadline = (
  { permittedOn, residenceEstablishedOn }: { readonly permittedOn: IsoDate; readonly residenceEstablishedOn: IsoDate },
  calendar: ClosedDayCalendar = nationalAdministrativeCalendar,
): Deadline => filingDeadline(maxDate(permittedOn, residenceEstablishedOn), FOURTEEN_DAYS, calendar);

/** NOTIF-3, Art. 19-9(1): 14 days from moving INTO the new residence. */
export const newResidenceDeadline = (movedInOn: IsoDate, calendar: ClosedDayCalendar = nationalAdministrativeCalendar): Deadline =>
  filingDeadline(movedInOn, FOURTEEN_DAYS, calendar);

/** NOTIF-4, Art. 19-10(1): 14 days from the change of name, date of birth, sex or nationality. */
export const identityChangeDeadline = (changedOn: IsoDate, calendar: ClosedDayCalendar = nationalAdministrativeCalendar): Deadline =>
  filingDeadline(changedOn, FOURTEEN_DAYS, calendar);

export type CardLoss =
  | { readonly learnedAbroad: false; readonly learnedOn: IsoDate }
  | { readonly learnedAbroad: true; readonly learnedOn: IsoDate; readonly firstEntryOn: IsoDate };

/** NOTIF-6, Art. 19-12(1): 14 days from learning of the loss; learned abroad → from the first entry afterwards. */
export const lossReissueDeadline = (loss: CardLoss, calendar: ClosedDayCalendar = nationalAdministrativeCalendar): Deadline => {
  if (!loss.learnedAbroad) return filingDeadline(loss.learnedOn, FOURTEEN_DAYS, calendar);
  if (isBefore(loss.firstEntryOn, loss.learnedOn)) throw new RangeError('the first entry must follow learning of the loss (Art. 19-12(1))');
  return filingDeadline(loss.firstEntryOn, FOURTEEN_DAYS, calendar);
};

/** NOTIF-7, Art. 19-13(3): 14 days from the day the reissue order was received. */
export const orderedReissueDeadline = (orderReceivedOn: IsoDate, calendar: ClosedDayCalendar = nationalAdministrativeCalendar): Deadline =>
  filingDeadline(orderReceivedOn, FOURTEEN_DAYS, calendar);

/** AFF-1, Art. 19-16: 14 days from the affiliation or spouse event. */
export const affiliationNotificationDeadline = (eventOn: IsoDate, calendar: ClosedDayCalendar = nationalAdministrativeCalendar): Deadline =>
  filingDeadline(eventOn, FOURTEEN_DAYS, calendar);

/** APP-5, Art. 22-2(2): apply for a status within 30 days from birth or loss of Japanese nationality. */
export const acquisitionApplicationDeadline = (eventOn: IsoDate, calendar: ClosedDayCalendar = nationalAdministrativeCalendar): Deadline =>
  filingDeadline(eventOn, 30, calendar);

export interface RenewalWindow {
  readonly opensOn: IsoDate;
  /** `clockStartedOn` is the window's opening day; `nominal` is the validity end (19-11(1) "up to the expiry"). */
  readonly closesOn: Deadline;
}

/** NOTIF-5, Art. 19-11(1), reading #12: from 2 months (6 if the validity is the 16th birthday) before the end, through it. */
export const cardRenewalWindow = (
  { validUntil, endsOnSixteenthBirthday }: { readonly validUntil: IsoDate; readonly endsOnSixteenthBirthday: boolean },
  calendar: ClosedDayCalendar = nationalAdministrativeCalendar,
): RenewalWindow => {
  const opensOn = monthsBefore(validUntil, endsOnSixteenthBirthday ? 6 : 2);
  return { opensOn, closesOn: { clockStartedOn: opensOn, nominal: validUntil, effective: rollForward(validUntil, calendar) } };
};
