import type { z } from 'zod';
import {
  AcceptingInstitutionReported, AffiliationNotified, ApplicationDecided, ApplicationFiled, CancellationGroundDetected,
  CancellationGroundWithdrawn, DepartureConfirmed, EventMetadata, HearingNoticeServed, IdentityParticularsChanged,
  JapaneseNationalityAcquired, JustifiableReasonRecorded, LandingPermitted, NotificationOverdue, Reentered,
  ReentryPermitExtended, ReentryPermitGranted, ResidenceAddressCorrected, ResidenceAddressNotified, ResidenceAddressVacated, ResidentRecordEntered,
  ResidenceCardFound, ResidenceCardInvalidated, ResidenceCardIssued, ResidenceCardReissued, ResidenceCardReissueOrdered,
  ResidenceCardRenewed, ResidenceCardReportedLost, ResidenceCardReturned, ResidentDied, SpecifiedSkilledWorkerOrganizationReported,
  StatusOfResidenceCancelled, StatusPermissionGranted, parseStoredEvent,
  type Address, type EventOf, type Organization, type ParsedEvent, type PersonalParticulars, type ResidentEvent,
  type ResidentEventType,
} from '../events/index.js';

/** Builders with overrides for every event type. Defaults follow scenario S01 (rules.md, scenarios.md). */

export const RESIDENT_ID = '0b7e3c1a-5d2f-4a8e-9c61-2f4d8a9b1e01';
export const CARD_NUMBER = 'AB00000101CD';
export const CHIYODA = '131016';
export const RECORDED_AT = '2026-01-10T03:00:00Z';

export const PERSON: PersonalParticulars = { name: 'NGUYEN VAN AN', dateOfBirth: '1995-04-12', sex: 'male', nationality: 'VNM' };
export const CHIYODA_ADDRESS: Address = { municipalityCode: CHIYODA, line: '1-1-1 Chiyoda, Chiyoda-ku, Tokyo', postalCode: '100-0001' };
export const EMPLOYER: Organization = { name: 'Example Systems K.K.', address: '2-2-2 Otemachi, Chiyoda-ku, Tokyo' };

/** Every key optional at every depth. Objects merge key by key, arrays are replaced; `key: undefined` drops a key. */
export type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Merges `overrides` into `base`; a key overridden with `undefined` is removed. */
export const deepMerge = (base: unknown, overrides: unknown): unknown => {
  if (!isRecord(base) || !isRecord(overrides)) return overrides === undefined ? base : overrides;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete merged[key];
    else merged[key] = deepMerge(base[key], value);
  }
  return merged;
};

type Builder<E extends ResidentEvent> = (overrides?: DeepPartial<E['data']>) => E;

/** A builder parses what it builds, so it only ever returns a valid event (and throws on a bad override). */
const builder =
  <S extends z.ZodType<ResidentEvent>>(schema: S, type: z.output<S>['type'], defaults: z.output<S>['data']): Builder<z.output<S>> =>
  (overrides) =>
    schema.parse({ type, data: deepMerge(defaults, overrides) });

const residentId = RESIDENT_ID;
const grant = { status: 'engineer-specialist', periodOfStay: 'P1Y', expiresOn: '2027-01-10', attributes: {} } as const;
const counterIssue = { residentId, cardNumber: CARD_NUMBER, issuedOn: '2026-01-10', printedValidUntil: '2027-01-10', channel: 'counter' } as const;

