import type { Instant, IsoDate } from '../../../events/values.js';
import type { NotifiedFact } from './address-facts.js';
import { factsOf } from './facts.js';
import { statusLostBetween } from './mltr-periods.js';
import { dayAfter, isAfter, isBefore, isOnOrBefore } from './rules/calendar.js';
import { groundIxWatch, groundViiiWatch, type NinetyDayWatch } from './rules/cancellation-grounds.js';
import type { ResidenceHistory } from './residence-history.js';
import type { CancellationCandidateView, GroundWatchView, StatusContext } from './status-types.js';

/** CAN-3: one 90-day clock of ground (viii) or (ix) and what can answer it. */
export interface GroundClock {
  readonly ground: 'viii' | 'ix';
  /** The landing / permission date (viii) or the day of leaving (ix). */
  readonly clockStartedOn: IsoDate;
  /** Filing days of the notifications that answer the ground, earliest first (any date). */
  readonly filings: readonly IsoDate[];
  /** Art. 19-8(4): the notification is deemed made at the permission. */
  readonly deemed: boolean;
  /** Transaction time of the latest fact needed to see a candidate, given the effective day 90. */
  readonly knownSince: (day90Effective: IsoDate) => Instant;
}

export type GroundOutcome =
  | { readonly kind: 'none' }
  | { readonly kind: 'watch'; readonly watch: GroundWatchView }
  | { readonly kind: 'candidate'; readonly candidate: CancellationCandidateView };

const NONE: GroundOutcome = { kind: 'none' };

/**
 * CAN-3, Art. 22-4(1)(viii), (ix): transaction times of municipal corrections that withdrew or moved a notification which, as
 * first relayed, answered the ground by the effective day 90 (MUNI-3: the candidate appears with them).
 */
export const removedAnswers = (history: ResidenceHistory, answers: (n: NotifiedFact) => boolean, day90Effective: IsoDate): Instant[] => [
  ...history.facts.current.flatMap((f) =>
    f.kind === 'notified' && f.correctedAt !== null && answers(f) && isOnOrBefore(f.originalNotifiedOn, day90Effective) ? [f.correctedAt] : [],
  ),
  ...history.facts.withdrawn.flatMap(({ fact, withdrawnAt }) =>
    fact.kind === 'notified' && answers(fact) && isOnOrBefore(fact.notifiedOn, day90Effective) ? [withdrawnAt] : [],
  ),
];

/** CAN-3, reading #7: an officer's justifiable-reason decision for this candidate, a hint that withdraws it. */
const justifiableReasonFor = (ctx: StatusContext, ground: 'viii' | 'ix', from: IsoDate, strictFrom: IsoDate): CancellationCandidateView['justifiableReason'] => {
  const decision = factsOf(ctx.timeline.facts, 'JustifiableReasonRecorded')
    .map((f) => f.event.data)
    .find(
      (d) => d.ground === ground && isOnOrBefore(d.decidedOn, ctx.asOf) && (d.groundFrom === undefined || d.groundFrom === from || d.groundFrom === strictFrom),
    );
  return decision === undefined ? null : { reason: decision.reason, decidedOn: decision.decidedOn };
};

/** CAN-3: abroad on a re-entry permit or a special re-entry permit on the day the ground arises. */
const abroadOnPermit = (ctx: StatusContext, on: IsoDate): CancellationCandidateView['likelyJustification'] => {
  const stay = ctx.stayOn(on);
  return stay.kind === 'status' && stay.abroad !== null ? 'ABROAD_ON_REENTRY_PERMIT' : null;
};

const candidateOf = (ctx: StatusContext, clock: GroundClock, watch: NinetyDayWatch, filed: readonly IsoDate[]): CancellationCandidateView => {
  const { day90, groundFrom } = watch;
  const strictFrom = dayAfter(day90.nominal);
  const justifiableReason = justifiableReasonFor(ctx, clock.ground, groundFrom, strictFrom);
  const moot = statusLostBetween(ctx, day90.effective, ctx.asOf);
  return {
    ground: clock.ground, from: groundFrom, strictFrom, clockStartedOn: clock.clockStartedOn,
    day90: { nominal: day90.nominal, effective: day90.effective }, knownSince: clock.knownSince(day90.effective),
    curedLateOn: filed.find((d) => isAfter(d, day90.effective)) ?? null, likelyJustification: abroadOnPermit(ctx, groundFrom),
    justifiableReason, state: justifiableReason !== null ? 'withdrawn' : moot ? 'moot' : 'candidate',
  };
};

/**
 * CAN-3, Art. 22-4(1)(viii), (ix): a clock answered by a filing on or before the effective day 90 is
 * closed; before the day after it, a running watch; from then on a candidate (REG-3: 'moot' once the
 * person no longer holds a status; nothing if the status was lost before the ground could arise).
 */
export const groundOutcome = (ctx: StatusContext, clock: GroundClock): GroundOutcome => {
  const start = clock.clockStartedOn;
  const watch = clock.ground === 'viii' ? groundViiiWatch(start, ctx.policy) : groundIxWatch(start, ctx.policy);
  const { day90, groundFrom } = watch;
  const filed = clock.filings.filter((d) => isOnOrBefore(d, ctx.asOf));
  if (clock.deemed || filed.some((d) => isOnOrBefore(d, day90.effective))) return NONE;
  if (isBefore(ctx.asOf, groundFrom)) {
    if (statusLostBetween(ctx, start, ctx.asOf)) return NONE;
    return { kind: 'watch', watch: { ground: clock.ground, clockStartedOn: start, day90: { nominal: day90.nominal, effective: day90.effective }, groundFrom } };
  }
  if (statusLostBetween(ctx, start, day90.effective)) return NONE;
  return { kind: 'candidate', candidate: candidateOf(ctx, clock, watch, filed) };
};
