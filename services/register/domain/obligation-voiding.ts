import type { IsoDate } from '../../../events/values.js';
import { isBefore } from './rules/calendar.js';
import type { ObligationState, ObligationView, StatusContext } from './status-types.js';

type EndOfResidence = { readonly on: IsoDate; readonly state: Extract<ObligationState, 'void' | 'closedByDeparture'> };

/** REG-3: death or naturalisation voids pending duties; a departure without any re-entry permit closes them. */
const endOfResidence = (ctx: StatusContext): EndOfResidence | null => {
  const { stay } = ctx;
  if (stay.kind !== 'ended') return null;
  if (stay.reason === 'DIED' || stay.reason === 'NATURALISED') return { on: stay.since, state: 'void' };
  if (stay.reason === 'DEPARTED_WITHOUT_REENTRY_PERMIT') return { on: stay.since, state: 'closedByDeparture' };
  return null;
};

/** REG-3: an overdue duty stays overdue as a historical fact; one already breached before the end is kept. */
const breachedBefore = (obligation: ObligationView, on: IsoDate): boolean =>
  obligation.overdueSince !== null && isBefore(obligation.overdueSince, on);

/**
 * REG-3 (reading #21): after death, naturalisation or a permanent departure no breach is recorded;
 * duties met or already overdue keep their state, and the card's return (19-15) survives because it
 * is addressed to the person who held the card (or, after a death, to relatives).
 */
export const applyEndOfResidence = (ctx: StatusContext, obligations: readonly ObligationView[]): ObligationView[] => {
  const end = endOfResidence(ctx);
  if (end === null) return [...obligations];
  return obligations.map((obligation) => {
    if (obligation.duty === '19-15' || obligation.state === 'met' || obligation.state === 'metLate') return obligation;
    if (breachedBefore(obligation, end.on)) return obligation;
    return { ...obligation, state: end.state, overdueSince: null };
  });
};
