import type { EventOf } from '../../../events/catalogue.js';
import type { IsoDate } from '../../../events/values.js';
import type { CardRecord } from './card-status.js';
import { factsOf } from './facts.js';
import { dayAfter, dayBefore, isAfter, isBefore, isOnOrAfter, isOnOrBefore, maxDate } from './rules/calendar.js';
import { cardReturnDuty, type CardReturnGround } from './rules/card-return.js';
import { cardRenewalWindow, lossReissueDeadline, orderedReissueDeadline, type Deadline } from './rules/deadlines.js';
import type { CardView, ObligationView, StatusContext } from './status-types.js';

type Progress = Pick<ObligationView, 'state' | 'metOn' | 'overdueSince'>;

/** DT-6, REG-2: met (on time or late) by `metOn`, else overdue from the day after the effective deadline, else open. */
const progressAt = (deadline: Deadline | null, metOn: IsoDate | null, asOf: IsoDate): Progress => {
  const overdueSince = deadline === null ? null : dayAfter(deadline.effective);
  if (metOn !== null && isOnOrBefore(metOn, asOf)) {
    const late = overdueSince !== null && isOnOrAfter(metOn, overdueSince);
    return { state: late ? 'metLate' : 'met', metOn, overdueSince: late ? overdueSince : null };
  }
  if (overdueSince !== null && isOnOrAfter(asOf, overdueSince)) return { state: 'overdue', metOn: null, overdueSince };
  return { state: 'open', metOn: null, overdueSince: null };
};

/** REG-2: the view of a card duty (Arts. 19-11 to 19-15), its subject the card number. */
const cardObligation = (
  duty: ObligationView['duty'], cardNumber: string, clockStartedOn: IsoDate | null, deadline: Deadline | null, progress: Progress,
): ObligationView => ({
  duty, subject: cardNumber, clockStartedOn,
  deadline: deadline === null ? null : { nominal: deadline.nominal, effective: deadline.effective },
  immediately: false, ...progress,
});

/**
 * NOTIF-5, Art. 19-11(1),(2): the renewal duty of a card whose validity is not the period expiry
 * (7 years or the 16th birthday). It arises when the window opens (or on issue, if later) while the
 * card is current and the holder an MLTR; a new card by the effective deadline meets it, an early
 * renewal (19-11(2)) included.
 */
const renewalDuty = (ctx: StatusContext, card: CardRecord, next: CardRecord | undefined): ObligationView[] => {
  const { validity, view } = card;
  if (validity === null || validity.endsOn === 'period-expiry') return [];
  const window = cardRenewalWindow({ validUntil: validity.validUntil, endsOnSixteenthBirthday: validity.endsOn === 'sixteenth-birthday' }, ctx.policy.calendar);
  const arisesOn = maxDate(window.opensOn, view.issuedOn);
  const renewedEarly = next !== undefined && next.view.issue === 'renewed';
  if (next !== undefined && isBefore(next.view.issuedOn, arisesOn) && !renewedEarly) return [];
  if (!renewedEarly && (isAfter(arisesOn, ctx.asOf) || !ctx.mltrOn(arisesOn))) return [];
  const progress = progressAt(window.closesOn, next?.view.issuedOn ?? null, ctx.asOf);
  return [cardObligation('19-11', view.cardNumber, window.opensOn, window.closesOn, progress)];
};

/** At-least-once delivery: the same custody fact recorded twice counts once. */
const once = <T>(items: readonly T[], key: (item: T) => string): T[] =>
  items.filter((item, i) => items.findIndex((other) => key(other) === key(item)) === i);

/** Art. 19-12(1): the first entry into Japan on or after `date` (a re-entry, or a new landing). */
const firstEntryFrom = (ctx: StatusContext, date: IsoDate): IsoDate | null => {
  const entries = [
    ...ctx.timeline.reentries.map((r) => r.reenteredOn),
    ...ctx.timeline.grants.filter((g) => g.via === 'landing').map((g) => g.on),
  ].filter((d) => isOnOrAfter(d, date) && isOnOrBefore(d, ctx.asOf)).sort();
  return entries[0] ?? null;
};

/** Art. 19-15(3) context: the card was found on or after `from`, by D. */
const found = (ctx: StatusContext, cardNumber: string, from: IsoDate): IsoDate | null =>
  factsOf(ctx.timeline.facts, 'ResidenceCardFound')
    .map((f) => f.event.data)
    .filter((f) => f.cardNumber === cardNumber && isOnOrAfter(f.foundOn, from) && isOnOrBefore(f.foundOn, ctx.asOf))
    .map((f) => f.foundOn).sort()[0] ?? null;

type LossReport = EventOf<'ResidenceCardReportedLost'>['data'];

/** NOTIF-6, Art. 19-12(1): the clock starts on learning of the loss, or on the first entry after learning of it abroad. */
const lossClock = (ctx: StatusContext, loss: LossReport): { readonly startedOn: IsoDate | null; readonly deadline: Deadline | null } => {
  const { learnedOn, learnedAbroad } = loss;
  if (!learnedAbroad) return { startedOn: learnedOn, deadline: lossReissueDeadline({ learnedAbroad, learnedOn }, ctx.policy.calendar) };
  const firstEntryOn = firstEntryFrom(ctx, learnedOn);
  if (firstEntryOn === null) return { startedOn: null, deadline: null };
  return { startedOn: firstEntryOn, deadline: lossReissueDeadline({ learnedAbroad, learnedOn, firstEntryOn }, ctx.policy.calendar) };
};

/**
 * NOTIF-6, Art. 19-12(1): an MLTR who lost the current card applies for a new one within 14 days;
 * met by a new card. A card found before the deadline and before any new card voids the duty.
 */
