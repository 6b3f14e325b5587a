import type { CardIssueReason } from '../../../events/residence-card.js';
import { isoOf, periodEnd, sixteenthBirthday, type Day } from './days.js';
import { nextCardNumber, record, under16On, type Held, type Story } from './story.js';

/** CARD-4, Art. 19-5(1): what the card prints, and whether a renewal under 19-11 will be due. */
export const cardValidity = (story: Story, held: Held, issuedOn: Day, renewal: boolean): { validUntil: Day; renewable: boolean } => {
  const sixteenOrRenewal = !under16On(story, issuedOn) || renewal;
  const indefinite = held.status === 'permanent-resident' || held.status === 'highly-skilled-professional-ii';
  // 19-5(1)(i): seven years counted from the issue date, the issue date included (reading #2, DT-5).
  if (held.status === 'highly-skilled-professional-ii' || (held.status === 'permanent-resident' && sixteenOrRenewal))
    return { validUntil: periodEnd(issuedOn, 84, true), renewable: true };
  const birthday = sixteenthBirthday(story.born);
  if (indefinite || held.expiresOn === null) return { validUntil: birthday, renewable: true }; // 19-5(1)(ii)
  if (sixteenOrRenewal) return { validUntil: held.expiresOn, renewable: false }; // (iii)
  // (iv), reading #6: a 16th birthday on the expiry day counts as the expiry.
  return birthday < held.expiresOn ? { validUntil: birthday, renewable: true } : { validUntil: held.expiresOn, renewable: false };
};

/** NOTIF-5, Art. 19-11(1): renewal is applied for within 2 months (6 months under 16) before the end. */
const renewalDay = (story: Story, validUntil: Day): Day =>
  validUntil - (under16On(story, validUntil - 1) ? story.rng.int(30, 150) : story.rng.int(15, 55));

/** Takes a new card into the story and returns its number and printed validity. */
export const takeCard = (story: Story, held: Held, issuedOn: Day, renewal: boolean): { number: string; validUntil: Day } => {
  const number = nextCardNumber(story);
  const { validUntil, renewable } = cardValidity(story, held, issuedOn, renewal);
  story.card = { number, issuedOn, validUntil, renewOn: renewable ? renewalDay(story, validUntil) : null };
  return { number, validUntil };
};

export interface IssueOptions {
  readonly reason: CardIssueReason;
  readonly applicationId?: string | undefined;
  readonly online?: boolean;
  readonly recordOn?: Day;
}

/**
 * CARD-3: a card issued on a landing (19-6) or with a permission it notifies (20(4)(i), 22(3), 22-2).
 * After an online application the card is mailed (§15); its issue date is the grant's (reading #19).
 */
export const issueCard = (story: Story, held: Held, issuedOn: Day, options: IssueOptions): void => {
  const { number, validUntil } = takeCard(story, held, issuedOn, false);
  const online = options.online === true;
  record(story, {
    type: 'IssueResidenceCard',
    data: {
      residentId: story.residentId, cardNumber: number, issuedOn: isoOf(issuedOn), printedValidUntil: isoOf(validUntil),
      channel: online ? 'post' : 'counter', reason: options.reason,
      ...(options.applicationId === undefined ? {} : { applicationId: options.applicationId }),
    },
  }, options.recordOn ?? issuedOn);
};
