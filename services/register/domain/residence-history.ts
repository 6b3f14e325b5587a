import type { IsoDate, MunicipalityCode } from '../../../events/values.js';
import { addressFactsOf, type AddressFact, type AddressFacts, type NotifiedFact, type ResidenceFact, type VacatedFact } from './address-facts.js';
import type { Fact } from './facts.js';
import { isBefore, isOnOrBefore } from './rules/calendar.js';

/**
 * MUNI-3, NOTIF-1 to NOTIF-3, CAN-3: the person's residences in valid time, walked from the corrected
 * address facts by their legal dates (moved-in / established / moved-out), never by arrival order.
 */

export interface Residence {
  /** Position in the walk: residences are ordered by the day they began. */
  readonly index: number;
  /** The day the residence was established (moved-in date of its first fact). */
  readonly since: IsoDate;
  readonly municipalityCode: MunicipalityCode;
  /** Every relay about this residence (entries and notifications), by legal date. */
  readonly facts: readonly ResidenceFact[];
  /** The day the person left it: a move-out or the move into the next residence. */
  readonly endedOn: IsoDate | null;
  /** The move-out relay that ended it, when one did. */
  readonly vacated: VacatedFact | null;
}

export interface MoveOut {
  readonly vacated: VacatedFact;
  /** The residence left; null when the register knows no residence the move-out could end. */
  readonly left: Residence | null;
}

export interface ResidenceHistory {
  readonly facts: AddressFacts;
  readonly residences: readonly Residence[];
  readonly moveOuts: readonly MoveOut[];
}

/** NOTIF-1 to NOTIF-3, Arts. 19-7(1), 19-9(1): the day a residence fact says the residence began. */
export const establishedOn = (fact: ResidenceFact): IsoDate => (fact.kind === 'notified' ? fact.movedInOn : fact.establishedOn);

/** MUNI-3, Arts. 19-7(1), 61-8-2: the day the fact was filed at the municipality or entered in the resident record. */
export const filedOn = (fact: ResidenceFact): IsoDate => (fact.kind === 'notified' ? fact.notifiedOn : fact.enteredOn);

const validDate = (fact: AddressFact): IsoDate => (fact.kind === 'vacated' ? fact.movedOutOn : establishedOn(fact));

// Same legal date: a move-out first, then the record entry, then the notification of the new residence.
const RANK: Readonly<Record<AddressFact['kind'], number>> = { vacated: 0, recorded: 1, notified: 2 };

const byValidDate = (a: AddressFact, b: AddressFact): number =>
  validDate(a) < validDate(b) ? -1 : validDate(a) > validDate(b) ? 1 : RANK[a.kind] - RANK[b.kind] || a.revision - b.revision;

interface Draft {
  index: number;
  since: IsoDate;
  municipalityCode: MunicipalityCode;
  facts: ResidenceFact[];
  endedOn: IsoDate | null;
  vacated: VacatedFact | null;
}

/** Same residence: same municipality and the same address line or the same moved-in date. */
const sameResidence = (draft: Draft, fact: ResidenceFact): boolean =>
  draft.municipalityCode === fact.address.municipalityCode &&
  (draft.since === establishedOn(fact) || draft.facts.some((f) => f.address.line === fact.address.line));

/** A move-out relayed for the residence before the current one (the person already moved on). */
const staleMoveOut = (current: Draft, previous: Draft | null, vacated: VacatedFact): previous is Draft =>
  previous !== null && previous.vacated === null && current.municipalityCode !== vacated.municipalityCode &&
  previous.municipalityCode === vacated.municipalityCode;

const walk = (facts: readonly AddressFact[]): { residences: Draft[]; moveOuts: { vacated: VacatedFact; left: Draft | null }[] } => {
  const residences: Draft[] = [];
  const moveOuts: { vacated: VacatedFact; left: Draft | null }[] = [];
  let current: Draft | null = null;
  let previous: Draft | null = null;
  for (const fact of [...facts].sort(byValidDate)) {
    if (fact.kind === 'vacated') {
      const left: Draft | null = current === null ? null : staleMoveOut(current, previous, fact) ? previous : current;
      if (left !== null) left.vacated = fact;
      if (left !== null && left === current) {
        left.endedOn = fact.movedOutOn;
        previous = current;
        current = null;
      }
      moveOuts.push({ vacated: fact, left });
    } else if (current !== null && sameResidence(current, fact)) current.facts.push(fact);
    else {
      if (current !== null) current.endedOn = establishedOn(fact);
      previous = current;
      current = { index: residences.length, since: establishedOn(fact), municipalityCode: fact.address.municipalityCode, facts: [fact], endedOn: null, vacated: null };
      residences.push(current);
    }
  }
  return { residences, moveOuts };
};

const cache = new WeakMap<readonly Fact[], ResidenceHistory>();

/** MUNI-3, Art. 61-8-2, DT-8: the residence history of one knowledge-filtered fact set (computed once per query). */
export const residenceHistoryOf = (facts: readonly Fact[]): ResidenceHistory => {
  const cached = cache.get(facts);
  if (cached !== undefined) return cached;
  const addressFacts = addressFactsOf(facts);
  const history: ResidenceHistory = { facts: addressFacts, ...walk(addressFacts.current) };
  cache.set(facts, history);
  return history;
};

export type ResidenceOn =
  | { readonly kind: 'residing'; readonly residence: Residence }
  | { readonly kind: 'vacated'; readonly residence: Residence; readonly vacated: VacatedFact };

/** MUNI-3, Arts. 19-7(1), 22-4(1)(ix), DT-8: the residence at the end of `date` in valid time, or the move-out that ended it. */
export const residenceOn = (history: ResidenceHistory, date: IsoDate): ResidenceOn | null => {
  const residence = history.residences.filter((r) => isOnOrBefore(r.since, date)).at(-1);
  if (residence === undefined) return null;
  const { vacated } = residence;
  if (vacated !== null && residence.endedOn === vacated.movedOutOn && isOnOrBefore(vacated.movedOutOn, date))
    return { kind: 'vacated', residence, vacated };
  return { kind: 'residing', residence };
};

/** NOTIF-1 to NOTIF-3, Arts. 19-7 to 19-9: the residence's notifications filed by the end of `date`, earliest first. */
export const notificationsBy = (residence: Residence, date: IsoDate): NotifiedFact[] =>
  residence.facts
    .filter((f): f is NotifiedFact => f.kind === 'notified' && isOnOrBefore(f.notifiedOn, date))
    .sort((a, b) => (isBefore(a.notifiedOn, b.notifiedOn) ? -1 : a.notifiedOn === b.notifiedOn ? a.revision - b.revision : 1));

/** NOTIF-1 to NOTIF-3, Arts. 19-7 to 19-9, MUNI-3: every notification in force after corrections, earliest filing first. */
export const allNotifications = (history: ResidenceHistory): NotifiedFact[] =>
  history.facts.current
    .filter((f): f is NotifiedFact => f.kind === 'notified')
    .sort((a, b) => (isBefore(a.notifiedOn, b.notifiedOn) ? -1 : a.notifiedOn === b.notifiedOn ? a.revision - b.revision : 1));
