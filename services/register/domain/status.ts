import type { Instant, IsoDate } from '../../../events/values.js';
import { affiliationAt, affiliationObligations, groundHints } from './affiliation-status.js';
import { addressAt, residenceObligations } from './address-status.js';
import { cardObligations, cardsAt } from './card-status.js';
import { applicableCancellationItems, affiliationCategory, mltrEligibility } from './eligibility.js';
import { knownBy, type Fact } from './facts.js';
import { cancellationGrounds } from './grounds.js';
import { anomaliesOf } from './anomalies.js';
import { nationalAdministrativeCalendar } from './rules/closed-days.js';
import { isOnOrBefore } from './rules/calendar.js';
import { stayAt, type Stay } from './stay.js';
import { applyEndOfResidence } from './obligation-voiding.js';
import { withLiability } from './obligation-liability.js';
import { deportability } from './deportability.js';
import { particularsOn } from './particulars.js';
import type { MltrEntry, MltrView, ResidentStatus, StatusContext, StatusPolicy, StayView, TravelView } from './status-types.js';
import { buildTimeline, type Timeline } from './timeline.js';

export const DEFAULT_POLICY: StatusPolicy = { rollForward90DayGrounds: true, calendar: nationalAdministrativeCalendar };

const isMltr = (stay: Stay): boolean => stay.kind === 'status' && mltrEligibility(stay.grant.grant).eligible;

/** MLTR-2: for every grant, whether the person was not an MLTR just before it and is one with it. */
const mltrEntries = (timeline: Timeline): MltrEntry[] =>
  timeline.grants.map((grant, i) => ({
    grant,
    newly: mltrEligibility(grant.grant).eligible && !isMltr(stayAt(timeline, grant.on, i)),
  }));

const mltrView = (ctx: StatusContext): MltrView => {
  const { stay } = ctx;
  if (stay.kind === 'none') return { is: false, reason: 'NO_STATUS', since: null, newlyBy: null };
  if (stay.kind === 'without-status') return { is: false, reason: 'WITHOUT_STATUS_AFTER_BIRTH', since: null, newlyBy: null };
  if (stay.kind === 'ended') return { is: false, reason: stay.reason, since: null, newlyBy: null };
  const eligibility = mltrEligibility(stay.grant.grant);
  if (!eligibility.eligible) return { is: false, reason: eligibility.reason, since: null, newlyBy: null };
  const start = ctx.entries.filter((e) => e.newly && isOnOrBefore(e.grant.on, ctx.asOf)).at(-1);
  return { is: true, reason: 'MID_TO_LONG_TERM_RESIDENT', since: start?.grant.on ?? null, newlyBy: start?.grant.via ?? null };
};

const stayView = (stay: Stay): StayView => {
  switch (stay.kind) {
    case 'none': return { kind: 'none' };
    case 'without-status': return { kind: 'without-status', bornOn: stay.bornOn, lawfulUntil: stay.lawfulUntil, applicationPending: stay.applicationPending };
    case 'ended': return { kind: 'ended', reason: stay.reason, since: stay.since, departBy: stay.departBy, deportable: deportability(stay) };
    case 'status': {
      const { grant, specialPeriod } = stay;
      return {
        kind: 'status', status: grant.grant.status, attributes: grant.grant.attributes, periodOfStay: grant.grant.periodOfStay,
        expiresOn: grant.grant.expiresOn, grantedOn: grant.on, grantedVia: grant.via, specialPeriod,
      };
    }
  }
};

const travelView = (stay: Stay): TravelView =>
  stay.kind === 'status' && stay.abroad !== null
    ? { abroad: true, departedOn: stay.abroad.departedOn, under: stay.abroad.under, returnBy: stay.abroad.returnBy }
    : { abroad: false, departedOn: null, under: null, returnBy: null };

const residentIdOf = (facts: readonly Fact[]): string | null => facts[0]?.event.data.residentId ?? null;

export interface StatusQuery {
  readonly asOf: IsoDate;
  /** DT-8: count only the events recorded by this instant; all known events when absent. */
  readonly knownAt?: Instant;
  readonly policy?: Partial<StatusPolicy>;
}

/** DT-8, REG-2: what every part of the status function reads, built once from the facts known at K. */
export const statusContext = (allFacts: readonly Fact[], query: StatusQuery): StatusContext => {
  const timeline = buildTimeline(knownBy(allFacts, query.knownAt));
  // Many rules ask for the stay on the same few dates; one computation per date per query.
  const stays = new Map<IsoDate, Stay>();
  const stayOn = (date: IsoDate): Stay => {
    const known = stays.get(date);
    if (known !== undefined) return known;
    const stay = stayAt(timeline, date);
    stays.set(date, stay);
    return stay;
  };
  return {
    timeline, asOf: query.asOf, stay: stayOn(query.asOf), stayOn, mltrOn: (date) => isMltr(stayOn(date)),
    entries: mltrEntries(timeline), policy: { ...DEFAULT_POLICY, ...query.policy },
  };
};

/**
 * REG-2: the status of one person at the end of legal date D, as the register knew it at K — the
 * one function that projections, the API and the acceptance tests all use. Pure: no clock, no I/O.
 */
export const statusAt = (allFacts: readonly Fact[], query: StatusQuery): ResidentStatus => {
  const ctx = statusContext(allFacts, query);
  const cards = cardsAt(ctx);
  const grant = ctx.stay.kind === 'status' ? ctx.stay.grant.grant : null;
  const obligations = withLiability(ctx, applyEndOfResidence(ctx, [...residenceObligations(ctx), ...cardObligations(ctx), ...affiliationObligations(ctx)]));
  return {
    residentId: residentIdOf(allFacts),
    asOf: query.asOf,
    knownAt: query.knownAt ?? null,
    particulars: particularsOn(ctx.timeline.facts, query.asOf),
    midToLongTermResident: mltrView(ctx),
    stay: stayView(ctx.stay),
    card: cards.at(-1) ?? null,
    cards,
    address: addressAt(ctx),
    affiliation: affiliationAt(ctx),
    travel: travelView(ctx.stay),
    obligations,
    ...cancellationGrounds(ctx),
    hints: groundHints(ctx),
    categories: {
      affiliation: grant === null ? null : affiliationCategory(grant.status, grant.attributes),
      cancellationItems: grant === null ? [] : applicableCancellationItems(grant.status, grant.attributes),
    },
    anomalies: anomaliesOf(ctx),
  };
};

