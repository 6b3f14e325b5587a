import type { ResidentEvent } from '../../../../events/catalogue.js';
import type { CommandOf } from '../commands.js';
import { DomainError } from '../errors.js';
import type { Resident } from '../resident.js';
import { registered, requireMltr, sameData, stillAForeignResident, type Registered } from './guards.js';

type CardIssueCommand = CommandOf<'IssueResidenceCard'> | CommandOf<'ReissueResidenceCard'> | CommandOf<'RenewResidenceCard'>;
const CARD_ISSUES = new Set(['ResidenceCardIssued', 'ResidenceCardReissued', 'ResidenceCardRenewed']);

const issuedCards = (state: Registered): { readonly cardNumber: string; readonly type: string; readonly data: unknown }[] =>
  state.facts.flatMap(({ event }) =>
    CARD_ISSUES.has(event.type) && 'cardNumber' in event.data ? [{ cardNumber: event.data.cardNumber, type: event.type, data: event.data }] : [],
  );

/** Art. 19-4(2): every issue has a new number; the same issue recorded again changes nothing. */
const checkNewNumber = (state: Registered, type: string, data: { readonly cardNumber: string }): 'new' | 'replay' => {
  const existing = issuedCards(state).find((c) => c.cardNumber === data.cardNumber);
  if (existing === undefined) return 'new';
  if (existing.type === type && sameData(existing.data, data)) return 'replay';
  throw new DomainError('CARD_NUMBER_ALREADY_ISSUED', `card number ${data.cardNumber} was already issued (Art. 19-4(2): a new number for every issue)`);
};

/** Arts. 19-3, 19-6 and the issuing articles of CARD-3: cards are issued to mid-to-long-term residents only. */
const issue = (command: CardIssueCommand, state: Resident, eventType: ResidentEvent['type']): Registered | 'replay' => {
  const resident = registered(state, command.data.residentId);
  if (checkNewNumber(resident, eventType, command.data) === 'replay') return 'replay';
  stillAForeignResident(resident, command.data.issuedOn);
  requireMltrForCard(resident, command.data.issuedOn);
  return resident;
};

const requireMltrForCard = (resident: Registered, on: string): void => {
  try {
    requireMltr(resident, on, 'residence card');
  } catch (error) {
    if (error instanceof DomainError && error.code === 'NOT_A_MID_TO_LONG_TERM_RESIDENT')
      throw new DomainError('NOT_ELIGIBLE_FOR_RESIDENCE_CARD', `${error.message}; no residence card is issued`);
    throw error;
  }
};

export const issueResidenceCard = (command: CommandOf<'IssueResidenceCard'>, state: Resident): ResidentEvent[] =>
  issue(command, state, 'ResidenceCardIssued') === 'replay' ? [] : [{ type: 'ResidenceCardIssued', data: command.data }];

export const reissueResidenceCard = (command: CommandOf<'ReissueResidenceCard'>, state: Resident): ResidentEvent[] =>
  issue(command, state, 'ResidenceCardReissued') === 'replay' ? [] : [{ type: 'ResidenceCardReissued', data: command.data }];

/** NOTIF-5, Art. 19-11(1): renewal is for cards whose validity is not the period-of-stay expiry. */
export const renewResidenceCard = (command: CommandOf<'RenewResidenceCard'>, state: Resident): ResidentEvent[] => {
  const resident = issue(command, state, 'ResidenceCardRenewed');
  if (resident === 'replay') return [];
  const current = requireMltr(resident, command.data.issuedOn, 'card renewal').card;
  if (current !== null && current.validityBasis === '19-5(1)(iii)')
    throw new DomainError('RENEWAL_NOT_APPLICABLE', `card ${current.cardNumber} is valid until the period of stay expires; it is renewed by an extension (Art. 19-11(1))`);
  return [{ type: 'ResidenceCardRenewed', data: command.data }];
};

const requireOwnCard = (state: Registered, cardNumber: string): void => {
  if (!issuedCards(state).some((c) => c.cardNumber === cardNumber))
    throw new DomainError('UNKNOWN_CARD', `card ${cardNumber} was not issued to resident ${state.residentId}`);
};

/** Art. 19-13(2): the order concerns the holder's card. */
export const orderCardReissue = ({ data }: CommandOf<'OrderCardReissue'>, state: Resident): ResidentEvent[] => {
  const resident = registered(state, data.residentId);
  stillAForeignResident(resident, data.orderReceivedOn);
  requireOwnCard(resident, data.cardNumber);
  return [{ type: 'ResidenceCardReissueOrdered', data }];
};

/** Art. 19-12(1): loss, theft or destruction of the holder's card. */
export const reportCardLost = ({ data }: CommandOf<'ReportCardLost'>, state: Resident): ResidentEvent[] => {
  const resident = registered(state, data.residentId);
  stillAForeignResident(resident, data.learnedOn);
  requireOwnCard(resident, data.cardNumber);
  return [{ type: 'ResidenceCardReportedLost', data }];
};

/** Art. 19-15(3), (4): a found card is returned, also after a death (by relatives). */
export const recordCardFound = ({ data }: CommandOf<'RecordCardFound'>, state: Resident): ResidentEvent[] => {
  requireOwnCard(registered(state, data.residentId), data.cardNumber);
  return [{ type: 'ResidenceCardFound', data }];
};

/** Art. 19-15: a card is returned by the holder, or after a death by relatives or cohabitants. */
export const recordCardReturned = ({ data }: CommandOf<'RecordCardReturned'>, state: Resident): ResidentEvent[] => {
  requireOwnCard(registered(state, data.residentId), data.cardNumber);
  return [{ type: 'ResidenceCardReturned', data }];
};
