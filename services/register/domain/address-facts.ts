import type { AddressCorrection, VacatedReason } from '../../../events/residence-address.js';
import type { ResidentRecordEntryReason } from '../../../events/resident-record.js';
import type { Address, Instant, IsoDate, MunicipalityCode } from '../../../events/values.js';
import { factsOf, type Fact } from './facts.js';
import { instantMillis } from './rules/calendar.js';

/**
 * MUNI-2, MUNI-3: the residence facts the municipalities relayed (Arts. 19-7 to 19-9, 61-8-2), with
 * every municipal correction present in the (knowledge-filtered) facts applied in valid time.
 */

interface Tracked {
  readonly revision: number;
  readonly recordedAt: Instant;
  /** Transaction time of the latest correction applied to the relay, if any. */
  readonly correctedAt: Instant | null;
}

/** A residence notification (ResidenceAddressNotified). */
export interface NotifiedFact extends Tracked {
  readonly kind: 'notified';
  readonly relayId: string;
  readonly address: Address;
  readonly movedInOn: IsoDate;
  readonly notifiedOn: IsoDate;
  /** The filing day as first relayed, before any amendment. */
  readonly originalNotifiedOn: IsoDate;
}

/** A resident-record entry without a notification (ResidentRecordEntered). */
export interface RecordedFact extends Tracked {
  readonly kind: 'recorded';
  readonly relayId: string;
  readonly address: Address;
  readonly establishedOn: IsoDate;
  readonly enteredOn: IsoDate;
  readonly reason: ResidentRecordEntryReason;
}

/** A move-out (ResidenceAddressVacated). */
export interface VacatedFact extends Tracked {
  readonly kind: 'vacated';
  readonly relayId: string | undefined;
  readonly municipalityCode: MunicipalityCode;
  readonly movedOutOn: IsoDate;
  readonly reason: VacatedReason;
}

export type ResidenceFact = NotifiedFact | RecordedFact;
export type AddressFact = ResidenceFact | VacatedFact;

export interface AddressFacts {
  /** The facts in force after corrections, in stream order. */
  readonly current: readonly AddressFact[];
  /** Facts a correction withdrew, with the transaction time of the withdrawal. */
  readonly withdrawn: readonly { readonly fact: AddressFact; readonly withdrawnAt: Instant }[];
  /** Corrections naming a relay the register does not know (MUNI-3: held until it arrives). */
  readonly unmatchedCorrections: readonly { readonly correctsRelayId: string; readonly correctedOn: IsoDate }[];
}


/** DT-8, Art. 61-8-2: the latest of some transaction times (when the register could first know a fact). */
export const latestInstant = (first: Instant, ...rest: readonly Instant[]): Instant =>
  rest.reduce((latest, instant) => (instantMillis(instant) > instantMillis(latest) ? instant : latest), first);

const relayed = (facts: readonly Fact[]): AddressFact[] => [
  ...factsOf(facts, 'ResidenceAddressNotified').map(({ event: { data }, revision, recordedAt }): AddressFact => ({
    kind: 'notified', relayId: data.relayId, address: data.address, movedInOn: data.movedInOn, notifiedOn: data.notifiedOn,
    originalNotifiedOn: data.notifiedOn, revision, recordedAt, correctedAt: null,
  })),
  ...factsOf(facts, 'ResidentRecordEntered').map(({ event: { data }, revision, recordedAt }): AddressFact => ({
    kind: 'recorded', relayId: data.relayId, address: data.address, establishedOn: data.residenceEstablishedOn,
    enteredOn: data.enteredOn, reason: data.reason, revision, recordedAt, correctedAt: null,
  })),
  ...factsOf(facts, 'ResidenceAddressVacated').map(({ event: { data }, revision, recordedAt }): AddressFact => ({
    kind: 'vacated', relayId: data.relayId, municipalityCode: data.municipalityCode, movedOutOn: data.movedOutOn,
    reason: data.reason, revision, recordedAt, correctedAt: null,
  })),
];

type Amendment = Extract<AddressCorrection, { kind: 'amended' }>;

/** MUNI-3: an amendment replaces the corrected relay's fields in valid time. */
const amend = (fact: AddressFact, change: Amendment, correctedAt: Instant): AddressFact => {
  switch (fact.kind) {
    case 'notified':
      return {
        ...fact, correctedAt, address: change.address ?? fact.address, movedInOn: change.movedInOn ?? fact.movedInOn,
        notifiedOn: change.notifiedOn ?? fact.notifiedOn,
      };
    case 'recorded':
      return { ...fact, correctedAt, address: change.address ?? fact.address, establishedOn: change.movedInOn ?? fact.establishedOn };
    case 'vacated':
      return { ...fact, correctedAt, movedOutOn: change.movedOutOn ?? fact.movedOutOn };
  }
};

/** MUNI-3, Art. 61-8-2: the address facts with the corrections present applied, in stream order. */
export const addressFactsOf = (facts: readonly Fact[]): AddressFacts => {
  const corrections = factsOf(facts, 'ResidenceAddressCorrected');
  const base = relayed(facts).sort((a, b) => a.revision - b.revision);
  const current: AddressFact[] = [];
  const withdrawn: { fact: AddressFact; withdrawnAt: Instant }[] = [];
  for (const fact of base) {
    let corrected: AddressFact | null = fact;
    for (const { event, recordedAt } of corrections.filter((c) => c.event.data.correctsRelayId === fact.relayId)) {
      if (corrected === null) break;
      const { correction } = event.data;
      if (correction.kind === 'withdrawn') withdrawn.push({ fact: corrected, withdrawnAt: recordedAt });
      corrected = correction.kind === 'withdrawn' ? null : amend(corrected, correction, recordedAt);
    }
    if (corrected !== null) current.push(corrected);
  }
  const known = new Set(base.map((f) => f.relayId));
  const unmatchedCorrections = corrections
    .filter((c) => !known.has(c.event.data.correctsRelayId))
    .map((c) => ({ correctsRelayId: c.event.data.correctsRelayId, correctedOn: c.event.data.correctedOn }));
  return { current, withdrawn, unmatchedCorrections };
};
