import type { CardIssueReason as EventIssueReason } from '../../../events/residence-card.js';
import type { IsoDate } from '../../../events/values.js';
import { newCardDuties, returnDuties } from './card-duties.js';
import { invalidityAt } from './card-invalidity.js';
import { byDateThenRevision, factsOf, type Fact } from './facts.js';
import { oncePer } from './memo.js';
import { isAfter, isOnOrBefore, minDate } from './rules/calendar.js';
import { cardValidUntilWithSpecialPeriod, statutoryCardValidity, type CardIssueReason, type CardValidity } from './rules/card-validity.js';
import { specialPeriodOf, type SpecialPeriod } from './rules/special-period.js';
import type { Anomaly, CardView, ObligationView, StatusContext } from './status-types.js';
import type { Grant } from './timeline.js';

/** One card issue event (CARD-3), whatever its type. */
export interface CardIssue {
  readonly cardNumber: string;
  readonly issuedOn: IsoDate;
  readonly revision: number;
  readonly issue: CardView['issue'];
  readonly reason: string;
  readonly validityReason: CardIssueReason;
  readonly printedValidUntil: IsoDate;
}

/** A card as the status function sees it at D, with what the duties need beyond the view. */
export interface CardRecord {
  readonly view: CardView;
  readonly revision: number;
  /** CARD-4: the statutory validity; null when the issue facts do not determine it (see cardAnomalies). */
  readonly validity: CardValidity | null;
}

const ISSUE_REASONS: Readonly<Record<EventIssueReason, CardIssueReason>> = {
  landing: 'landing', 'change-of-status': 'change-of-status', extension: 'extension', 'permanent-residence': 'permanent-residence',
  acquisition: 'acquisition', 'special-permission-to-stay': 'special-permission', 'refugee-related': 'refugee-permission',
  'identity-change': 'identity-change',
};

type IssueData = { readonly cardNumber: string; readonly issuedOn: IsoDate; readonly printedValidUntil: IsoDate };

const issueOf = (data: IssueData, revision: number, issue: CardIssue['issue'], reason: string, validityReason: CardIssueReason): CardIssue => ({
  cardNumber: data.cardNumber, issuedOn: data.issuedOn, revision, issue, reason, validityReason, printedValidUntil: data.printedValidUntil,
});

/** CARD-2, CARD-3: every card issue (19-6, 20(4)(i), 19-10(2), 19-11(3), 19-12(2), 19-13(4)), oldest first; a repeated number counts once. */
export const cardIssuesOf = (facts: readonly Fact[]): CardIssue[] => {
  const issues = [
    ...factsOf(facts, 'ResidenceCardIssued').map(({ event: { data }, revision }) =>
      issueOf(data, revision, 'issued', data.reason, ISSUE_REASONS[data.reason])),
    ...factsOf(facts, 'ResidenceCardReissued').map(({ event: { data }, revision }) =>
      issueOf(data, revision, 'reissued', data.reason, data.reason === 'loss' ? 'reissue-loss' : 'reissue-damage')),
    ...factsOf(facts, 'ResidenceCardRenewed').map(({ event: { data }, revision }) =>
      issueOf(data, revision, 'renewed', 'validity-renewal', 'validity-renewal')),
  ].sort(byDateThenRevision((c) => c.issuedOn));
  return issues.filter((card, i) => issues.findIndex((other) => other.cardNumber === card.cardNumber) === i);
};

/** CARD-1, Art. 19-4(1)(i): the date of birth in force on `date` (person particulars, then 19-10 changes). */
export const dateOfBirthOn = (facts: readonly Fact[], date: IsoDate): IsoDate | null => {
  const known = [
    ...factsOf(facts, 'LandingPermitted').map((f) => ({ on: f.event.data.permittedOn, revision: f.revision, dob: f.event.data.person.dateOfBirth })),
    ...factsOf(facts, 'StatusPermissionGranted').flatMap((f) =>
      f.event.data.person === undefined ? [] : [{ on: f.event.data.grantedOn, revision: f.revision, dob: f.event.data.person.dateOfBirth }]),
    ...factsOf(facts, 'IdentityParticularsChanged').flatMap((f) =>
      f.event.data.changes.dateOfBirth === undefined ? [] : [{ on: f.event.data.changedOn, revision: f.revision, dob: f.event.data.changes.dateOfBirth }]),
  ].sort(byDateThenRevision((d) => d.on));
  return (known.filter((d) => isOnOrBefore(d.on, date)).at(-1) ?? known[0])?.dob ?? null;
};

/** CARD-4, Art. 19-5(1): the grant in force on the issue day (status and period expiry on the issue date). */
export const grantOnIssue = (ctx: StatusContext, issuedOn: IsoDate): Grant | null => {
  const stay = ctx.stayOn(issuedOn);
  return stay.kind === 'status' || stay.kind === 'ended' ? stay.grant : null;
};

