import type { Instant } from '../../../events/values.js';
import { latestInstant, type NotifiedFact } from './address-facts.js';
import { groundOutcome, removedAnswers, type GroundClock } from './ground-outcome.js';
import { entryWindows, inWindow, type EntryWindow } from './mltr-periods.js';
import { isOnOrAfter, isOnOrBefore } from './rules/calendar.js';
import { notificationsIn } from './residence-duties.js';
import { notificationsBy, residenceHistoryOf, type MoveOut, type ResidenceHistory } from './residence-history.js';
import type { CancellationCandidateView, GroundWatchView, StatusContext } from './status-types.js';

// Every grant comes from a fact of the same set, so the lookup always succeeds; the epoch is unreachable.
const recordedAtOf = (ctx: StatusContext, revision: number): Instant =>
  ctx.timeline.facts.find((f) => f.revision === revision)?.recordedAt ?? '1970-01-01T00:00:00Z';

/**
 * CAN-3, Art. 22-4(1)(viii): 90 days from the landing or permission that made the person newly an
 * MLTR (not from the move-in); answered by a notification filed in the MLTR period, or deemed (19-8(4)).
 */
const groundViiiClock = (ctx: StatusContext, history: ResidenceHistory, window: EntryWindow): GroundClock => {
  const { grant } = window.entry;
  const answers = (n: NotifiedFact): boolean => inWindow(window, n.originalNotifiedOn);
  const grantRecordedAt = recordedAtOf(ctx, grant.revision);
  return {
    ground: 'viii',
    clockStartedOn: window.from,
    filings: notificationsIn(history, window).map((n) => n.notifiedOn),
    deemed: grant.residenceRecordCopySubmitted,
    knownSince: (effective) => latestInstant(grantRecordedAt, ...removedAnswers(history, answers, effective)),
  };
};

/**
 * CAN-3, Art. 22-4(1)(ix): 90 days from leaving a residence that had been notified; answered by the
 * notification of a residence taken up after it. A late move-out relay gives a retroactive candidate.
 */
const groundIxClock = (ctx: StatusContext, history: ResidenceHistory, { vacated, left }: MoveOut): GroundClock | null => {
  const leftOn = vacated.movedOutOn;
  if (left === null || !isOnOrBefore(leftOn, ctx.asOf) || !ctx.mltrOn(leftOn)) return null;
  const leftNotice = notificationsBy(left, leftOn)[0];
  if (leftNotice === undefined) return null;
  const later = history.residences.filter((r) => r.index > left.index);
  const filings = later.flatMap((r) => r.facts.flatMap((f) => (f.kind === 'notified' ? [f.notifiedOn] : []))).sort();
  const answers = (n: NotifiedFact): boolean => isOnOrAfter(n.movedInOn, leftOn);
  const seen = [leftNotice.recordedAt, ...(vacated.correctedAt === null ? [] : [vacated.correctedAt])];
  return {
    ground: 'ix',
    clockStartedOn: leftOn,
    filings,
    deemed: false,
    // Reading #13: a late move-out relay gives a retroactive candidate — valid time day 91, transaction time the relay's.
    knownSince: (effective) => latestInstant(vacated.recordedAt, ...seen, ...removedAnswers(history, answers, effective)),
  };
};

/**
 * CAN-3, Art. 22-4(1)(viii), (ix): the 90-day address grounds at the end of D — running watches and
 * candidates (never decisions, CAN-1); none for a person who never was an MLTR.
 */
export const cancellationGrounds = (ctx: StatusContext): { cancellationGrounds: CancellationCandidateView[]; watches: GroundWatchView[] } => {
  const history = residenceHistoryOf(ctx.timeline.facts);
  const clocks = [
    ...entryWindows(ctx)
      .filter((w) => isOnOrBefore(w.from, ctx.asOf))
      .map((w) => groundViiiClock(ctx, history, w)),
    ...history.moveOuts.flatMap((m) => groundIxClock(ctx, history, m) ?? []),
  ];
  const outcomes = clocks.map((clock) => groundOutcome(ctx, clock));
  return {
    cancellationGrounds: outcomes.flatMap((o) => (o.kind === 'candidate' ? [o.candidate] : [])),
    watches: outcomes.flatMap((o) => (o.kind === 'watch' ? [o.watch] : [])),
  };
};
