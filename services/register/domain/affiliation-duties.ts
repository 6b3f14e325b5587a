import type { IsoDate } from '../../../events/values.js';
import { affiliationEvents } from './affiliation-events.js';
import type { AffiliationEvent } from './affiliation-held.js';
import { byDateThenRevision } from './facts.js';
import { dayAfter, isBefore, isOnOrBefore } from './rules/calendar.js';
import { affiliationNotificationDeadline } from './rules/deadlines.js';
import type { ObligationView, StatusContext } from './status-types.js';

/** One 19-16 duty: the event, and the day the resident notified it (null while only a report revealed it). */
interface Duty {
  readonly event: string;
  readonly occurredOn: IsoDate;
  readonly notifiedOn: IsoDate | null;
}

/**
 * Whether `by` notifies the event `revealed` reveals: the same event on the same day; a move to
 * another institution (移籍) also notifies leaving the previous one the same or the previous day.
 */
const notifies = (by: AffiliationEvent, revealed: AffiliationEvent): boolean =>
  (by.event === revealed.event && by.occurredOn === revealed.occurredOn) ||
  (revealed.event === 'left' && by.event === 'transferred' &&
    (by.occurredOn === revealed.occurredOn || by.occurredOn === dayAfter(revealed.occurredOn)));

/** A report opens a duty unless the resident notified its event, an earlier report revealed the same one, or a move covers it. */
const unnotifiedReports = (notified: readonly AffiliationEvent[], reported: readonly AffiliationEvent[]): AffiliationEvent[] =>
  reported.filter(
    (report, i) =>
      !notified.some((notice) => notifies(notice, report)) &&
      !reported.some((other, j) => (j < i && other.event === report.event && other.occurredOn === report.occurredOn) ||
        (other.event === 'transferred' && report.event === 'left' && notifies(other, report))),
  );

/** AFF-1, Art. 19-16: the duties that had arisen by D — every notified event, and every reported one not notified. */
const dutiesOf = (ctx: StatusContext): Duty[] => {
  const due = affiliationEvents(ctx).filter((e) => e.notifiable && isOnOrBefore(e.occurredOn, ctx.asOf));
  const notified = due.filter((e) => e.source === 'notified');
  return [...notified, ...unnotifiedReports(notified, due.filter((e) => e.source === 'reported'))]
    .sort(byDateThenRevision((e) => e.occurredOn))
    .map(({ event, occurredOn, notifiedOn }) => ({ event, occurredOn, notifiedOn }));
};

/** AFF-1, Art. 19-16, DT-6: met, met late (after the effective deadline), open, or overdue from the day after it. */
const dutyView = (ctx: StatusContext, duty: Duty): ObligationView => {
  const { clockStartedOn, nominal, effective } = affiliationNotificationDeadline(duty.occurredOn, ctx.policy.calendar);
  const overdueSince = dayAfter(effective);
  const common = { duty: '19-16', subject: `${duty.event} ${duty.occurredOn}`, clockStartedOn, deadline: { nominal, effective }, immediately: false } as const;
  const metOn = duty.notifiedOn !== null && isOnOrBefore(duty.notifiedOn, ctx.asOf) ? duty.notifiedOn : null;
  if (metOn !== null)
    return isOnOrBefore(metOn, effective)
      ? { ...common, state: 'met', metOn, overdueSince: null }
      : { ...common, state: 'metLate', metOn, overdueSince };
  return isBefore(ctx.asOf, overdueSince)
    ? { ...common, state: 'open', metOn: null, overdueSince: null }
    : { ...common, state: 'overdue', metOn: null, overdueSince };
};

/**
 * AFF-1, Art. 19-16 (reading #9): one duty per affiliation or spouse event that occurred while a status
 * of its category was held — surviving a later change of status — due 14 days after the event.
 */
export const affiliationObligations = (ctx: StatusContext): ObligationView[] => dutiesOf(ctx).map((duty) => dutyView(ctx, duty));
