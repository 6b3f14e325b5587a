import type { IsoDate } from '../../../events/values.js';
import { dateOfBirthOn } from './card-status.js';
import { isUnder16On } from './rules/age.js';
import { isOnOrAfter, minDate } from './rules/calendar.js';
import type { ObligationDuty, ObligationView, StatusContext } from './status-types.js';

/** Rules.md §12: the penalty for failing each duty. */
const PENALTY: Readonly<Record<ObligationDuty, string | null>> = {
  '19-7': '71-5(i)',
  '19-8': '71-5(i)',
  '19-9': '71-5(ii)',
  '19-10': '71-5(iii)',
  '19-11': '71-2(ii)',
  '19-12': '71-2(ii)',
  '19-13(3)': '71-2(ii)',
  '19-15': '71-5(iii)',
  '19-16': '71-5(iii)',
  '22-2(2)': null, // no penalty: staying on without status is a deportation ground (24(vii))
};

/** Duties a co-residing relative discharges for a person under 16 (Art. 61-9-3(1)(i)–(iii), (2)). */
const PROXY_DUTIES: ReadonlySet<ObligationDuty> = new Set(['19-7', '19-8', '19-9', '19-10', '19-11', '19-12', '19-13(3)', '22-2(2)']);

const responsibleFor = (ctx: StatusContext, o: ObligationView, dob: IsoDate | null): NonNullable<ObligationView['responsible']> => {
  const diedOn = ctx.timeline.diedOn;
  if (o.duty === '19-15' && diedOn !== null && o.clockStartedOn !== null && isOnOrAfter(o.clockStartedOn, diedOn))
    return 'relatives-or-cohabitants';
  // Who must act now: judged on the query date, or on the deadline once it has passed.
  const actOn = o.deadline === null ? ctx.asOf : minDate(ctx.asOf, o.deadline.effective);
  return PROXY_DUTIES.has(o.duty) && dob !== null && isUnder16On(dob, actOn) ? 'co-residing-relative' : 'resident';
};

/**
 * NOTIF-9 and §12: who must act on each duty and what failing it is punished under. The relatives'
 * duty to return the card after a death carries no penalty (19-15(4) is carved out of 71-5(iii)).
 */
export const withLiability = (ctx: StatusContext, obligations: readonly ObligationView[]): ObligationView[] => {
  const dob = dateOfBirthOn(ctx.timeline.facts, ctx.asOf);
  return obligations.map((o) => {
    const responsible = responsibleFor(ctx, o, dob);
    return { ...o, responsible, penalty: responsible === 'relatives-or-cohabitants' ? null : PENALTY[o.duty] };
  });
};
