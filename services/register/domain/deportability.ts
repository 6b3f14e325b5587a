import type { IsoDate } from '../../../events/values.js';
import { dayAfter } from './rules/calendar.js';
import type { Stay } from './stay.js';
import type { StayView } from './status-types.js';

type Deportable = Extract<StayView, { kind: 'ended' }>['deportable'];

/**
 * STAY-1, CAN-4(8): a person still in Japan after the stay ended is deportable — from the day after a
 * designated departure period (24(ii-4)), at once after a cancellation on grounds (i)/(ii) with no
 * period (24(ii-2)), from the first day of overstay (24(iv)(b)), or after 60 days without status
 * from birth (24(vii)). Departure, death and naturalisation leave nobody to deport.
 */
export const deportability = (stay: Extract<Stay, { kind: 'ended' }>): Deportable => {
  const at = (since: IsoDate, article: NonNullable<Deportable>['article']): Deportable => ({ since, article });
  switch (stay.reason) {
    case 'STATUS_CANCELLED':
      return stay.departBy === null ? at(stay.since, '24(ii-2)') : at(dayAfter(stay.departBy), '24(ii-4)');
    case 'OVERSTAY':
      return at(stay.since, stay.grant === null ? '24(vii)' : '24(iv)(b)');
    default:
      return null;
  }
};
