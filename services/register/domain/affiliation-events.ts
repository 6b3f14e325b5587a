import type { AffiliationNotice } from '../../../events/affiliation.js';
import type { Organization } from '../../../events/values.js';
import { activityEffectOf, categoriesHeldOn, ENDING_EVENTS, type AffiliationEvent } from './affiliation-held.js';
import { byDateThenRevision, factsOf } from './facts.js';
import { reportedEvents } from './organization-report-events.js';
import type { StatusContext } from './status-types.js';

const organizationAfter = (notice: AffiliationNotice): Organization | null => {
  if (notice.category === 'spouse' || ENDING_EVENTS.has(notice.event)) return null;
  return notice.newOrganization ?? notice.organization;
};

/** AFF-1, Art. 19-16: the resident's own notifications; each is itself the proof that its event occurred. */
const notifiedEvents = (ctx: StatusContext): AffiliationEvent[] =>
  factsOf(ctx.timeline.facts, 'AffiliationNotified').map(({ event: { data }, revision }) => ({
    source: 'notified',
    category: data.category,
    event: data.event,
    notifiable: categoriesHeldOn(ctx, data.occurredOn).includes(data.category),
    activity: activityEffectOf(data.event),
    occurredOn: data.occurredOn,
    notifiedOn: data.notifiedOn,
    organization: organizationAfter(data),
    revision,
  }));

/** AFF-1..3 (Arts. 19-16 to 19-18): every affiliation and spouse event the register knows, notified or reported, in valid-time order. */
export const affiliationEvents = (ctx: StatusContext): readonly AffiliationEvent[] =>
  [...notifiedEvents(ctx), ...reportedEvents(ctx)].sort(byDateThenRevision((e) => e.occurredOn));
