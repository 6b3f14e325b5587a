import type { AddressView, CardView, ObligationView, ResidentStatus, StayView } from '../../register/domain/status-types.js';
import { SUBJECT, type Subject } from './subject.js';

/**
 * ResidentStatus (the one status function's answer) in the shape of the GraphQL `Resident` type.
 * Enum fields keep their domain values; the enum maps (enums.ts) name them for the wire.
 */

const presentStay = (stay: StayView) => {
  switch (stay.kind) {
    case 'none':
      return { kind: stay.kind };
    case 'without-status':
      return { kind: stay.kind, bornOn: stay.bornOn, lawfulUntil: stay.lawfulUntil, applicationPending: stay.applicationPending };
    case 'status':
      return {
        kind: stay.kind, statusOfResidence: stay.status, attributes: stay.attributes, periodOfStay: stay.periodOfStay,
        expiresOn: stay.expiresOn, grantedOn: stay.grantedOn, grantedVia: stay.grantedVia, specialPeriod: stay.specialPeriod,
      };
    case 'ended':
      return { kind: stay.kind, endReason: stay.reason, endedOn: stay.since, departBy: stay.departBy, deportable: stay.deportable };
  }
};

export const presentCard = (card: CardView) => ({ ...card, number: card.cardNumber });

const presentAddress = (address: AddressView | null) => {
  if (address === null) return null;
  if (address.state === 'vacated') return { state: address.state, municipalityCode: address.municipalityCode, since: address.since };
  const { municipalityCode, line, postalCode } = address.address;
  const notifiedOn = address.state === 'notified' ? address.notifiedOn : null;
  return { state: address.state, municipalityCode, line, postalCode: postalCode ?? null, since: address.since, notifiedOn, relayId: address.relayId };
};

const presentObligation = (obligation: ObligationView) => ({
  ...obligation, responsible: obligation.responsible ?? null, penalty: obligation.penalty ?? null,
});

/** The `Resident` object for one person's status, marked with the person's id for the audit. */
export const presentResident = (residentId: string, status: ResidentStatus) => ({
  [SUBJECT]: residentId,
  id: residentId,
  asOf: status.asOf,
  knownAt: status.knownAt,
  particulars: status.particulars,
  midToLongTermResident: status.midToLongTermResident,
  stay: presentStay(status.stay),
  card: status.card === null ? null : presentCard(status.card),
  cards: status.cards.map(presentCard),
  address: presentAddress(status.address),
  affiliation: status.affiliation,
  travel: status.travel,
  obligations: status.obligations.map(presentObligation),
  cancellationGrounds: status.cancellationGrounds,
  watches: status.watches,
  hints: status.hints,
  anomalies: status.anomalies,
}) satisfies Subject & Readonly<Record<string, unknown>>;

export type ResidentNode = ReturnType<typeof presentResident>;
