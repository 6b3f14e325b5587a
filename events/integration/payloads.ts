import { z } from 'zod';
import { CancellationGround } from '../cancellation-grounds.js';
import { StatusPermissionKind } from '../permissions.js';
import { CardInvalidationGround } from '../residence-card-custody.js';
import { PeriodOfStay, StatusOfResidence } from '../status-of-residence.js';
import { CardNumber, IsoDate, MunicipalityCode, NationalityOrRegion, ResidentId, Sex } from '../values.js';

/**
 * The payloads of the integration events: what a downstream system may see (Art. 19-36(3): the
 * least data necessary). Status-topic payloads carry ids, codes and dates only; names and street
 * addresses appear only in the personal-topic payloads at the end of this file.
 *
 * A published payload is never narrowed: a change that is not "add an optional field" is a new
 * type version (`….v2`), published beside the old one. The compatibility test enforces it.
 */

const residentId = ResidentId.describe('The register\'s stable resident id (also the CloudEvents `subject` and the message key).');

/** The stay a grant confers, in codes (Art. 2-2(3), 19-4(1)(iii)). */
const stay = {
  statusOfResidence: StatusOfResidence.describe('Status of residence code (Appended Tables I and II).'),
  periodOfStay: PeriodOfStay.describe('Period of stay as granted, e.g. P3Y, or "indefinite".'),
  expiresOn: IsoDate.nullable().describe('Last day of the period of stay (JST); null when the period has no end.'),
};

export const BecameMidToLongTermResident = z.object({
  residentId,
  since: IsoDate.describe('First day as a mid-to-long-term resident (Art. 19-3).'),
  via: z.enum(['landing', ...StatusPermissionKind.options]).describe('The landing or the kind of permission that made the person one (MLTR-2).'),
  ...stay,
});

export const StatusOfResidenceChanged = z.object({
  residentId,
  changedOn: IsoDate.describe('The day the permission took effect (Arts. 20(5), 22(4)).'),
  kind: StatusPermissionKind.exclude(['extension']).describe('The permission that changed the status.'),
  previousStatusOfResidence: StatusOfResidence.nullable().describe('The status held the day before; null when the person held none.'),
  ...stay,
});

export const PeriodOfStayExtended = z.object({
  residentId,
  extendedOn: IsoDate.describe('The day the extension took effect (Art. 21(3)).'),
  previousExpiresOn: IsoDate.nullable().describe('The expiry before the extension, when known.'),
  ...stay,
});

export const ResidenceCardIssueReason = z.enum([
  'landing', 'change-of-status', 'extension', 'permanent-residence', 'acquisition', 'special-permission-to-stay', 'refugee-related',
  'identity-change', 'loss', 'damage', 'exchange', 'ordered', 'renewal',
]);

export const ResidenceCardIssuedPayload = z.object({
  residentId,
  cardNumber: CardNumber.describe('The new card\'s number (Art. 19-4(1)(v)); subscribers check cards by it.'),
  issuedOn: IsoDate,
  validUntil: IsoDate.describe('The validity printed on the card.'),
  reason: ResidenceCardIssueReason.describe('Why the card was issued: the article that ordered the issue, a reissue reason, or renewal (Art. 19-11).'),
});

export const CardInvalidityArticle = z.enum(['19-14(i)', '19-14(ii)', '19-14(iii)', '19-14(iv)', '19-14(v)', '19-14(vi)']);

export const ResidenceCardInvalidatedPayload = z.object({
  residentId,
  cardNumber: CardNumber,
  ground: CardInvalidationGround.describe('The Art. 19-14 ground in words.'),
  article: CardInvalidityArticle.describe('The item of Art. 19-14 under which the card lost effect.'),
  invalidOn: IsoDate.describe('First day without effect.'),
});

export const ResidenceMunicipalityChanged = z.object({
  residentId,
  municipalityCode: MunicipalityCode.describe('6-digit local government code of the new residence.'),
  previousMunicipalityCode: MunicipalityCode.nullable().describe('The municipality of residence before; null when the register knew none.'),
  movedInOn: IsoDate.describe('The day the resident began to live there.'),
});

export const Departed = z.object({
  residentId,
  departedOn: IsoDate,
  reentry: z.enum(['none', 'reentry-permit', 'special-reentry']).describe('On what the person left (Arts. 25, 26, 26-2); "none" ends the status.'),
});

export const ReenteredPayload = z.object({
  residentId,
  reenteredOn: IsoDate,
  reentry: z.enum(['reentry-permit', 'special-reentry']),
});

const AddressLapseGround = CancellationGround.extract(['viii', 'ix']).describe('Art. 22-4(1)(viii) or (ix): the 90-day address grounds.');

export const AddressLapseGroundDetected = z.object({
  residentId,
  ground: AddressLapseGround,
  groundFrom: IsoDate.describe('First day the condition holds: a candidate for cancellation, never a decision.'),
  nominalDeadline: IsoDate,
  effectiveDeadline: IsoDate.describe('After the closed-day roll-forward (DT-6).'),
});

export const AddressLapseGroundWithdrawn = z.object({
  residentId,
  ground: AddressLapseGround,
  groundFrom: IsoDate.describe('Identifies the candidate withdrawn.'),
  reason: z.enum(['notified-in-time-relayed-late', 'justifiable-reason', 'record-restored', 'moot', 'correction']),
});

export const StatusOfResidenceCancelledPayload = z.object({
  residentId,
  cancelledOn: IsoDate.describe('The day the cancellation notice was served (Art. 22-4(6)).'),
  grounds: z.array(CancellationGround).min(1).describe('Items of Art. 22-4(1).'),
  departBy: IsoDate.nullable().describe('Last day of the departure period (Art. 22-4(7)); null when none was designated.'),
});

export const CeaseReason = z.enum([
  'PERIOD_OF_STAY_THREE_MONTHS_OR_LESS', 'TEMPORARY_VISITOR', 'DIPLOMAT_OR_OFFICIAL', 'EXCLUDED_BY_ORDINANCE', 'NO_STATUS', 'WITHOUT_STATUS_AFTER_BIRTH',
  'OVERSTAY', 'DEPARTED_WITHOUT_REENTRY_PERMIT', 'REENTRY_PERMIT_LAPSED', 'STATUS_CANCELLED', 'DIED', 'NATURALISED',
]);

export const CeasedToBeMidToLongTermResident = z.object({
  residentId,
  ceasedOn: IsoDate.describe('First day no longer a mid-to-long-term resident.'),
  reason: CeaseReason.describe('Why (Art. 19-3 items, or how the stay ended: MLTR-3).'),
});

// Personal topic only: never on the status topic.

export const ResidentParticulars = z.object({
  residentId,
  effectiveOn: IsoDate.describe('The day from which these particulars hold.'),
  name: z.string().min(1),
  dateOfBirth: IsoDate,
  sex: Sex,
  nationality: NationalityOrRegion,
});

export const ResidenceAddressChanged = z.object({
  residentId,
  movedInOn: IsoDate,
  address: z.object({
    municipalityCode: MunicipalityCode,
    line: z.string().min(1).describe('The street address as notified.'),
    postalCode: z.string().optional(),
  }),
});
