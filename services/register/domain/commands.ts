import type { EventOf, ResidentEventType } from '../../../events/catalogue.js';

type DataOf<T extends ResidentEventType> = EventOf<T>['data'];

/**
 * Every fact an officer or a municipality records, as an imperative command. A command carries the
 * data of the event it asks for: the law's facts are the same on both sides, and `decide` judges
 * whether the record allows them.
 */
export const COMMAND_EVENTS = {
  PermitLanding: 'LandingPermitted', // Ch. III; card under 19-6
  GrantStatusPermission: 'StatusPermissionGranted', // Arts. 20, 21, 22, 22-2, 22-3, 50, 61-2-2
  IssueResidenceCard: 'ResidenceCardIssued', // 19-6, 19-10(2), 20(4)(i), 21(4), 22(3), 22-2, 50(3), 61-2-2(3)
  ReissueResidenceCard: 'ResidenceCardReissued', // 19-12(2), 19-13(4)
  RenewResidenceCard: 'ResidenceCardRenewed', // 19-11(3)
  OrderCardReissue: 'ResidenceCardReissueOrdered', // 19-13(2)
  ReportCardLost: 'ResidenceCardReportedLost', // 19-12(1)
  RecordCardFound: 'ResidenceCardFound', // 19-15(3)
  RecordCardReturned: 'ResidenceCardReturned', // 19-15
  NotifyResidenceAddress: 'ResidenceAddressNotified', // 19-7, 19-8, 19-9
  RecordMoveOut: 'ResidenceAddressVacated', // 61-8-2, 19-37
  CorrectResidenceAddress: 'ResidenceAddressCorrected', // 61-8-2
  RecordResidentRecordEntry: 'ResidentRecordEntered', // 61-8-2
  NotifyIdentityChange: 'IdentityParticularsChanged', // 19-10(1)
  NotifyAffiliation: 'AffiliationNotified', // 19-16
  ReportAcceptingInstitution: 'AcceptingInstitutionReported', // 19-17
  ReportSpecifiedSkilledWorkerOrganization: 'SpecifiedSkilledWorkerOrganizationReported', // 19-18
  FileApplication: 'ApplicationFiled', // 20(2), 21(2), 22(1), 22-2(2), 26(1), 19-11, 19-12, 19-13
  DecideApplication: 'ApplicationDecided',
  ConfirmDeparture: 'DepartureConfirmed', // 25
  GrantReentryPermit: 'ReentryPermitGranted', // 26(1)
  ExtendReentryPermit: 'ReentryPermitExtended', // 26(4), (5)
  RecordReentry: 'Reentered', // 26, 26-2
  RecordJustifiableReason: 'JustifiableReasonRecorded', // 22-4(1)(v)–(ix)
  ServeHearingNotice: 'HearingNoticeServed', // 22-4(2), (3)
  CancelStatusOfResidence: 'StatusOfResidenceCancelled', // 22-4(6), (7)
  RecordDeath: 'ResidentDied', // 19-14(vi)
  RecordNaturalisation: 'JapaneseNationalityAcquired', // Art. 2(ii)
} as const satisfies Record<string, ResidentEventType>;

export type CommandType = keyof typeof COMMAND_EVENTS;

export type CommandOf<C extends CommandType> = { readonly type: C; readonly data: DataOf<(typeof COMMAND_EVENTS)[C]> };

export type ResidentCommand = { [C in CommandType]: CommandOf<C> }[CommandType];

export const COMMAND_TYPES = Object.keys(COMMAND_EVENTS) as CommandType[];
