import type { PersonalParticulars } from '../../events/values.js';
import type { ReadModels } from '../projections/read-models/types.js';
import type { Relay } from './relay-schema.js';

/**
 * The person as the register knew them on a legal date and as it knows them today: a relay carries
 * the particulars of its filing day, so a late relay after a change of name (Art. 19-10) still matches.
 */
export type ParticularsLookup = (residentId: string, on: string | undefined) => Promise<readonly PersonalParticulars[]>;

/** Why a valid relay cannot be tied to a resident yet: it is quarantined with this reason. */
export interface QuarantineReason {
  readonly code: string;
  readonly detail: string;
}

export type Match =
  | { readonly kind: 'matched'; readonly residentId: string }
  | { readonly kind: 'unmatched'; readonly reason: QuarantineReason };

const unmatched = (code: string, detail: string): Match => ({ kind: 'unmatched', reason: { code, detail } });

/** The legal date on which the card must have been the resident's current one. */
const relayDateOf = (relay: Relay): string | undefined => {
  if (relay.type === 'resident-record-deletion') return relay.movedOutOn < relay.notifiedOn ? relay.movedOutOn : relay.notifiedOn;
  // A correction names a relay already tied to the resident: the card only identifies them.
  if (relay.type === 'resident-record-correction') return undefined;
  return relay.notifiedOn;
};

/** Names compare as the same person's written the same way: width, case and spacing ignored. */
const normalName = (name: string): string => name.normalize('NFKC').toUpperCase().replace(/\s+/g, ' ').trim();

const mismatchesWith = (relay: Relay, particulars: PersonalParticulars): string[] =>
  [
    normalName(particulars.name) === normalName(relay.name) ? [] : ['name'],
    particulars.dateOfBirth === relay.dateOfBirth ? [] : ['dateOfBirth'],
    particulars.nationality === relay.nationality ? [] : ['nationality'],
  ].flat();

/** Undefined when the register has no particulars of the resident; else the fields that differ from the closest known version. */
const identityMismatches = (relay: Relay, known: readonly PersonalParticulars[]): string[] | undefined => {
  const candidates = known.map((p) => mismatchesWith(relay, p)).sort((a, b) => a.length - b.length);
  return candidates[0];
};

/**
 * Card number → resident through the card index (issue #5): the card must be known, must have been
 * the resident's current card on the relay's legal date (Art. 19-14: a card loses effect when a new
 * one is issued or its validity ends), and the person must be the one the register knows — as of
 * the relay's legal date or today (INFO-1: particulars change under Art. 19-10).
 */
export const matchRelay = async (relay: Relay, readModels: ReadModels, particularsOf: ParticularsLookup): Promise<Match> => {
  if (relay.cardNumber === undefined) return unmatched('NO_CARD_NUMBER', 'the relay carries no card number; an officer must identify the person');
  const card = readModels.card(relay.cardNumber);
  if (card === null) return unmatched('UNKNOWN_CARD', `the register knows no residence card ${relay.cardNumber} (yet)`);
  const on = relayDateOf(relay);
  if (on !== undefined && (card.issuedOn > on || card.validUntil < on || (card.invalidSince !== null && card.invalidSince <= on)))
    return unmatched('CARD_NOT_CURRENT', `card ${relay.cardNumber} was not the resident's current card on ${on} (issued ${card.issuedOn}, valid until ${card.validUntil}${card.invalidSince === null ? '' : `, invalid since ${card.invalidSince}`})`);
  const mismatches = identityMismatches(relay, await particularsOf(card.residentId, on));
  if (mismatches === undefined) return unmatched('RESIDENT_NOT_PROJECTED', `resident ${card.residentId} has no particulars in the register yet`);
  if (mismatches.length > 0) return unmatched('IDENTITY_MISMATCH', `${mismatches.join(', ')} differ from the particulars of the card's holder`);
  return { kind: 'matched', residentId: card.residentId };
};
