import type { EventOf } from '../../../events/catalogue.js';
import type { IsoDate } from '../../../events/values.js';
import { occurrenceKey, type ClockEvent } from './clock-event.js';
import { factsOf, type Fact } from './facts.js';
import { isOnOrAfter, isOnOrBefore } from './rules/calendar.js';
import { residenceHistoryOf } from './residence-history.js';
import type { CancellationCandidateView, ResidentStatus } from './status-types.js';

/**
 * CAN-3, Art. 22-4(1)(viii), (ix), architecture decision 7: the clock's side of the 90-day address
 * grounds — a detection when a candidate arises, a withdrawal when a later fact removes one detected.
 */

type Detection = EventOf<'CancellationGroundDetected'>['data'];
type WithdrawalReason = EventOf<'CancellationGroundWithdrawn'>['data']['reason'];

/** What the log says about one candidate (ground and from-date): how often detected and withdrawn. */
interface Logged {
  readonly ground: Detection['ground'];
  readonly groundFrom: IsoDate;
  detection: Detection | null;
  detected: number;
  withdrawn: number;
}

const candidateKey = (ground: string, groundFrom: IsoDate): string => `${ground}/${groundFrom}`;

const loggedGrounds = (facts: readonly Fact[]): Map<string, Logged> => {
  const logged = new Map<string, Logged>();
  const entry = (ground: Detection['ground'], groundFrom: IsoDate): Logged => {
    const key = candidateKey(ground, groundFrom);
    const found = logged.get(key) ?? { ground, groundFrom, detection: null, detected: 0, withdrawn: 0 };
    logged.set(key, found);
    return found;
  };
  for (const { event: { data } } of factsOf(facts, 'CancellationGroundDetected')) {
    const found = entry(data.ground, data.groundFrom);
    found.detection = data;
    found.detected += 1;
  }
  for (const { event: { data } } of factsOf(facts, 'CancellationGroundWithdrawn')) entry(data.ground, data.groundFrom).withdrawn += 1;
  return logged;
};

const isOpen = (logged: Logged): logged is Logged & { detection: Detection } => logged.detection !== null && logged.detected > logged.withdrawn;

/** Reading #1: a detection made under either reading of DT-6 names the same candidate. */
const sameCandidate = (c: CancellationCandidateView, ground: string, groundFrom: IsoDate): boolean =>
  c.ground === ground && (c.from === groundFrom || c.strictFrom === groundFrom);

/** CAN-3: a candidate holding at D that no open detection in the log names yet. */
const detections = (status: ResidentStatus, logged: Map<string, Logged>, residentId: string): ClockEvent[] =>
  status.cancellationGrounds
    .filter((c) => c.state === 'candidate' && isOnOrBefore(c.from, status.asOf))
    .filter((c) => ![...logged.values()].some((l) => isOpen(l) && sameCandidate(c, l.ground, l.groundFrom)))
    .map((c): ClockEvent => {
      const data: Detection = {
        residentId, ground: c.ground, groundFrom: c.from, clockStartedOn: c.clockStartedOn, nominalDeadline: c.day90.nominal,
        effectiveDeadline: c.day90.effective, ...(c.likelyJustification === null ? {} : { likelyJustification: c.likelyJustification }),
        asOf: status.asOf,
      };
      const occurrence = (logged.get(candidateKey(c.ground, c.from))?.detected ?? 0) + 1;
      return { key: occurrenceKey(`ground-detected/${c.ground}/${c.from}`, occurrence), on: c.from, event: { type: 'CancellationGroundDetected', data } };
    });

/**
 * Why a detected candidate is gone from the status at D: the move-out was withdrawn by the
 * municipality (CAN-3 (ix), Art. 61-8-2); a notification filed by the effective day 90 reached the
 * register after the detection (MUNI-3: timeliness is judged on the filing date); the person no longer
 * holds a status (REG-3); otherwise a correction moved or removed the clock.
 */
const vanishedReason = (facts: readonly Fact[], status: ResidentStatus, d: Detection): WithdrawalReason => {
  const history = residenceHistoryOf(facts);
  const leftOn = d.clockStartedOn;
  const moveOutWithdrawn = history.facts.withdrawn.some(({ fact }) => fact.kind === 'vacated' && fact.movedOutOn === leftOn);
  if (d.ground === 'ix' && moveOutWithdrawn && !history.moveOuts.some((m) => m.vacated.movedOutOn === leftOn)) return 'record-restored';
  const answeredInTime = history.facts.current.some(
    (f) => f.kind === 'notified' && isOnOrBefore(f.notifiedOn, d.effectiveDeadline) && isOnOrAfter(d.ground === 'viii' ? f.notifiedOn : f.movedInOn, leftOn),
  );
  if (answeredInTime) return 'notified-in-time-relayed-late';
  return status.stay.kind === 'status' ? 'correction' : 'moot';
};

/**
 * Decision 7: one withdrawal for every open detection whose candidate no longer holds at D. A detection
 * from after D (the log was brought to a later date) is not judged by a tick as of D.
 */
const withdrawals = (facts: readonly Fact[], status: ResidentStatus, logged: Map<string, Logged>, residentId: string): ClockEvent[] =>
  [...logged.values()].filter(isOpen).filter((l) => isOnOrBefore(l.groundFrom, status.asOf)).flatMap((l): ClockEvent[] => {
    const now = status.cancellationGrounds.find((c) => sameCandidate(c, l.ground, l.groundFrom));
    if (now?.state === 'candidate') return [];
    // Reading #7: an officer's justifiable-reason decision withdraws; REG-3: a lost status makes it moot.
    const reason: WithdrawalReason =
      now?.state === 'withdrawn' ? 'justifiable-reason' : now?.state === 'moot' ? 'moot' : vanishedReason(facts, status, l.detection);
    const data = { residentId, ground: l.ground, groundFrom: l.groundFrom, reason };
    const key = occurrenceKey(`ground-withdrawn/${l.ground}/${l.groundFrom}`, l.withdrawn + 1);
    return [{ key, on: l.groundFrom, event: { type: 'CancellationGroundWithdrawn', data } }];
  });

/** CAN-3, decision 7: detections of the candidates that arose and withdrawals of those a later fact removed. */
export const groundClockEvents = (facts: readonly Fact[], status: ResidentStatus, residentId: string): ClockEvent[] => {
  const logged = loggedGrounds(facts);
  return [...detections(status, logged, residentId), ...withdrawals(facts, status, logged, residentId)];
};
