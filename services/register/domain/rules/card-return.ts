import type { IsoDate } from '../../../../events/values.js';
import { dayAfter, maxDate } from './calendar.js';
import { nationalAdministrativeCalendar, type ClosedDayCalendar } from './closed-days.js';
import { filingDeadline, type Deadline } from './deadlines.js';

/** INV-2, Art. 19-15: returning a card that lost effect under Art. 19-14. */

export type CardReturnGround =
  /** 19-14(i): ceased to be an MLTR on `groundAroseOn`. */
  | { readonly item: '19-14(i)'; readonly groundAroseOn: IsoDate }
  /** 19-14(ii): validity expired; reading #5: the ground arises on the first invalid day. */
  | { readonly item: '19-14(ii)'; readonly validUntil: IsoDate }
  /** 19-14(iii): departed without a re-entry permit. */
  | { readonly item: '19-14(iii)'; readonly departedOn: IsoDate }
  /** 19-14(iv): did not re-enter within the (deemed) re-entry permit, valid through `reentryValidUntil`. */
  | { readonly item: '19-14(iv)'; readonly reentryValidUntil: IsoDate }
  /** 19-14(v): a new card was issued. */
  | { readonly item: '19-14(v)'; readonly newCardIssuedOn: IsoDate }
  /** 19-14(vi): the holder died; relatives or cohabitants return it (19-15(4)). */
  | { readonly item: '19-14(vi)'; readonly diedOn: IsoDate; readonly foundOn: IsoDate | null }
  /** 19-15(3): a lost card found after it had lapsed on a ground other than death. */
  | { readonly item: 'found-after-lapse'; readonly foundOn: IsoDate };

export type CardReturnDuty =
  | { readonly kind: 'immediately'; readonly groundAroseOn: IsoDate }
  | { readonly kind: 'within-14-days'; readonly deadline: Deadline };

const within14Days = (clockStartedOn: IsoDate, calendar: ClosedDayCalendar): CardReturnDuty => ({
  kind: 'within-14-days',
  deadline: filingDeadline(clockStartedOn, 14, calendar),
});

/** INV-2, Art. 19-15(1)–(4): 14 days from the ground (reading #5 for (ii), (iv)), or immediately for (iii), (v). */
export const cardReturnDuty = (ground: CardReturnGround, calendar: ClosedDayCalendar = nationalAdministrativeCalendar): CardReturnDuty => {
  switch (ground.item) {
    case '19-14(i)': return within14Days(ground.groundAroseOn, calendar);
    case '19-14(ii)': return within14Days(dayAfter(ground.validUntil), calendar);
    case '19-14(iii)': return { kind: 'immediately', groundAroseOn: ground.departedOn };
    case '19-14(iv)': return within14Days(dayAfter(ground.reentryValidUntil), calendar);
    case '19-14(v)': return { kind: 'immediately', groundAroseOn: ground.newCardIssuedOn };
    case '19-14(vi)': return within14Days(ground.foundOn === null ? ground.diedOn : maxDate(ground.diedOn, ground.foundOn), calendar);
    case 'found-after-lapse': return within14Days(ground.foundOn, calendar);
  }
};