export const landingPermitted = builder(LandingPermitted, 'LandingPermitted', {
  residentId, permittedOn: '2026-01-10', port: 'Narita Airport', person: PERSON, grant,
});
export const statusPermissionGranted = builder(StatusPermissionGranted, 'StatusPermissionGranted', {
  residentId, kind: 'extension', grantedOn: '2027-01-05', applicationId: 'APP-0001', notifiedBy: 'residence-card',
  grant: { ...grant, periodOfStay: 'P3Y', expiresOn: '2030-01-10' }, residenceRecordCopySubmitted: false,
});
export const residenceCardIssued = builder(ResidenceCardIssued, 'ResidenceCardIssued', { ...counterIssue, reason: 'landing' });
export const residenceCardReissued = builder(ResidenceCardReissued, 'ResidenceCardReissued', {
  ...counterIssue, cardNumber: 'AB00000102CD', issuedOn: '2026-06-01', filedBy: 'self', reason: 'loss',
});
export const residenceCardRenewed = builder(ResidenceCardRenewed, 'ResidenceCardRenewed', {
  ...counterIssue, cardNumber: 'AB00000103CD', issuedOn: '2031-06-02', printedValidUntil: '2038-06-01', filedBy: 'relative',
});
export const residenceCardReissueOrdered = builder(ResidenceCardReissueOrdered, 'ResidenceCardReissueOrdered', {
  residentId, cardNumber: CARD_NUMBER, orderReceivedOn: '2026-09-08',
});
export const residenceCardInvalidated = builder(ResidenceCardInvalidated, 'ResidenceCardInvalidated', {
  residentId, cardNumber: CARD_NUMBER, ground: 'validity-expired', invalidOn: '2027-01-11',
});
export const residenceCardReturned = builder(ResidenceCardReturned, 'ResidenceCardReturned', {
  residentId, cardNumber: CARD_NUMBER, returnedOn: '2027-01-20', returnedBy: 'holder',
});
export const residenceCardReportedLost = builder(ResidenceCardReportedLost, 'ResidenceCardReportedLost', {
  residentId, cardNumber: CARD_NUMBER, cause: 'loss', learnedOn: '2026-05-10', learnedAbroad: false, reportedOn: '2026-05-12',
});
export const residenceCardFound = builder(ResidenceCardFound, 'ResidenceCardFound', {
  residentId, cardNumber: CARD_NUMBER, foundOn: '2026-06-10',
});
export const residenceAddressNotified = builder(ResidenceAddressNotified, 'ResidenceAddressNotified', {
  residentId, basis: '19-7', address: CHIYODA_ADDRESS, movedInOn: '2026-01-25', notifiedOn: '2026-01-30',
  cardPresented: true, relayId: 'relay-131016-0001', filedBy: 'self',
});
export const residenceAddressVacated = builder(ResidenceAddressVacated, 'ResidenceAddressVacated', {
  residentId, municipalityCode: CHIYODA, movedOutOn: '2026-05-31', reason: 'moving-out-notice',
  relayId: 'relay-131016-0002', notifiedOn: '2026-05-29',
});
export const residentRecordEntered = builder(ResidentRecordEntered, 'ResidentRecordEntered', {
  residentId, reason: 'moving-in-without-card', address: CHIYODA_ADDRESS, residenceEstablishedOn: '2026-01-25',
  enteredOn: '2026-01-26', relayId: 'relay-131016-0004',
});
export const residenceAddressCorrected = builder(ResidenceAddressCorrected, 'ResidenceAddressCorrected', {
  residentId, correctsRelayId: 'relay-131016-0002', correction: { kind: 'withdrawn' }, correctedOn: '2026-06-20',
  relayId: 'relay-131016-0003',
});
export const identityParticularsChanged = builder(IdentityParticularsChanged, 'IdentityParticularsChanged', {
  residentId, changedOn: '2026-03-01', notifiedOn: '2026-03-10', changes: { name: 'NGUYEN VAN BINH' },
});
export const affiliationNotified = builder(AffiliationNotified, 'AffiliationNotified', {
  residentId, category: 'contract-institution', event: 'contract-ended', occurredOn: '2026-05-31', notifiedOn: '2026-06-10',
  organization: EMPLOYER,
});
export const acceptingInstitutionReported = builder(AcceptingInstitutionReported, 'AcceptingInstitutionReported', {
  residentId, kind: 'acceptance-started', occurredOn: '2026-01-15', reportedOn: '2026-01-20', organization: EMPLOYER,
});
export const specifiedSkilledWorkerOrganizationReported = builder(
  SpecifiedSkilledWorkerOrganizationReported,
  'SpecifiedSkilledWorkerOrganizationReported',
  { residentId, item: '19-18(1)(i)', kind: 'contract-terminated', occurredOn: '2026-05-31', reportedOn: '2026-06-05', organization: EMPLOYER },
);
export const applicationFiled = builder(ApplicationFiled, 'ApplicationFiled', {
  residentId, applicationId: 'APP-0001', kind: 'extension', filedOn: '2026-12-10', channel: 'online', filedBy: 'self',
});
export const applicationDecided = builder(ApplicationDecided, 'ApplicationDecided', {
  residentId, applicationId: 'APP-0001', decidedOn: '2027-01-05', outcome: 'granted',
});
export const departureConfirmed = builder(DepartureConfirmed, 'DepartureConfirmed', {
  residentId, departedOn: '2026-06-01', port: 'Narita Airport', reentry: { kind: 'special-reentry' }, travelDocument: 'passport',
});
export const reentryPermitGranted = builder(ReentryPermitGranted, 'ReentryPermitGranted', {
  residentId, permitId: 'RP-0001', grantedOn: '2026-03-02', effectiveOn: '2026-03-02', validUntil: '2027-01-10', multiple: true,
});
export const reentryPermitExtended = builder(ReentryPermitExtended, 'ReentryPermitExtended', {
  residentId, permitId: 'RP-0001', extendedOn: '2026-12-20', validUntil: '2027-03-10', basis: '26(4)-special-period',
});
export const reentered = builder(Reentered, 'Reentered', {
  residentId, reenteredOn: '2026-10-15', port: 'Narita Airport', reentry: 'special-reentry',
});
export const cancellationGroundDetected = builder(CancellationGroundDetected, 'CancellationGroundDetected', {
  residentId, ground: 'viii', clockStartedOn: '2026-01-13', nominalDeadline: '2026-04-13', effectiveDeadline: '2026-04-13',
  groundFrom: '2026-04-14', asOf: '2026-04-14',
});
export const cancellationGroundWithdrawn = builder(CancellationGroundWithdrawn, 'CancellationGroundWithdrawn', {
  residentId, ground: 'viii', groundFrom: '2026-04-14', reason: 'notified-in-time-relayed-late',
});
export const justifiableReasonRecorded = builder(JustifiableReasonRecorded, 'JustifiableReasonRecorded', {
  residentId, ground: 'ix', groundFrom: '2026-09-01', reason: 'abroad-on-reentry-permit', decidedOn: '2026-09-10',
});
export const hearingNoticeServed = builder(HearingNoticeServed, 'HearingNoticeServed', {
  residentId, servedOn: '2026-09-01', method: 'hand', hearingOn: '2026-09-15', grounds: ['ix'],
});
export const statusOfResidenceCancelled = builder(StatusOfResidenceCancelled, 'StatusOfResidenceCancelled', {
  residentId, cancelledOn: '2026-10-01', grounds: ['ix'], departBy: '2026-10-31',
});
export const notificationOverdue = builder(NotificationOverdue, 'NotificationOverdue', {
  residentId, obligation: '19-7', clockStartedOn: '2026-01-25', nominalDeadline: '2026-02-08', effectiveDeadline: '2026-02-09',
  overdueSince: '2026-02-10', asOf: '2026-02-10',
});
export const residentDied = builder(ResidentDied, 'ResidentDied', { residentId, diedOn: '2026-02-10' });
export const japaneseNationalityAcquired = builder(JapaneseNationalityAcquired, 'JapaneseNationalityAcquired', {
  residentId, acquiredOn: '2030-04-01',
});