const INDEFINITE_CARD_STATUSES: ReadonlySet<string> = new Set(['permanent-resident', 'highly-skilled-professional-ii']);

/** CARD-4, Art. 19-5(1): the statutory validity, or null when the grant or date of birth is missing. */
const validityOf = (ctx: StatusContext, card: CardIssue, grant: Grant | null): CardValidity | null => {
  const dateOfBirth = dateOfBirthOn(ctx.timeline.facts, card.issuedOn);
  if (grant === null || dateOfBirth === null) return null;
  const { status, expiresOn } = grant.grant;
  if (expiresOn === null && !INDEFINITE_CARD_STATUSES.has(status)) return null;
  // Reading #14: every issue, reissue included, counts its validity from its own issue date (19-5 "the day of issue").
  return statutoryCardValidity({ issuedOn: card.issuedOn, dateOfBirth, status, periodExpiresOn: expiresOn, reason: card.validityReason });
};

/** APP-3 as stay.ts finds it: the grant's special period exists when its lawful stay at expiry runs past the expiry. */
const hasSpecialPeriod = (ctx: StatusContext, grant: Grant, expiresOn: IsoDate): boolean => {
  const stay = ctx.stayOn(expiresOn);
  return stay.kind === 'status' && stay.grant.revision === grant.revision && stay.lawfulUntil !== null && isAfter(stay.lawfulUntil, expiresOn);
};

/** APP-3, Art. 20(6): the grant's special period once it has begun by D; a disposition of a change or extension, or the next grant, ends it. */
export const specialPeriodAt = (ctx: StatusContext, grant: Grant): SpecialPeriod | null => {
  const { expiresOn } = grant.grant;
  if (expiresOn === null || !isAfter(ctx.asOf, expiresOn) || !hasSpecialPeriod(ctx, grant, expiresOn)) return null;
  const dispositions = ctx.timeline.applications
    .filter((a) => (a.kind === 'change-of-status' || a.kind === 'extension') && isOnOrBefore(grant.on, a.filedOn))
    .flatMap((a) => (a.disposedOn === null ? [] : [a.disposedOn]));
  const nextGrants = ctx.timeline.grants.filter((g) => isAfter(g.on, grant.on) || (g.on === grant.on && g.revision > grant.revision));
  const ends = [...dispositions, ...nextGrants.map((g) => g.on)].filter((d) => isAfter(d, expiresOn) && isOnOrBefore(d, ctx.asOf));
  const disposedOn = ends.reduce<IsoDate | null>((min, d) => (min === null ? d : minDate(min, d)), null);
  return specialPeriodOf(expiresOn, disposedOn);
};

/** CARD-5, Art. 19-5(2): the last valid day at D, the special period of the same grant included. */
const validUntilAt = (ctx: StatusContext, validity: CardValidity | null, grant: Grant | null, printed: IsoDate): IsoDate => {
  if (validity === null) return printed;
  return cardValidUntilWithSpecialPeriod(validity, grant === null ? null : specialPeriodAt(ctx, grant));
};

/** NOTIF-6: the card's latest loss report by D was not followed by its finding (Art. 19-12(1), 19-15(3)). */
const reportedLostAt = (ctx: StatusContext, cardNumber: string): boolean => {
  const { facts } = ctx.timeline;
  const lostOn = factsOf(facts, 'ResidenceCardReportedLost')
    .map((f) => f.event.data)
    .filter((l) => l.cardNumber === cardNumber && isOnOrBefore(l.learnedOn, ctx.asOf))
    .map((l) => l.learnedOn).sort().at(-1);
  if (lostOn === undefined) return false;
  return !factsOf(facts, 'ResidenceCardFound').some(({ event: { data } }) =>
    data.cardNumber === cardNumber && isOnOrBefore(lostOn, data.foundOn) && isOnOrBefore(data.foundOn, ctx.asOf));
};

const returnedOnAt = (ctx: StatusContext, cardNumber: string): IsoDate | null =>
  factsOf(ctx.timeline.facts, 'ResidenceCardReturned')
    .map((f) => f.event.data)
    .filter((r) => r.cardNumber === cardNumber && isOnOrBefore(r.returnedOn, ctx.asOf))
    .reduce<IsoDate | null>((min, r) => (min === null ? r.returnedOn : minDate(min, r.returnedOn)), null);

const recordOf = (ctx: StatusContext, card: CardIssue, next: CardIssue | undefined): CardRecord => {
  const grant = grantOnIssue(ctx, card.issuedOn);
  const validity = validityOf(ctx, card, grant);
  const validUntil = validUntilAt(ctx, validity, grant, card.printedValidUntil);
  const invalidity = invalidityAt(ctx, { issuedOn: card.issuedOn, validUntil }, next?.issuedOn ?? null);
  const view: CardView = {
    cardNumber: card.cardNumber, issuedOn: card.issuedOn, issue: card.issue, reason: card.reason, printedValidUntil: card.printedValidUntil,
    statutoryValidUntil: validity?.validUntil ?? card.printedValidUntil, validityBasis: validity?.basis ?? '19-5(1)(iii)', validUntil,
    valid: invalidity.length === 0, invalidity, reportedLost: reportedLostAt(ctx, card.cardNumber), returnedOn: returnedOnAt(ctx, card.cardNumber),
  };
  return { view, revision: card.revision, validity };
};

