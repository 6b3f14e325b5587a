import type { IsoDate } from '../../../../events/values.js';
import type { StatusOfResidence } from '../../../../events/status-of-residence.js';
import { isBefore } from './calendar.js';
import { isUnder16On, sixteenthBirthday } from './age.js';
import { periodEndInYears } from './periods.js';
import type { SpecialPeriod } from './special-period.js';

/** CARD-4 and CARD-5: statutory validity of a residence card (Art. 19-5). */

/** Why a card was issued (CARD-3); only 'validity-renewal' (19-11(3)) changes the 19-5 outcome. */
export type CardIssueReason =
  | 'landing'
  | 'change-of-status'
  | 'extension'
  | 'permanent-residence'
  | 'acquisition'
  | 'special-permission'
  | 'refugee-permission'
  | 'identity-change'
  | 'validity-renewal'
  | 'reissue-loss'
  | 'reissue-damage';

export type CardValidityBasis = '19-5(1)(i)' | '19-5(1)(ii)' | '19-5(1)(iii)' | '19-5(1)(iv)';

/** What the validity end is tied to; only 'period-expiry' cards follow the special period (19-5(2)). */
export type CardValidityEnd = 'seven-years' | 'sixteenth-birthday' | 'period-expiry';

export interface CardValidity {
  readonly validUntil: IsoDate;
  readonly basis: CardValidityBasis;
  readonly endsOn: CardValidityEnd;
  readonly extendableBySpecialPeriod: boolean;
}

export interface CardIssue {
  readonly issuedOn: IsoDate;
  readonly dateOfBirth: IsoDate;
  readonly status: StatusOfResidence;
  /** Period-of-stay expiry; null only for the indefinite statuses (PR, HSP (ii)). */
  readonly periodExpiresOn: IsoDate | null;
  readonly reason: CardIssueReason;
}

const validity = (validUntil: IsoDate, basis: CardValidityBasis, endsOn: CardValidityEnd): CardValidity => ({
  validUntil,
  basis,
  endsOn,
  extendableBySpecialPeriod: endsOn === 'period-expiry',
});

/** CARD-4 (i), reading #2: 7 years counted from (and including) the issue date = issue + 7 y − 1 d (DT-3, DT-4). */
export const sevenYearValidityEnd = (issuedOn: IsoDate): IsoDate => periodEndInYears(issuedOn, 7, { includeFirstDay: true });

const requireExpiry = ({ periodExpiresOn, status }: CardIssue): IsoDate => {
  if (periodExpiresOn === null) throw new RangeError(`status ${status} needs a period-of-stay expiry (Art. 19-5(1)(iii),(iv))`);
  return periodExpiresOn;
};

/** CARD-4, Art. 19-5(1): statutory validity end of a card from its issue facts (renewal cards skip (ii)/(iv)). */
export const statutoryCardValidity = (issue: CardIssue): CardValidity => {
  const { issuedOn, dateOfBirth, status, reason } = issue;
  const sixteenOrRenewal = !isUnder16On(dateOfBirth, issuedOn) || reason === 'validity-renewal';
  if (status === 'highly-skilled-professional-ii' || (status === 'permanent-resident' && sixteenOrRenewal))
    return validity(sevenYearValidityEnd(issuedOn), '19-5(1)(i)', 'seven-years');
  if (status === 'permanent-resident') return validity(sixteenthBirthday(dateOfBirth), '19-5(1)(ii)', 'sixteenth-birthday');
  const expiry = requireExpiry(issue);
  if (sixteenOrRenewal) return validity(expiry, '19-5(1)(iii)', 'period-expiry');
  const birthday = sixteenthBirthday(dateOfBirth);
  // Reading #6: a 16th birthday equal to the expiry counts as the period expiry (extendable, no renewal duty).
  if (isBefore(birthday, expiry)) return validity(birthday, '19-5(1)(iv)', 'sixteenth-birthday');
  return validity(expiry, '19-5(1)(iv)', 'period-expiry');
};

/**
 * CARD-5, Art. 19-5(2): a card valid until the period expiry stays valid while the 20(6) special
 * period runs; a 7-year or 16th-birthday card is not extended. When the special period ends by a
 * disposition, the card lapses at that moment of `lastDay` (19-14(i) or (v) then applies).
 */
export const cardValidUntilWithSpecialPeriod = (card: CardValidity, specialPeriod: SpecialPeriod | null): IsoDate =>
  card.extendableBySpecialPeriod && specialPeriod !== null && isBefore(card.validUntil, specialPeriod.lastDay)
    ? specialPeriod.lastDay
    : card.validUntil;

/** NOTIF-5, Art. 19-11(1): a renewal duty exists only when the validity is not the period expiry. */
export const requiresValidityRenewal = (card: CardValidity): boolean => card.endsOn !== 'period-expiry';