/** One builder per event type; the mapped type makes a missing type a compile error. */
export const BUILDERS: { readonly [T in ResidentEventType]: Builder<EventOf<T>> } = {
  LandingPermitted: landingPermitted, StatusPermissionGranted: statusPermissionGranted,
  ResidenceCardIssued: residenceCardIssued, ResidenceCardReissued: residenceCardReissued,
  ResidenceCardRenewed: residenceCardRenewed, ResidenceCardReissueOrdered: residenceCardReissueOrdered,
  ResidenceCardInvalidated: residenceCardInvalidated, ResidenceCardReturned: residenceCardReturned,
  ResidenceCardReportedLost: residenceCardReportedLost, ResidenceCardFound: residenceCardFound,
  ResidenceAddressNotified: residenceAddressNotified, ResidenceAddressVacated: residenceAddressVacated,
  ResidenceAddressCorrected: residenceAddressCorrected, ResidentRecordEntered: residentRecordEntered,
  IdentityParticularsChanged: identityParticularsChanged,
  AffiliationNotified: affiliationNotified, AcceptingInstitutionReported: acceptingInstitutionReported,
  SpecifiedSkilledWorkerOrganizationReported: specifiedSkilledWorkerOrganizationReported,
  ApplicationFiled: applicationFiled, ApplicationDecided: applicationDecided,
  DepartureConfirmed: departureConfirmed, ReentryPermitGranted: reentryPermitGranted,
  ReentryPermitExtended: reentryPermitExtended, Reentered: reentered,
  CancellationGroundDetected: cancellationGroundDetected, CancellationGroundWithdrawn: cancellationGroundWithdrawn,
  JustifiableReasonRecorded: justifiableReasonRecorded, HearingNoticeServed: hearingNoticeServed,
  StatusOfResidenceCancelled: statusOfResidenceCancelled, NotificationOverdue: notificationOverdue,
  ResidentDied: residentDied, JapaneseNationalityAcquired: japaneseNationalityAcquired,
};

/** Event metadata with a fixed `recordedAt` and an officer as source; `source` is replaced whole. */
export const metadata = (overrides: Partial<EventMetadata> = {}): EventMetadata =>
  EventMetadata.parse({
    recordedAt: RECORDED_AT,
    correlationId: 'correlation-0001',
    causationId: 'command-0001',
    source: { kind: 'officer', officerId: 'officer-0001' },
    schemaVersion: 1,
    ...overrides,
  });

/** An event as a store would hand it back: raw data at `schemaVersion` 1 unless overridden. */
export const storedEvent = (type: string, data: unknown, meta: Partial<EventMetadata> = {}) => ({
  type,
  data,
  metadata: metadata(meta),
});

/** Parses raw `data` of `type` as if read from the store at version 1; throws what the store read would. */
export const parseData = (type: string, data: unknown): ParsedEvent => parseStoredEvent(storedEvent(type, data));
