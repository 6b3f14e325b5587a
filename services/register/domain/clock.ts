import type { EventOf } from '../../../events/catalogue.js';
import type { CardInvalidationGround } from '../../../events/residence-card-custody.js';
import type { Obligation } from '../../../events/obligations.js';
import type { IsoDate } from '../../../events/values.js';
import { groundClockEvents } from './clock-grounds.js';
import type { ClockEvent, ClockEventType } from './clock-event.js';
import { factsOf, type Fact } from './facts.js';
import { compareDates, isOnOrBefore } from './rules/calendar.js';
import { statusAt } from './status.js';
import type { CardInvalidityItem, ObligationDuty, ObligationView, ResidentStatus } from './status-types.js';

/**
 * Architecture decision 7 ("time is an input"): what the register's clock appends so that the log
 * states every deadline that has passed by the end of `asOf` (JST), given the clock events it already
 * holds. Pure: the same facts and as-of date always give the same events.
 */

export { CLOCK_EVENT_TYPES, type ClockEvent, type ClockEventType } from './clock-event.js';

// The status function's duty names are the catalogue's obligation names (NOTIF-10); the map keeps them checked.
const OBLIGATION_OF: Readonly<Record<ObligationDuty, Obligation>> = {
  '19-7': '19-7', '19-8': '19-8', '19-9': '19-9', '19-10': '19-10', '19-11': '19-11', '19-12': '19-12',
  '19-13(3)': '19-13(3)', '19-15': '19-15', '19-16': '19-16', '22-2(2)': '22-2(2)',
};

// INV-1: the items of Art. 19-14 in the catalogue's words.
const GROUND_OF_ITEM: Readonly<Record<CardInvalidityItem, CardInvalidationGround>> = {
  '19-14(i)': 'ceased-to-be-mltr', '19-14(ii)': 'validity-expired', '19-14(iii)': 'departed-without-reentry-permit',
  '19-14(iv)': 'not-reentered-in-time', '19-14(v)': 'new-card-issued', '19-14(vi)': 'died',
};

/** INV-1, Art. 19-14: one event per card that lost effect, naming the primary (earliest) ground. */
const cardInvalidations = (facts: readonly Fact[], status: ResidentStatus, residentId: string): ClockEvent[] => {
  const logged = new Set(factsOf(facts, 'ResidenceCardInvalidated').map((f) => f.event.data.cardNumber));
  return status.cards.flatMap((card): ClockEvent[] => {
    const primary = card.invalidity[0];
    if (primary === undefined || logged.has(card.cardNumber) || !isOnOrBefore(primary.since, status.asOf)) return [];
    const data = { residentId, cardNumber: card.cardNumber, ground: GROUND_OF_ITEM[primary.item], invalidOn: primary.since };
    return [{ key: `invalidated/${card.cardNumber}`, on: primary.since, event: { type: 'ResidenceCardInvalidated', data } }];
  });
};

type Breached = ObligationView & { readonly clockStartedOn: IsoDate; readonly deadline: NonNullable<ObligationView['deadline']>; readonly overdueSince: IsoDate };

/**
 * NOTIF-10, section 4 "overdue from": a duty whose effective deadline passed unfiled — still overdue, or
 * met late since (the breach is a fact either way, Art. 71-5(i)); kept after REG-3 ends other duties.
 */
const breached = (o: ObligationView): o is Breached =>
  (o.state === 'overdue' || o.state === 'metLate') && o.clockStartedOn !== null && o.deadline !== null && o.overdueSince !== null;

const overdueIdentity = (obligation: string, clockStartedOn: IsoDate, effectiveDeadline: IsoDate): string =>
  `${obligation}/${clockStartedOn}/${effectiveDeadline}`;

/**
 * Section 4: one NotificationOverdue per breached duty. The event does not name the duty's subject, so
 * duties alike in article, clock start and deadline are counted: only those beyond the logged count are new.
 */
const overdueNotifications = (facts: readonly Fact[], status: ResidentStatus, residentId: string): ClockEvent[] => {
  const logged = new Map<string, number>();
  for (const { event: { data } } of factsOf(facts, 'NotificationOverdue')) {
    const id = overdueIdentity(data.obligation, data.clockStartedOn, data.effectiveDeadline);
    logged.set(id, (logged.get(id) ?? 0) + 1);
  }
  const duties = status.obligations.filter(breached).filter((o) => isOnOrBefore(o.overdueSince, status.asOf));
  return [...duties].sort((a, b) => (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0)).flatMap((o): ClockEvent[] => {
    const obligation = OBLIGATION_OF[o.duty];
    const id = overdueIdentity(obligation, o.clockStartedOn, o.deadline.effective);
    const seen = logged.get(id) ?? 0;
    logged.set(id, seen - 1);
    if (seen > 0) return [];
    const data = {
      residentId, obligation, clockStartedOn: o.clockStartedOn, nominalDeadline: o.deadline.nominal,
      effectiveDeadline: o.deadline.effective, overdueSince: o.overdueSince, asOf: status.asOf,
    };
    return [{ key: `overdue/${o.duty}/${o.clockStartedOn}/${o.subject}`, on: o.overdueSince, event: { type: 'NotificationOverdue', data } }];
  });
};

const RANK: Readonly<Record<ClockEventType, number>> = {
  ResidenceCardInvalidated: 0, NotificationOverdue: 1, CancellationGroundDetected: 2, CancellationGroundWithdrawn: 3,
};

/** Legal date, then event type, then key: independent of the order the facts or findings came in. */
const byDateTypeKey = (a: ClockEvent, b: ClockEvent): number =>
  compareDates(a.on, b.on) || RANK[a.event.type] - RANK[b.event.type] || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * Decision 7: the clock events the log should gain so that it states the findings at the end of `asOf`
 * — cards that lost effect (Art. 19-14), duties overdue (section 4), grounds (viii)/(ix) that arose and
 * detections a later fact removed (Art. 22-4(1)(viii), (ix), CAN-3) — each with its key. Events already
 * in `facts` are not produced again, so `plannedClockEvents([...facts, ...its output], asOf)` is empty.
 */
export const plannedClockEvents = (facts: readonly Fact[], asOf: IsoDate): ClockEvent[] => {
  const status = statusAt(facts, { asOf });
  const { residentId } = status;
  if (residentId === null) return [];
  return [
    ...cardInvalidations(facts, status, residentId),
    ...overdueNotifications(facts, status, residentId),
    ...groundClockEvents(facts, status, residentId),
  ].sort(byDateTypeKey);
};

/** Decision 7: the events of `plannedClockEvents`, without their keys. */
export const clockEvents = (facts: readonly Fact[], asOf: IsoDate): EventOf<ClockEventType>[] =>
  plannedClockEvents(facts, asOf).map((planned) => planned.event);
