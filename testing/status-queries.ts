import type { IsoDate } from '../events/values.js';
import { endOfLegalDay, type Fact } from '../services/register/domain/facts.js';
import { statusAt } from '../services/register/domain/status.js';
import type {
  CancellationCandidateView, CardView, GroundHintView, GroundWatchView, ObligationDuty, ObligationView, ResidentStatus,
  StatusPolicy,
} from '../services/register/domain/status-types.js';

/** Query helpers for the acceptance scenarios (scenarios.md): pick one part of a `ResidentStatus`. */

/**
 * DT-8 and the scenarios' convention: "Q D" is the status at the end of legal date D with everything
 * the register had recorded by then (knowledge time = end of D, JST).
 */
export const q = (facts: readonly Fact[], asOf: IsoDate, policy?: Partial<StatusPolicy>): ResidentStatus =>
  statusAt(facts, { asOf, knownAt: endOfLegalDay(asOf), policy });

/** Which obligation of a duty: `subject` is matched as a substring (e.g. a card number). */
export interface ObligationMatch {
  readonly subject?: string;
  readonly clockStartedOn?: IsoDate;
}

/** REG-2: the obligation of `duty` that matches, if any. */
export const obligation = (status: ResidentStatus, duty: ObligationDuty, match: ObligationMatch = {}): ObligationView | undefined =>
  status.obligations.find(
    (o) =>
      o.duty === duty &&
      (match.subject === undefined || o.subject.includes(match.subject)) &&
      (match.clockStartedOn === undefined || o.clockStartedOn === match.clockStartedOn),
  );

/** REG-2, CAN-3: the candidate of ground (viii) or (ix), if any. */
export const candidate = (status: ResidentStatus, ground: 'viii' | 'ix'): CancellationCandidateView | undefined =>
  status.cancellationGrounds.find((c) => c.ground === ground);

/** CAN-3: the running 90-day watch of ground (viii) or (ix), if any. */
export const watch = (status: ResidentStatus, ground: 'viii' | 'ix'): GroundWatchView | undefined =>
  status.watches.find((w) => w.ground === ground);

/** CAN-3: the hint of ground (vi) or (vii), if any. */
export const hint = (status: ResidentStatus, ground: 'vi' | 'vii'): GroundHintView | undefined =>
  status.hints.find((h) => h.ground === ground);

/** CARD-2: the card with this number among all the person's cards at D. */
export const cardNo = (status: ResidentStatus, cardNumber: string): CardView | undefined =>
  status.cards.find((c) => c.cardNumber === cardNumber);
