/** Why the law or the resident's record does not allow a command. Codes are stable API values. */
export type DomainErrorCode =
  | 'UNKNOWN_RESIDENT' // no record of the person
  | 'RESIDENT_ALREADY_REGISTERED' // a new person's record cannot be opened twice
  | 'RESIDENT_DECEASED' // 19-14(vi): nothing more is recorded after a death but the card's return
  | 'NO_LONGER_A_FOREIGN_NATIONAL' // Art. 2(ii): naturalised
  | 'ALREADY_HOLDS_STATUS' // a landing or acquisition for a person who holds a status in Japan
  | 'NO_STATUS_HELD' // a change, extension, PR, hearing or cancellation needs a status (Arts. 20, 21, 22, 22-4)
  | 'EXTENSION_CHANGES_STATUS' // Art. 21(1): an extension keeps the status
  | 'CHANGE_TO_HSP_II_REQUIRES_HSP_I' // Art. 20-2(1)
  | 'NOT_A_MID_TO_LONG_TERM_RESIDENT' // Art. 19-3: card, address, identity duties are MLTRs'
  | 'NOT_ELIGIBLE_FOR_RESIDENCE_CARD' // Art. 19-3, 19-6: no card for non-MLTRs
  | 'CARD_NUMBER_ALREADY_ISSUED' // Art. 19-4(2): a new number for every issue
  | 'UNKNOWN_CARD' // the card is not this resident's
  | 'RENEWAL_NOT_APPLICABLE' // Art. 19-11(1): only cards not valid until the period expiry
  | 'DUPLICATE_RELAY_ID' // a relay id already recorded with other content
  | 'UNKNOWN_RELAY' // a correction of a relay the register does not hold
  | 'NOT_A_SPECIFIED_SKILLED_WORKER' // Art. 19-18
  | 'APPLICATION_ALREADY_FILED'
  | 'UNKNOWN_APPLICATION'
  | 'APPLICATION_ALREADY_DECIDED'
  | 'ALREADY_ABROAD' // a departure while abroad
  | 'NOT_ABROAD' // a re-entry without a departure on a (deemed) re-entry permit
  | 'REENTRY_DOES_NOT_MATCH_DEPARTURE' // re-entry under another permit than the departure's
  | 'REENTRY_PERMIT_EXPIRED' // Art. 26, 26-2: the permit's validity has passed
  | 'UNKNOWN_REENTRY_PERMIT'
  | 'REENTRY_PERMIT_TOO_LONG' // Art. 26(3) 5 years, 26(5), (6) 1 year / 6 years
  | 'SPECIAL_REENTRY_NOT_AVAILABLE' // Art. 26-2(1) and ordinance
  | 'DEEMED_REENTRY_PERMIT_NOT_EXTENDABLE' // Art. 26-2(3)
  | 'HEARING_NOTICE_REQUIRED' // Art. 22-4(2), (3)
  | 'DATE_BEFORE_BIRTH'; // a legal date before the person was born

/** A command the law or the state does not allow; no transport code here (the adapters map it). */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
  }
}
