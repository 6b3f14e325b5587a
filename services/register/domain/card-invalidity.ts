import type { IsoDate } from '../../../events/values.js';
import { mltrEligibility } from './eligibility.js';
import { dayAfter, dayBefore, isAfter, isBefore, isOnOrBefore, maxDate } from './rules/calendar.js';
import type { CardInvalidityItem, StatusContext } from './status-types.js';
import type { Stay, StayEndReason } from './stay.js';

/** INV-1, Art. 19-14: the grounds on which a card loses effect, with their first day without effect. */
export interface InvalidityGround {
  readonly item: CardInvalidityItem;
  readonly since: IsoDate;
}

/**
 * MLTR-3 → INV-1: how the end of a stay reaches the card. Overstay, cancellation and naturalisation
 * are item (i); departure without a permit, a lapsed permit and death have their own items.
 */
const ITEM_OF_STAY_END: Readonly<Record<StayEndReason, CardInvalidityItem>> = {
  OVERSTAY: '19-14(i)',
  STATUS_CANCELLED: '19-14(i)',
  NATURALISED: '19-14(i)',
  DEPARTED_WITHOUT_REENTRY_PERMIT: '19-14(iii)',
  REENTRY_PERMIT_LAPSED: '19-14(iv)',
  DIED: '19-14(vi)',
};

/** How MLTR status ended by the end of a stretch under one grant that began on `start` (null: still an MLTR). */
const endingIn = (ctx: StatusContext, start: IsoDate, end: IsoDate): InvalidityGround | null =>
  stayEnding(ctx.stayOn(start), start) ?? stayEnding(ctx.stayOn(end), start);

const stayEnding = (stay: Stay, start: IsoDate): InvalidityGround | null => {
  switch (stay.kind) {
    case 'status': return mltrEligibility(stay.grant.grant).eligible ? null : { item: '19-14(i)', since: start };
    case 'ended': return { item: ITEM_OF_STAY_END[stay.reason], since: maxDate(stay.since, start) };
    case 'none':
    case 'without-status':
      return { item: '19-14(i)', since: start };
  }
};

/**
 * INV-1, MLTR-3, Art. 19-14(i),(iii),(iv),(vi): the first day from `issuedOn` to D on which the holder
 * was no longer an MLTR, walking the stretches between grants (a new grant may be one that is not
 * MLTR-eligible, S19); the item names how the MLTR status ended.
 */
export const endOfMltrStatus = (ctx: StatusContext, issuedOn: IsoDate): InvalidityGround | null => {
  const grantDays = ctx.timeline.grants.map((g) => g.on).filter((on) => isAfter(on, issuedOn) && isOnOrBefore(on, ctx.asOf));
  const starts = [issuedOn, ...new Set(grantDays)];
  for (const [i, start] of starts.entries()) {
    const next = starts[i + 1];
    const ending = endingIn(ctx, start, next === undefined ? ctx.asOf : dayBefore(next));
    if (ending !== null) return ending;
  }
  return null;
};

/** INV-1 "report the earliest as primary"; on the same day the specific items come first and (i), the general one, last. */
const PRIORITY: readonly CardInvalidityItem[] = ['19-14(ii)', '19-14(iii)', '19-14(iv)', '19-14(v)', '19-14(vi)', '19-14(i)'];

const byPrimacy = (a: InvalidityGround, b: InvalidityGround): number =>
  isBefore(a.since, b.since) ? -1 : isAfter(a.since, b.since) ? 1 : PRIORITY.indexOf(a.item) - PRIORITY.indexOf(b.item);

/**
 * INV-1, Art. 19-14: every ground in force at D for a card issued on `issuedOn` and valid through
 * `validUntil` (CARD-5 included), earliest first: (v) a later card, (ii) expiry, and the end of MLTR
 * status under (i), (iii), (iv) or (vi).
 */
export const invalidityAt = (
  ctx: StatusContext,
  card: { readonly issuedOn: IsoDate; readonly validUntil: IsoDate },
  nextCardIssuedOn: IsoDate | null,
): InvalidityGround[] => {
  const grounds: InvalidityGround[] = [];
  if (nextCardIssuedOn !== null) grounds.push({ item: '19-14(v)', since: nextCardIssuedOn });
  grounds.push({ item: '19-14(ii)', since: dayAfter(card.validUntil) });
  const ended = endOfMltrStatus(ctx, card.issuedOn);
  if (ended !== null) grounds.push(ended);
  return grounds.filter((g) => isOnOrBefore(g.since, ctx.asOf)).sort(byPrimacy);
};
