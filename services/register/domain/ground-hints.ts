import type { StatusGrant } from '../../../events/permissions.js';
import type { IsoDate } from '../../../events/values.js';
import { affiliationEvents } from './affiliation-events.js';
import { runStartOn } from './affiliation-held.js';
import { applicableCancellationItems, spouseGroundApplies } from './eligibility.js';
import { isAfter, isOnOrAfter, isOnOrBefore } from './rules/calendar.js';
import { groundViFrom, groundViiFrom } from './rules/cancellation-grounds.js';
import type { GroundHintView, StatusContext } from './status-types.js';
import type { Grant } from './timeline.js';

interface ActivityChange {
  readonly on: IsoDate;
  readonly effect: 'start' | 'end';
}

/** From the first grant of the current run of the same status (a new landing starts afresh) through D. */
const sinceStatusBegan = (ctx: StatusContext, grant: Grant, same: (g: StatusGrant) => boolean): ((on: IsoDate) => boolean) => {
  const since = runStartOn(ctx, ctx.asOf, (g) => same(g.grant))?.on ?? grant.on;
  return (on) => isOnOrAfter(on, since) && isOnOrBefore(on, ctx.asOf);
};

/** CAN-3 (vi): ends and starts of activities, in day order; on one day an ending comes before a start (a seamless move). */
const activityChanges = (ctx: StatusContext, grant: Grant): ActivityChange[] => {
  const inRun = sinceStatusBegan(ctx, grant, (g) => g.status === grant.grant.status);
  const reported = affiliationEvents(ctx).flatMap((e): ActivityChange[] =>
    e.activity === 'none' || !inRun(e.occurredOn) ? [] : [{ on: e.occurredOn, effect: e.activity }]);
  // A change of status approves new activities: into this status, or within it (an SSW field, an HSP institution).
  const changes = ctx.timeline.grants.flatMap((g): ActivityChange[] =>
    g.via === 'change-of-status' && inRun(g.on) ? [{ on: g.on, effect: 'start' }] : []);
  const rank = (c: ActivityChange): string => `${c.on}${c.effect === 'end' ? 0 : 1}`;
  return [...reported, ...changes].sort((a, b) => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0));
};

/**
 * CAN-3, Art. 22-4(1)(vi): for each spell without the activities of an Appended Table I status, from
 * the day after 3 months (HSP (ii): 6) after the last active day L — unless a new activity began by then.
 */
const inactivityHints = (ctx: StatusContext, grant: Grant): GroundHintView[] => {
  const { status } = grant.grant;
  const hint = (lastDay: IsoDate): GroundHintView => ({ ground: 'vi', from: groundViFrom(lastDay, status), clockStartedOn: lastDay, applicationPending: null });
  const hints: GroundHintView[] = [];
  let lastDay: IsoDate | null = null;
  for (const change of activityChanges(ctx, grant)) {
    if (change.effect === 'end') lastDay = change.on;
    else {
      if (lastDay !== null && isAfter(change.on, groundViFrom(lastDay, status))) hints.push(hint(lastDay));
      lastDay = null;
    }
  }
  return lastDay === null ? hints : [...hints, hint(lastDay)];
};

/** CAN-5, Art. 22-5: the latest change-of-status or permanent-residence application pending at D. */
const pendingApplication = (ctx: StatusContext): GroundHintView['applicationPending'] => {
  const pending = ctx.timeline.applications.filter(
    (a) => (a.kind === 'change-of-status' || a.kind === 'permanent-residence') && isOnOrBefore(a.filedOn, ctx.asOf) &&
      (a.disposedOn === null || isAfter(a.disposedOn, ctx.asOf)),
  );
  const latest = pending.reduce<(typeof pending)[number] | null>((l, a) => (l === null || isOnOrAfter(a.filedOn, l.filedOn) ? a : l), null);
  return latest === null ? null : { kind: latest.kind, filedOn: latest.filedOn };
};

/** CAN-3, Art. 22-4(1)(vii), reading #8: 6 months from the latest divorce or death of the spouse while the spouse status is held. */
const spouseHints = (ctx: StatusContext, grant: Grant): GroundHintView[] => {
  const inRun = sinceStatusBegan(ctx, grant, (g) => g.status === grant.grant.status && spouseGroundApplies(g.status, g.attributes));
  const last = affiliationEvents(ctx).filter((e) => e.category === 'spouse' && e.source === 'notified' && inRun(e.occurredOn)).at(-1);
  if (last === undefined) return [];
  return [{ ground: 'vii', from: groundViiFrom(last.occurredOn), clockStartedOn: last.occurredOn, applicationPending: pendingApplication(ctx) }];
};

/**
 * CAN-3 (vi)/(vii), CAN-5 (Arts. 22-4(1)(vi), (vii), 22-5): hints for the status held at D, given with
 * their from-date as soon as the triggering event has occurred; none for a person who is not an MLTR.
 */
export const groundHints = (ctx: StatusContext): GroundHintView[] => {
  if (ctx.stay.kind !== 'status' || !ctx.mltrOn(ctx.asOf)) return [];
  const { grant } = ctx.stay;
  const { status, attributes } = grant.grant;
  return [
    ...(applicableCancellationItems(status, attributes).includes('vi') ? inactivityHints(ctx, grant) : []),
    ...(spouseGroundApplies(status, attributes) ? spouseHints(ctx, grant) : []),
  ];
};
