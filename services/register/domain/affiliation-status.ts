import { affiliationEvents } from './affiliation-events.js';
import { runStartOn, type AffiliationEvent } from './affiliation-held.js';
import { affiliationCategory, type AffiliationCategory } from './eligibility.js';
import { isOnOrAfter, isOnOrBefore } from './rules/calendar.js';
import type { AffiliationView, StatusContext } from './status-types.js';

export { affiliationObligations } from './affiliation-duties.js';
export { groundHints } from './ground-hints.js';

const viewOf = (category: AffiliationCategory, last: AffiliationEvent): AffiliationView => ({
  category, organization: last.organization, lastEvent: last.event, lastEventOn: last.occurredOn,
});

/**
 * AFF-1..3, Arts. 19-16 to 19-18: the 19-16 category of the status held at D and the organization as
 * the latest notification or report of that category (since the status began) gives it — none after
 * leaving it or the end of the contract. Without a category, the latest event notified or reported.
 */
export const affiliationAt = (ctx: StatusContext): AffiliationView | null => {
  const known = affiliationEvents(ctx).filter((e) => isOnOrBefore(e.occurredOn, ctx.asOf));
  const grant = ctx.stay.kind === 'status' ? ctx.stay.grant.grant : null;
  const current = grant === null ? null : affiliationCategory(grant.status, grant.attributes);
  if (current === null) {
    const last = known.filter((e) => e.category !== null).at(-1);
    return last === undefined || last.category === null ? null : viewOf(last.category, last);
  }
  const start = runStartOn(ctx, ctx.asOf, (g) => affiliationCategory(g.grant.status, g.grant.attributes) === current);
  const since = start?.on ?? ctx.asOf;
  const last = known.filter((e) => e.category === current && isOnOrAfter(e.occurredOn, since)).at(-1);
  if (last !== undefined) return viewOf(current, last);
  // Nothing notified or reported yet: the organization is the one the status was granted for, not named in the grant.
  return { category: current, organization: null, lastEvent: start?.via ?? 'granted', lastEventOn: since };
};
