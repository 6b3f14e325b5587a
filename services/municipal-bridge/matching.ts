import { v5 as uuidv5 } from 'uuid';
import type { PersonalParticulars } from '../../events/values.js';
import { normalName } from '../projections/read-models/identity-index.js';
import type { ReadModels } from '../projections/read-models/types.js';
import { relayKey, type Relay } from './relay-schema.js';

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
  /** A birth the register does not know yet: the entry opens the child's record under this id. */
  | { readonly kind: 'opens'; readonly residentId: string }
  | { readonly kind: 'unmatched'; readonly reason: QuarantineReason };

const unmatched = (code: string, detail: string): Match => ({ kind: 'unmatched', reason: { code, detail } });

/** The legal date on which the card must have been the resident's current one. */
const relayDateOf = (relay: Relay): string | undefined => {
  if (relay.type === 'resident-record-deletion') return relay.movedOutOn < relay.notifiedOn ? relay.movedOutOn : relay.notifiedOn;
  // A correction names a relay already tied to the resident: the card only identifies them.
  if (relay.type === 'resident-record-correction') return undefined;
  return relay.notifiedOn;
};

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

/** Namespace of the ids of records opened by a birth relay (UUID v5 of the relay key): a resend opens nothing new. */
const NEWBORN_NAMESPACE = '5b0f7c52-8a4e-4f0e-9d55-61a8a2f3c0b7';
export const newbornResidentId = (relay: Relay): string => uuidv5(`newborn/${relayKey(relay)}`, NEWBORN_NAMESPACE);

/**
 * A resident-record entry without a card is tied by name, date of birth and nationality, only when
 * exactly one resident has them. A birth in Japan nobody has recorded yet opens the child's record:
 * the child stays without status for 60 days and must apply within 30 (Art. 22-2(1), (2)), clocks
 * the register keeps from this entry (MUNI-2, APP-5). Any other entry without a card waits in the
 * quarantine (the sweep retries it); when several residents share the particulars an officer decides.
 */
const matchWithoutCard = (relay: Relay, readModels: ReadModels): Match => {
  const found = readModels.residentsByIdentity(relay, 2);
  const [only] = found;
  if (only === undefined && relay.type === 'resident-record-entry' && relay.entryReason === 'birth')
    return { kind: 'opens', residentId: newbornResidentId(relay) };
  if (only === undefined)
    return unmatched('NO_CARD_NUMBER', 'no card number, and no resident with this name, date of birth and nationality (yet): kept until the status is granted (Art. 22-2) or an officer identifies the person');
  if (found.length > 1)
    return unmatched('AMBIGUOUS_IDENTITY', 'no card number, and several residents have this name, date of birth and nationality: an officer must identify the person');
  return { kind: 'matched', residentId: only };
};

/**
 * Card number → resident through the card index (issue #5): the card must be known, must have been
 * the resident's current card on the relay's legal date (Art. 19-14: a card loses effect when a new
 * one is issued or its validity ends), and the person must be the one the register knows — as of
 * the relay's legal date or today (INFO-1: particulars change under Art. 19-10).
 */
export const matchRelay = async (relay: Relay, readModels: ReadModels, particularsOf: ParticularsLookup): Promise<Match> => {
  if (relay.cardNumber === undefined) return matchWithoutCard(relay, readModels);
  const card = readModels.card(relay.cardNumber);
  if (card === null) return unmatched('UNKNOWN_CARD', `the register knows no residence card ${relay.cardNumber} (yet)`);
  const on = relayDateOf(relay);
  if (on !== undefined && (card.issuedOn > on || card.validUntil < on || (card.invalidSince !== null && card.invalidSince <= on)))
    return unmatched('CARD_NOT_CURRENT', `card ${relay.cardNumber} was not the resident's current card on ${on} (issued ${card.issuedOn}, valid until ${card.validUntil}${card.invalidSince === null ? '' : `, invalid since ${card.invalidSince}`})`);
  // The status view's current particulars settle the common case without reading the log.
  const current = readModels.statusOf(card.residentId)?.status.particulars;
  const quick = current === undefined || current === null ? undefined : identityMismatches(relay, [current]);
  const mismatches = quick !== undefined && quick.length === 0 ? quick : identityMismatches(relay, await particularsOf(card.residentId, on));
  if (mismatches === undefined) return unmatched('RESIDENT_NOT_PROJECTED', `resident ${card.residentId} has no particulars in the register yet`);
  if (mismatches.length > 0) return unmatched('IDENTITY_MISMATCH', `${mismatches.join(', ')} differ from the particulars of the card's holder`);
  return { kind: 'matched', residentId: card.residentId };
};