/**
 * CARD-4, CARD-5, INV-1 (Arts. 19-5, 19-14): every card issued by D with its validity and grounds in force,
 * oldest first. Once per query: the cards, their duties and their anomalies all read it.
 */
export const cardRecordsAt: (ctx: StatusContext) => readonly CardRecord[] = oncePer((ctx) => {
  const issued = cardIssuesOf(ctx.timeline.facts).filter((c) => isOnOrBefore(c.issuedOn, ctx.asOf));
  return issued.map((card, i) => recordOf(ctx, card, issued[i + 1]));
});

/** CARD-4, CARD-5, INV-1 (Arts. 19-5, 19-14): the cards of the person at D, oldest first. */
export const cardsAt = (ctx: StatusContext): CardView[] => cardRecordsAt(ctx).map((r) => r.view);

/** NOTIF-5, NOTIF-6, NOTIF-7, INV-2 (Arts. 19-11, 19-12, 19-13(3), 19-15): every card duty at D. */
export const cardObligations = (ctx: StatusContext): ObligationView[] => {
  const cards = cardRecordsAt(ctx);
  return [...newCardDuties(ctx, cards), ...returnDuties(ctx, cards)];
};

/** The card numbers named by custody events (19-12, 19-13, 19-15) dated on or before D. */
const custodyCardNumbers = (ctx: StatusContext): { readonly type: string; readonly cardNumber: string; readonly on: IsoDate }[] => {
  const { facts } = ctx.timeline;
  const named = (type: string, cardNumber: string, on: IsoDate) => (isOnOrBefore(on, ctx.asOf) ? [{ type, cardNumber, on }] : []);
  return [
    ...factsOf(facts, 'ResidenceCardReportedLost').flatMap(({ event: { type, data } }) => named(type, data.cardNumber, data.learnedOn)),
    ...factsOf(facts, 'ResidenceCardFound').flatMap(({ event: { type, data } }) => named(type, data.cardNumber, data.foundOn)),
    ...factsOf(facts, 'ResidenceCardReturned').flatMap(({ event: { type, data } }) => named(type, data.cardNumber, data.returnedOn)),
    ...factsOf(facts, 'ResidenceCardReissueOrdered').flatMap(({ event: { type, data } }) => named(type, data.cardNumber, data.orderReceivedOn)),
  ];
};

/** CARD-2: custody events naming a card number not issued by D. */
const unknownCardAnomalies = (ctx: StatusContext, known: ReadonlySet<string>): Anomaly[] =>
  custodyCardNumbers(ctx)
    .filter(({ cardNumber }) => !known.has(cardNumber))
    .map(({ type, cardNumber, on }) => ({ code: 'UNKNOWN_CARD_NUMBER', message: `${type} names card ${cardNumber}, never issued by then (Art. 19-4(2))`, on }));

/** CARD-4 reading, MLTR-1 (Arts. 19-5(1), 19-3): the warnings about one card; the printed date is kept beside the statutory one. */
const cardIssueAnomalies = (ctx: StatusContext, { view, validity }: CardRecord): Anomaly[] => {
  const { cardNumber, issuedOn, printedValidUntil } = view;
  const anomalies: Anomaly[] = [];
  if (validity === null) {
    const message = `card ${cardNumber}: no grant or date of birth on the issue day; validity taken as printed (Art. 19-5(1))`;
    anomalies.push({ code: 'CARD_VALIDITY_UNDETERMINED', message, on: issuedOn });
  } else if (validity.validUntil !== printedValidUntil) {
    const message = `card ${cardNumber}: printed validity ${printedValidUntil}, statutory ${validity.validUntil} under ${validity.basis}`;
    anomalies.push({ code: 'CARD_VALIDITY_MISMATCH', message, on: issuedOn });
  }
  if (!ctx.mltrOn(issuedOn)) {
    const message = `card ${cardNumber} was issued to a person who was not a mid-to-long-term resident (Art. 19-3)`;
    anomalies.push({ code: 'CARD_ISSUED_TO_NON_MLTR', message, on: issuedOn });
  }
  return anomalies;
};

/** CARD-4 reading (warn, never override), MLTR-1, CARD-2 (Arts. 19-5(1), 19-3, 19-4(2)): data-quality warnings about the cards at D. */
export const cardAnomalies = (ctx: StatusContext): Anomaly[] => {
  const cards = cardRecordsAt(ctx);
  return [...cards.flatMap((card) => cardIssueAnomalies(ctx, card)), ...unknownCardAnomalies(ctx, new Set(cards.map((c) => c.view.cardNumber)))];
};
