import { z } from 'zod';
import { AffiliationNotified } from './affiliation.js';
import { ApplicationDecided, ApplicationFiled } from './applications.js';
import { StatusOfResidenceCancelled, HearingNoticeServed } from './cancellation.js';
import { CancellationGroundDetected, CancellationGroundWithdrawn, JustifiableReasonRecorded } from './cancellation-grounds.js';
import { JapaneseNationalityAcquired, ResidentDied } from './end-of-residence.js';
import { IdentityParticularsChanged } from './identity.js';
import { NotificationOverdue } from './obligations.js';
import { AcceptingInstitutionReported, SpecifiedSkilledWorkerOrganizationReported } from './organization-reports.js';
import { LandingPermitted, StatusPermissionGranted } from './permissions.js';
import { ResidenceAddressCorrected, ResidenceAddressNotified, ResidenceAddressVacated } from './residence-address.js';
import { ResidentRecordEntered } from './resident-record.js';
import {
  ResidenceCardIssued,
  ResidenceCardReissued,
  ResidenceCardReissueOrdered,
  ResidenceCardRenewed,
} from './residence-card.js';
import {
  ResidenceCardFound,
  ResidenceCardInvalidated,
  ResidenceCardReportedLost,
  ResidenceCardReturned,
} from './residence-card-custody.js';
import { DepartureConfirmed, Reentered, ReentryPermitExtended, ReentryPermitGranted } from './travel.js';

const EVENT_SCHEMAS = [
  LandingPermitted,
  StatusPermissionGranted,
  ResidenceCardIssued,
  ResidenceCardReissued,
  ResidenceCardRenewed,
  ResidenceCardReissueOrdered,
  ResidenceCardInvalidated,
  ResidenceCardReturned,
  ResidenceCardReportedLost,
  ResidenceCardFound,
  ResidenceAddressNotified,
  ResidenceAddressVacated,
  ResidenceAddressCorrected,
  ResidentRecordEntered,
  IdentityParticularsChanged,
  AffiliationNotified,
  AcceptingInstitutionReported,
  SpecifiedSkilledWorkerOrganizationReported,
  ApplicationFiled,
  ApplicationDecided,
  DepartureConfirmed,
  ReentryPermitGranted,
  ReentryPermitExtended,
  Reentered,
  CancellationGroundDetected,
  CancellationGroundWithdrawn,
  JustifiableReasonRecorded,
  HearingNoticeServed,
  StatusOfResidenceCancelled,
  NotificationOverdue,
  ResidentDied,
  JapaneseNationalityAcquired,
] as const;

/** Every event the register records, discriminated by `type`. */
export const ResidentEvent = z.discriminatedUnion('type', EVENT_SCHEMAS);
export type ResidentEvent = z.infer<typeof ResidentEvent>;
export type ResidentEventType = ResidentEvent['type'];
/** The event of one type, e.g. `EventOf<'LandingPermitted'>`. */
export type EventOf<T extends ResidentEventType> = Extract<ResidentEvent, { type: T }>;

export const RESIDENT_EVENT_TYPES: readonly ResidentEventType[] = EVENT_SCHEMAS.map((schema) => schema.shape.type.value);

export type RegistryEntry<T extends ResidentEventType = ResidentEventType> = {
  /** Version of `data` that the schema parses; older stored versions are upcast to it first. */
  readonly currentVersion: number;
  readonly schema: z.ZodType<EventOf<T>>;
};

/**
 * The schema and current data version of every event type. A shipped shape is never edited: a change
 * adds version n+1 here and an upcaster n → n+1 in upcasters.ts.
 */
export const RESIDENT_EVENT_REGISTRY = {
  LandingPermitted: { currentVersion: 1, schema: LandingPermitted },
  StatusPermissionGranted: { currentVersion: 1, schema: StatusPermissionGranted },
  ResidenceCardIssued: { currentVersion: 1, schema: ResidenceCardIssued },
  ResidenceCardReissued: { currentVersion: 1, schema: ResidenceCardReissued },
  ResidenceCardRenewed: { currentVersion: 1, schema: ResidenceCardRenewed },
  ResidenceCardReissueOrdered: { currentVersion: 1, schema: ResidenceCardReissueOrdered },
  ResidenceCardInvalidated: { currentVersion: 1, schema: ResidenceCardInvalidated },
  ResidenceCardReturned: { currentVersion: 1, schema: ResidenceCardReturned },
  ResidenceCardReportedLost: { currentVersion: 1, schema: ResidenceCardReportedLost },
  ResidenceCardFound: { currentVersion: 1, schema: ResidenceCardFound },
  ResidenceAddressNotified: { currentVersion: 1, schema: ResidenceAddressNotified },
  ResidenceAddressVacated: { currentVersion: 1, schema: ResidenceAddressVacated },
  ResidenceAddressCorrected: { currentVersion: 1, schema: ResidenceAddressCorrected },
  ResidentRecordEntered: { currentVersion: 1, schema: ResidentRecordEntered },
  IdentityParticularsChanged: { currentVersion: 1, schema: IdentityParticularsChanged },
  AffiliationNotified: { currentVersion: 1, schema: AffiliationNotified },
  AcceptingInstitutionReported: { currentVersion: 1, schema: AcceptingInstitutionReported },
  SpecifiedSkilledWorkerOrganizationReported: { currentVersion: 1, schema: SpecifiedSkilledWorkerOrganizationReported },
  ApplicationFiled: { currentVersion: 1, schema: ApplicationFiled },
  ApplicationDecided: { currentVersion: 1, schema: ApplicationDecided },
  DepartureConfirmed: { currentVersion: 1, schema: DepartureConfirmed },
  ReentryPermitGranted: { currentVersion: 1, schema: ReentryPermitGranted },
  ReentryPermitExtended: { currentVersion: 1, schema: ReentryPermitExtended },
  Reentered: { currentVersion: 1, schema: Reentered },
  CancellationGroundDetected: { currentVersion: 1, schema: CancellationGroundDetected },
  CancellationGroundWithdrawn: { currentVersion: 1, schema: CancellationGroundWithdrawn },
  JustifiableReasonRecorded: { currentVersion: 1, schema: JustifiableReasonRecorded },
  HearingNoticeServed: { currentVersion: 1, schema: HearingNoticeServed },
  StatusOfResidenceCancelled: { currentVersion: 1, schema: StatusOfResidenceCancelled },
  NotificationOverdue: { currentVersion: 1, schema: NotificationOverdue },
  ResidentDied: { currentVersion: 1, schema: ResidentDied },
  JapaneseNationalityAcquired: { currentVersion: 1, schema: JapaneseNationalityAcquired },
} satisfies { readonly [T in ResidentEventType]: RegistryEntry<T> };

export const isResidentEventType = (type: string): type is ResidentEventType => Object.hasOwn(RESIDENT_EVENT_REGISTRY, type);


/** Current data version of an event type, or undefined for a type the catalogue does not know. */
export const currentVersionOf = (type: string): number | undefined =>
  isResidentEventType(type) ? RESIDENT_EVENT_REGISTRY[type].currentVersion : undefined;
