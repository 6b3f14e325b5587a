import type { IsoDate, Organization } from '../../../events/values.js';
import { affiliationCategory, mltrEligibility, type AffiliationCategory } from './eligibility.js';
import { dayBefore, isOnOrBefore } from './rules/calendar.js';
import type { StatusContext } from './status-types.js';
import type { Grant } from './timeline.js';

/** How an event bears on the activities of the status (CAN-3 (vi)): a new activity begins, or one ends. */
export type ActivityEffect = 'start' | 'end' | 'none';

/** One affiliation or spouse event as the register learned it: from the resident (19-16) or an organization (19-17, 19-18). */
export interface AffiliationEvent {
  readonly source: 'notified' | 'reported';
  /** The 19-16 category the event belongs to; null for a report about a status that carries none. */
  readonly category: AffiliationCategory | null;
  /** The 19-16 event (e.g. 'contract-ended'), or the report's own kind when it is no 19-16 event. */
  readonly event: string;
  /** AFF-1: an event the resident must notify — it occurred while a status of its category was held. */
  readonly notifiable: boolean;
  readonly activity: ActivityEffect;
  readonly occurredOn: IsoDate;
  /** The day the resident filed the 19-16 notification; null for a report. */
  readonly notifiedOn: IsoDate | null;
  /** The organization as it stands after the event; null once the person has left it or it ceased to exist. */
  readonly organization: Organization | null;
  readonly revision: number;
}

/** Art. 19-16(i), (ii): the events after which the person no longer has the organization (離脱, contract end, dissolution). */
export const ENDING_EVENTS: ReadonlySet<string> = new Set(['left', 'contract-ended', 'dissolved']);
const STARTS: ReadonlySet<string> = new Set(['transferred', 'contract-concluded']);

/** CAN-3, Art. 22-4(1)(vi): leaving, the end of a contract or the institution ceasing ends an activity; a move or new contract starts one. */
export const activityEffectOf = (event: string): ActivityEffect => (ENDING_EVENTS.has(event) ? 'end' : STARTS.has(event) ? 'start' : 'none');

const categoryOfStayOn = (ctx: StatusContext, date: IsoDate): AffiliationCategory | null => {
  const stay = ctx.stayOn(date);
  if (stay.kind !== 'status' || !mltrEligibility(stay.grant.grant).eligible) return null;
  return affiliationCategory(stay.grant.grant.status, stay.grant.grant.attributes);
};

/**
 * AFF-1, Art. 19-16: the 19-16 categories of the statuses an MLTR held during `date` — the one in
 * force at its start (end of the day before), then the one at its end (a grant that day).
 */
export const categoriesHeldOn = (ctx: StatusContext, date: IsoDate): readonly AffiliationCategory[] => {
  const held = [categoryOfStayOn(ctx, dayBefore(date)), categoryOfStayOn(ctx, date)];
  return held.filter((c, i): c is AffiliationCategory => c !== null && held.indexOf(c) === i);
};

/**
 * AFF-1 (Art. 19-16), CAN-3 (Art. 22-4(1)(vi), (vii)): the first grant of the uninterrupted run of
 * grants up to `date` that all satisfy `same` — when the person began to hold the category or status.
 * Extensions and changes within the run continue it; a new landing (MLTR-2) starts a new one.
 */
export const runStartOn = (ctx: StatusContext, date: IsoDate, same: (grant: Grant) => boolean): Grant | null => {
  let start: Grant | null = null;
  for (const grant of ctx.timeline.grants.filter((g) => isOnOrBefore(g.on, date)).reverse()) {
    if (!same(grant)) break;
    start = grant;
    if (grant.via === 'landing') break;
  }
  return start;
};
