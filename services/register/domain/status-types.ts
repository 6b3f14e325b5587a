import type { Address, Instant, IsoDate, MunicipalityCode, Organization, PersonalParticulars } from '../../../events/values.js';
import type { PeriodOfStay, StatusAttributes, StatusOfResidence } from '../../../events/status-of-residence.js';
import type { ClosedDayCalendar } from './rules/closed-days.js';
import type { AffiliationCategory } from './eligibility.js';
import type { Stay, StayEndReason } from './stay.js';
import type { Grant, Timeline } from './timeline.js';

/** A deadline as both the Civil Code count and the closed-day roll-forward give it (DT-2, DT-6). */
export interface DeadlineView {
  readonly nominal: IsoDate;
  readonly effective: IsoDate;
}

export type MltrReason =
  | 'MID_TO_LONG_TERM_RESIDENT' // Art. 19-3
  | 'PERIOD_OF_STAY_THREE_MONTHS_OR_LESS' // 19-3(i)
  | 'TEMPORARY_VISITOR' // 19-3(ii)
  | 'DIPLOMAT_OR_OFFICIAL' // 19-3(iii)
  | 'EXCLUDED_BY_ORDINANCE' // 19-3(iv)
  | 'NO_STATUS' // MLTR-1: no status recorded
  | 'WITHOUT_STATUS_AFTER_BIRTH' // 22-2(1)
  | StayEndReason; // MLTR-3

export interface MltrView {
  readonly is: boolean;
  readonly reason: MltrReason;
  /** First day of the current uninterrupted MLTR period. */
  readonly since: IsoDate | null;
  /** The grant that made the person newly an MLTR (MLTR-2), when the current period began with one. */
  readonly newlyBy: Grant['via'] | null;
}

export type StayView =
  | { readonly kind: 'none' }
  | { readonly kind: 'without-status'; readonly bornOn: IsoDate; readonly lawfulUntil: IsoDate; readonly applicationPending: boolean }
  | {
      readonly kind: 'status';
      readonly status: StatusOfResidence;
      readonly attributes: StatusAttributes;
      readonly periodOfStay: PeriodOfStay;
      readonly expiresOn: IsoDate | null;
      readonly grantedOn: IsoDate;
      readonly grantedVia: Grant['via'];
      /** APP-3: in the Art. 20(6) special period until the disposition or `limit`, whichever is earlier. */
      readonly specialPeriod: { readonly applicationId: string; readonly startsOn: IsoDate; readonly limit: IsoDate } | null;
    }
  | {
      readonly kind: 'ended';
      readonly reason: StayEndReason;
      readonly since: IsoDate;
      readonly departBy: IsoDate | null;
      /** STAY-1, CAN-4(8): from when the person, if still in Japan, is deportable, and under which item of Art. 24. */
      readonly deportable: { readonly since: IsoDate; readonly article: '24(ii-2)' | '24(ii-4)' | '24(iv)(b)' | '24(vii)' } | null;
    };

/** Items of Art. 19-14 under which a card loses effect. */
export type CardInvalidityItem = '19-14(i)' | '19-14(ii)' | '19-14(iii)' | '19-14(iv)' | '19-14(v)' | '19-14(vi)';

export interface CardView {
  readonly cardNumber: string;
  readonly issuedOn: IsoDate;
  readonly issue: 'issued' | 'reissued' | 'renewed';
  /** The article-named reason of the issue event. */
  readonly reason: string;
  readonly printedValidUntil: IsoDate;
  /** CARD-4: the validity Art. 19-5(1) gives, and which item gave it. */
  readonly statutoryValidUntil: IsoDate;
  readonly validityBasis: '19-5(1)(i)' | '19-5(1)(ii)' | '19-5(1)(iii)' | '19-5(1)(iv)';
  /** CARD-5: the last valid day including the 19-5(2) extension during the special period. */
  readonly validUntil: IsoDate;
  readonly valid: boolean;
  /** INV-1: every ground that applies at D, earliest first; the first is the primary one. */
  readonly invalidity: readonly { readonly item: CardInvalidityItem; readonly since: IsoDate }[];
  readonly reportedLost: boolean;
  readonly returnedOn: IsoDate | null;
}

export type AddressView =
  | {
      readonly state: 'notified';
      readonly address: Address;
      readonly since: IsoDate; // moved-in date
      readonly notifiedOn: IsoDate;
      readonly relayId: string;
    }
  | {
      /** A resident-record entry (61-8-2) without a residence notification yet. */
      readonly state: 'recorded';
      readonly address: Address;
      readonly since: IsoDate;
      readonly relayId: string;
    }
  | { readonly state: 'vacated'; readonly municipalityCode: MunicipalityCode; readonly since: IsoDate };

export interface AffiliationView {
  readonly category: AffiliationCategory;
  readonly organization: Organization | null;
  /** The latest event notified or reported for this category, e.g. 'contract-ended'. */
  readonly lastEvent: string;
  readonly lastEventOn: IsoDate;
}