const lossDuties = (ctx: StatusContext, cards: readonly CardRecord[]): ObligationView[] =>
  once(factsOf(ctx.timeline.facts, 'ResidenceCardReportedLost').map((f) => f.event.data), (d) => `${d.cardNumber} ${d.learnedOn}`).flatMap((loss) => {
    const i = cards.findIndex((c) => c.view.cardNumber === loss.cardNumber);
    const replacedOn = cards[i + 1]?.view.issuedOn ?? null;
    if (i < 0 || isAfter(loss.learnedOn, ctx.asOf) || !ctx.mltrOn(loss.learnedOn)) return [];
    if (replacedOn !== null && isOnOrBefore(replacedOn, loss.learnedOn)) return [];
    const { startedOn, deadline } = lossClock(ctx, loss);
    const progress = progressAt(deadline, replacedOn, ctx.asOf);
    const foundAt = found(ctx, loss.cardNumber, loss.learnedOn);
    const voided = foundAt !== null && progress.metOn === null && (deadline === null || isOnOrBefore(foundAt, deadline.effective));
    return [cardObligation('19-12', loss.cardNumber, startedOn, deadline, voided ? { state: 'void', metOn: null, overdueSince: null } : progress)];
  });

/** NOTIF-7, Art. 19-13(3): apply for a new card within 14 days from receiving the order; met by a new card. */
const orderedDuties = (ctx: StatusContext, cards: readonly CardRecord[]): ObligationView[] =>
  once(factsOf(ctx.timeline.facts, 'ResidenceCardReissueOrdered').map((f) => f.event.data), (d) => `${d.cardNumber} ${d.orderReceivedOn}`).flatMap((data) => {
    const i = cards.findIndex((c) => c.view.cardNumber === data.cardNumber);
    const replacedOn = cards[i + 1]?.view.issuedOn;
    if (i < 0 || isAfter(data.orderReceivedOn, ctx.asOf) || (replacedOn !== undefined && isBefore(replacedOn, data.orderReceivedOn))) return [];
    const deadline = orderedReissueDeadline(data.orderReceivedOn, ctx.policy.calendar);
    const progress = progressAt(deadline, replacedOn ?? null, ctx.asOf);
    return [cardObligation('19-13(3)', data.cardNumber, data.orderReceivedOn, deadline, progress)];
  });

/** NOTIF-5, NOTIF-6, NOTIF-7 (Arts. 19-11, 19-12, 19-13(3)): the duties to get a new card, at D. */
export const newCardDuties = (ctx: StatusContext, cards: readonly CardRecord[]): ObligationView[] => [
  ...cards.flatMap((card, i) => renewalDuty(ctx, card, cards[i + 1])),
  ...lossDuties(ctx, cards),
  ...orderedDuties(ctx, cards),
];

/** Art. 19-15(3): the card had been reported lost, and not found again, when it lost effect on `lapsedOn`. */
const lostOn = (ctx: StatusContext, cardNumber: string, lapsedOn: IsoDate): boolean =>
  factsOf(ctx.timeline.facts, 'ResidenceCardReportedLost').some(({ event: { data } }) => {
    if (data.cardNumber !== cardNumber || isAfter(data.learnedOn, lapsedOn)) return false;
    const foundAgain = found(ctx, cardNumber, data.learnedOn);
    return foundAgain === null || isAfter(foundAgain, lapsedOn);
  });

/** INV-2: the 19-15 ground of a card whose primary 19-14 ground is `primary`; a card lost at the lapse owes nothing until found. */
const returnGroundOf = (ctx: StatusContext, cardNumber: string, primary: CardView['invalidity'][number]): CardReturnGround | null => {
  const { item, since } = primary;
  if (lostOn(ctx, cardNumber, since)) {
    const foundAt = found(ctx, cardNumber, dayAfter(since));
    if (foundAt === null) return null;
    return item === '19-14(vi)' ? { item, diedOn: since, foundOn: foundAt } : { item: 'found-after-lapse', foundOn: foundAt };
  }
  switch (item) {
    case '19-14(i)': return { item, groundAroseOn: since };
    case '19-14(ii)': return { item, validUntil: dayBefore(since) };
    case '19-14(iii)': return { item, departedOn: since };
    case '19-14(iv)': return { item, reentryValidUntil: dayBefore(since) };
    case '19-14(v)': return { item, newCardIssuedOn: since };
    case '19-14(vi)': return { item, diedOn: since, foundOn: null };
  }
};

/**
 * INV-2, Art. 19-15(1)–(4), REG-3: return of every card that lost effect — within 14 days, or
 * immediately after (iii)/(v); after a death the relatives' or cohabitants' duty (19-15(4)). Met by
 * ResidenceCardReturned; it survives the end of MLTR status.
 */
export const returnDuties = (ctx: StatusContext, cards: readonly CardRecord[]): ObligationView[] =>
  cards.flatMap(({ view }) => {
    const primary = view.invalidity[0];
    const ground = primary === undefined ? null : returnGroundOf(ctx, view.cardNumber, primary);
    if (ground === null) return [];
    const duty = cardReturnDuty(ground, ctx.policy.calendar);
    if (duty.kind === 'within-14-days')
      return [cardObligation('19-15', view.cardNumber, duty.deadline.clockStartedOn, duty.deadline, progressAt(duty.deadline, view.returnedOn, ctx.asOf))];
    const progress = progressAt(null, view.returnedOn, ctx.asOf);
    return [{ ...cardObligation('19-15', view.cardNumber, duty.groundAroseOn, null, progress), immediately: true }];
  });
