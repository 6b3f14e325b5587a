import type { ResidentStatus } from '../../../register/domain/status-types.js';
import type { CardRow, DeadlineRow, LapseRow, StatusRow } from '../../read-models/types.js';

/** Read-model rows of one resident's status, as the projector keeps them (read-models/types.ts); a deadline stays pending while overdue. */

const municipalityOf = (status: ResidentStatus): string | null => {
  const address = status.address;
  if (address === null) return null;
  return address.state === 'vacated' ? address.municipalityCode : address.address.municipalityCode;
};

export const statusRow = (residentId: string, revision: number, status: ResidentStatus): StatusRow => ({
  residentId, asOf: status.asOf, revision,
  midToLongTermResident: status.midToLongTermResident.is,
  mltrReason: status.midToLongTermResident.reason,
  statusOfResidence: status.stay.kind === 'status' ? status.stay.status : null,
  periodExpiresOn: status.stay.kind === 'status' ? status.stay.expiresOn : null,
  municipalityCode: municipalityOf(status),
  nationality: status.particulars?.nationality ?? null,
  cardNumber: status.card?.cardNumber ?? null,
  cardValid: status.card?.valid ?? null,
  cardValidUntil: status.card?.validUntil ?? null,
  abroad: status.travel.abroad,
  overdueDuties: status.obligations.filter((o) => o.state === 'overdue').map((o) => o.duty),
  lapseGrounds: status.cancellationGrounds.filter((g) => g.state === 'candidate' && g.from <= status.asOf).map((g) => g.ground),
  nextChangeOn: null,
  status,
});

export const cardRows = (residentId: string, status: ResidentStatus): CardRow[] =>
  status.cards.map((card) => ({
    cardNumber: card.cardNumber, residentId, issuedOn: card.issuedOn, validUntil: card.validUntil, valid: card.valid,
    invalidItem: card.invalidity[0]?.item ?? null, invalidSince: card.invalidity[0]?.since ?? null, asOf: status.asOf,
  }));

export const deadlineRows = (residentId: string, status: ResidentStatus): DeadlineRow[] => {
  const municipalityCode = municipalityOf(status);
  const duties = status.obligations.flatMap((o) =>
    (o.state === 'open' || o.state === 'overdue') && o.deadline !== null
      ? [{ residentId, kind: o.duty, subject: o.subject, clockStartedOn: o.clockStartedOn, nominal: o.deadline.nominal, effective: o.deadline.effective, municipalityCode }]
      : [],
  );
  const stay = status.stay;
  const expiry = stay.kind === 'status' && stay.expiresOn !== null
    ? [{ residentId, kind: 'period-of-stay-expiry' as const, subject: stay.status, clockStartedOn: null, nominal: stay.expiresOn, effective: stay.expiresOn, municipalityCode }]
    : [];
  const watches = status.watches.map((w) => ({
    residentId, kind: w.ground === 'viii' ? ('ground-viii' as const) : ('ground-ix' as const), subject: `ground ${w.ground}`,
    clockStartedOn: w.clockStartedOn, nominal: w.day90.nominal, effective: w.day90.effective, municipalityCode,
  }));
  return [...duties, ...expiry, ...watches];
};

export const lapseRows = (residentId: string, status: ResidentStatus): LapseRow[] =>
  status.cancellationGrounds.map((g) => ({
    residentId, ground: g.ground, from: g.from, strictFrom: g.strictFrom, clockStartedOn: g.clockStartedOn,
    municipalityCode: municipalityOf(status), curedLateOn: g.curedLateOn, state: g.state, knownSince: g.knownSince,
  }));