export type ObligationDuty =
  | '19-7' | '19-8' | '19-9' | '19-10' | '19-11' | '19-12' | '19-13(3)' | '19-15' | '19-16' | '22-2(2)';

export type ObligationState = 'open' | 'met' | 'metLate' | 'overdue' | 'void' | 'closedByDeparture';

export interface ObligationView {
  readonly duty: ObligationDuty;
  /** What the duty is about, e.g. a card number or 'contract-ended 2026-05-31'. */
  readonly subject: string;
  /** Null while the day that starts the clock is not known (e.g. the moved-in date, S01). */
  readonly clockStartedOn: IsoDate | null;
  readonly deadline: DeadlineView | null;
  /** INV-2: a duty to act immediately (19-15(2)) has no 14-day deadline. */
  readonly immediately: boolean;
  readonly state: ObligationState;
  readonly metOn: IsoDate | null;
  readonly overdueSince: IsoDate | null;
  /** Who must act: the resident, a co-residing relative for a person under 16 (Art. 61-9-3(2)), or, after a death, relatives or cohabitants (19-15(4)). */
  readonly responsible?: 'resident' | 'co-residing-relative' | 'relatives-or-cohabitants';
  /** Rules.md §12: the penalty article for failing the duty; null where none applies (19-15(4)). */
  readonly penalty?: string | null;
}

export interface CancellationCandidateView {
  readonly ground: 'viii' | 'ix';
  /** First day on which the ground holds (CAN-3). */
  readonly from: IsoDate;
  /** The strict reading (no roll-forward of day 90, reading #1). */
  readonly strictFrom: IsoDate;
  readonly clockStartedOn: IsoDate;
  readonly day90: DeadlineView;
  /** Transaction time at which the register could first see the candidate. */
  readonly knownSince: Instant;
  readonly curedLateOn: IsoDate | null;
  readonly likelyJustification: 'ABROAD_ON_REENTRY_PERMIT' | null;
  readonly justifiableReason: { readonly reason: string; readonly decidedOn: IsoDate } | null;
  readonly state: 'candidate' | 'withdrawn' | 'moot';
}

export interface GroundWatchView {
  readonly ground: 'viii' | 'ix';
  readonly clockStartedOn: IsoDate;
  readonly day90: DeadlineView;
  readonly groundFrom: IsoDate;
}

export interface GroundHintView {
  readonly ground: 'vi' | 'vii';
  readonly from: IsoDate;
  /** Last day of the activity (vi) or the divorce / death date (vii). */
  readonly clockStartedOn: IsoDate;
  /** CAN-5, Art. 22-5: a change-of-status or PR application is pending. */
  readonly applicationPending: { readonly kind: string; readonly filedOn: IsoDate } | null;
}

export interface TravelView {
  readonly abroad: boolean;
  readonly departedOn: IsoDate | null;
  readonly under: 'reentry-permit' | 'special-reentry' | null;
  readonly returnBy: IsoDate | null;
}

export interface Anomaly {
  readonly code: string;
  readonly message: string;
  readonly on: IsoDate | null;
}

/** REG-2: everything the register says about one person at (D, K). */
export interface ResidentStatus {
  readonly residentId: string | null;
  readonly asOf: IsoDate;
  readonly knownAt: Instant | null;
  /** Art. 19-36(1): name, date of birth, sex, nationality at asOf — personal data, read under audit. */
  readonly particulars: PersonalParticulars | null;
  readonly midToLongTermResident: MltrView;
  readonly stay: StayView;
  readonly card: CardView | null;
  readonly cards: readonly CardView[];
  readonly address: AddressView | null;
  readonly affiliation: AffiliationView | null;
  readonly travel: TravelView;
  readonly obligations: readonly ObligationView[];
  readonly cancellationGrounds: readonly CancellationCandidateView[];
  readonly watches: readonly GroundWatchView[];
  readonly hints: readonly GroundHintView[];
  readonly categories: { readonly affiliation: AffiliationCategory | null; readonly cancellationItems: readonly string[] };
  readonly anomalies: readonly Anomaly[];
}

export interface StatusPolicy {
  /** Reading #1: roll day 90 of grounds (viii)/(ix) forward past closed days (default true). */
  readonly rollForward90DayGrounds: boolean;
  /** Closed days for filings with the ISA and, by default, with municipalities (DT-6). */
  readonly calendar: ClosedDayCalendar;
}

/** A grant together with whether it made the person newly an MLTR (MLTR-2; 19-7, 19-8, 22-4(1)(viii)). */
export interface MltrEntry {
  readonly grant: Grant;
  readonly newly: boolean;
}

/** What every part of the status function reads: computed once per (facts, D, K). */
export interface StatusContext {
  readonly timeline: Timeline;
  readonly asOf: IsoDate;
  readonly stay: Stay;
  /** The stay at another date, with the same knowledge. */
  readonly stayOn: (date: IsoDate) => Stay;
  /** True if the person was an MLTR at the end of `date`. */
  readonly mltrOn: (date: IsoDate) => boolean;
  readonly entries: readonly MltrEntry[];
  readonly policy: StatusPolicy;
}
