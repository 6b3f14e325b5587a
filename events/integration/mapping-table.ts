import type { ResidentEventType } from '../catalogue.js';
import type { IntegrationEventName } from './types.js';

export interface MappingDecision {
  /** The integration events the domain event may yield (some only when history says so). */
  readonly yields: readonly IntegrationEventName[];
  /** Why: when it yields them, or why nothing leaves the register. */
  readonly why: string;
}

const none = (why: string): MappingDecision => ({ yields: [], why });

const TRANSITION = 'became / ceased when the status function, as of the legal date, answers differently with the event than without it';

/**
 * Every domain event type and what it means to downstream systems. Typed over the whole catalogue,
 * so a new domain event does not compile until someone decides what subscribers see of it.
 */
export const MAPPING_TABLE: { readonly [T in ResidentEventType]: MappingDecision } = {
  LandingPermitted: {
    yields: ['became-mid-to-long-term-resident', 'resident-particulars'],
    why: `${TRANSITION}; a Temporary Visitor's landing yields nothing`,
  },
  StatusPermissionGranted: {
    yields: ['status-of-residence-changed', 'period-of-stay-extended', 'became-mid-to-long-term-resident', 'ceased-to-be-mid-to-long-term-resident', 'resident-particulars'],
    why: `an extension yields period-of-stay-extended; any other kind status-of-residence-changed when the status differs from the day before; ${TRANSITION}`,
  },
  ResidenceCardIssued: { yields: ['residence-card-issued'], why: 'always' },
  ResidenceCardReissued: { yields: ['residence-card-issued'], why: 'always, with the reissue reason' },
  ResidenceCardRenewed: { yields: ['residence-card-issued'], why: 'always, reason "renewal"' },
  ResidenceCardReissueOrdered: none('an order to the holder; the new card, when issued, is published'),
  ResidenceCardInvalidated: {
    yields: ['residence-card-invalidated', 'ceased-to-be-mid-to-long-term-resident'],
    why: 'always; also ceased when the card lapsed because the stay ended by the passing of time (overstay, re-entry permit lapsed), which no other fact announces',
  },
  ResidenceCardReturned: none('custody of a card already invalid; subscribers learned of the invalidity'),
  ResidenceCardReportedLost: none('the card stays legally valid until a new one is issued (19-14(v)); the reissue is published'),
  ResidenceCardFound: none('custody only'),
  ResidenceAddressNotified: {
    yields: ['residence-municipality-changed', 'residence-address-changed'],
    why: 'municipality changed when the municipality of residence on the moved-in date differs from before; the street address on the personal topic only',
  },
  ResidenceAddressVacated: none('the last municipality stays the municipality of record; a (ix) ground after 90 days is published'),
  ResidenceAddressCorrected: {
    yields: ['residence-municipality-changed', 'residence-address-changed'],
    why: 'when the correction changes the municipality (or, personal topic, the address) in force on the correction date',
  },
  ResidentRecordEntered: {
    yields: ['residence-municipality-changed', 'residence-address-changed', 'resident-particulars'],
    why: 'as for a notification; particulars when the entry opens the record (a newborn)',
  },
  IdentityParticularsChanged: { yields: ['resident-particulars'], why: 'personal topic only: names and identity never reach the status topic' },
  AffiliationNotified: none('affiliated organizations are more than a subscriber needs to react to status changes (Art. 19-36(3))'),
  AcceptingInstitutionReported: none('an organization\'s report; not a change of status'),
  SpecifiedSkilledWorkerOrganizationReported: none('an organization\'s report; not a change of status'),
  ApplicationFiled: none('a pending application changes nothing a subscriber acts on; the decision\'s effect is published'),
  ApplicationDecided: {
    yields: ['ceased-to-be-mid-to-long-term-resident'],
    why: `${TRANSITION} (a refusal in the special period); a grant is published by its permission`,
  },
  DepartureConfirmed: { yields: ['departed', 'ceased-to-be-mid-to-long-term-resident'], why: `always departed; ${TRANSITION} (no re-entry permit)` },
  ReentryPermitGranted: none('a permit changes nothing until the person departs; the departure says on what'),
  ReentryPermitExtended: none('as for the grant'),
  Reentered: { yields: ['reentered'], why: 'always' },
  CancellationGroundDetected: {
    yields: ['address-lapse-ground-detected'],
    why: 'grounds (viii), (ix) only; (vi), (vii) concern activities and family and are candidates for officers, not for subscribers',
  },
  CancellationGroundWithdrawn: { yields: ['address-lapse-ground-withdrawn'], why: 'grounds (viii), (ix) only, as for the detection' },
  JustifiableReasonRecorded: none('an officer\'s finding; its effect on a detected ground is published as a withdrawal'),
  HearingNoticeServed: none('a procedural step; the cancellation, if any, is published'),
  StatusOfResidenceCancelled: { yields: ['status-of-residence-cancelled', 'ceased-to-be-mid-to-long-term-resident'], why: `always; ${TRANSITION}` },
  NotificationOverdue: none('a breach of a notification duty is a matter between the person and the bureau'),
  ResidentDied: { yields: ['ceased-to-be-mid-to-long-term-resident'], why: TRANSITION },
  JapaneseNationalityAcquired: { yields: ['ceased-to-be-mid-to-long-term-resident'], why: TRANSITION },
};
