import type { Instant, IsoDate } from '../../../events/values.js';
import type { ResidentStatus } from '../../register/domain/status-types.js';

/**
 * The read side's contract: rows of the read models kept by the projector (one local SQLite
 * database per projection instance) and the queries the GraphQL API and the clock ask of them.
 * Every row is computed by the one status function, `statusAt`, as of `asOf` (the projector's
 * "today", JST); answers for other dates are recomputed from the log by the caller.
 */

/** (a) The continuous-status view (Art. 19-36): one row per resident. */
export interface StatusRow {
  readonly residentId: string;
  readonly asOf: IsoDate;
  /** Last stream revision applied (projections apply an event only once, at its revision). */
  readonly revision: number;
  readonly midToLongTermResident: boolean;
  readonly mltrReason: string;
  readonly statusOfResidence: string | null;
  readonly periodExpiresOn: IsoDate | null;
  /** Municipality of the current residence, or the last known one after a move-out. */
  readonly municipalityCode: string | null;
  readonly nationality: string | null;
  readonly cardNumber: string | null;
  readonly cardValid: boolean | null;
  readonly cardValidUntil: IsoDate | null;
  readonly abroad: boolean;
  /** Duties overdue at asOf, e.g. ['19-7', '19-16']. */
  readonly overdueDuties: readonly string[];
  /** Cancellation grounds (viii)/(ix) holding at asOf. */
  readonly lapseGrounds: readonly string[];
  /** Earliest later date on which the row may change without a new event (a deadline, an expiry). */
  readonly nextChangeOn: IsoDate | null;
  readonly status: ResidentStatus;
}

/** (b) The card index: card number → resident, with validity. */
export interface CardRow {
  readonly cardNumber: string;
  readonly residentId: string;
  readonly issuedOn: IsoDate;
  readonly validUntil: IsoDate;
  readonly valid: boolean;
  /** Art. 19-14 item of the primary ground, e.g. '19-14(ii)'. */
  readonly invalidItem: string | null;
  readonly invalidSince: IsoDate | null;
  readonly asOf: IsoDate;
}

/** What a deadline is about: a 14-day duty (by article), or one of the other dates the law fixes. */
export type DeadlineKind =
  | '19-7' | '19-8' | '19-9' | '19-10' | '19-11' | '19-12' | '19-13(3)' | '19-15' | '19-16' | '22-2(2)'
  | 'period-of-stay-expiry' | 'special-period-end' | 'reentry-validity-end' | 'ground-viii' | 'ground-ix';

/** (c) The deadline index: every pending deadline, by due date. */
export interface DeadlineRow {
  readonly residentId: string;
  readonly kind: DeadlineKind;
  readonly subject: string;
  readonly clockStartedOn: IsoDate | null;
  readonly nominal: IsoDate;
  readonly effective: IsoDate;
  readonly municipalityCode: string | null;
}

/** (d) The address-lapse triggers: residents with ground (viii) or (ix). */
export interface LapseRow {
  readonly residentId: string;
  readonly ground: 'viii' | 'ix';
  readonly from: IsoDate;
  readonly strictFrom: IsoDate;
  readonly clockStartedOn: IsoDate;
  readonly municipalityCode: string | null;
  readonly curedLateOn: IsoDate | null;
  readonly state: 'candidate' | 'withdrawn' | 'moot';
  readonly knownSince: Instant;
}

/** (e) Counts per municipality, status of residence and nationality (MLTRs at the row's asOf). */
export type CountDimension = 'municipality' | 'statusOfResidence' | 'nationality';
export interface CountRow {
  readonly key: string;
  readonly count: number;
}

export interface Page<T> {
  readonly items: readonly T[];
  /** Opaque cursor of the last item, for `after`. */
  readonly endCursor: string | null;
  readonly hasNextPage: boolean;
  readonly totalCount: number;
}

export interface ResidentFilter {
  readonly statusOfResidence?: string;
  readonly municipalityCode?: string;
  readonly midToLongTermResident?: boolean;
  readonly cardExpiringBetween?: { readonly from: IsoDate; readonly to: IsoDate };
  readonly overdueDuty?: string;
  readonly lapseGround?: 'viii' | 'ix';
}

/** The queries the GraphQL API and the clock ask of one projection instance's read models. */
export interface ReadModels {
  statusOf(residentId: string): StatusRow | null;
  card(cardNumber: string): CardRow | null;
  residents(filter: ResidentFilter, first: number, after: string | null): Page<StatusRow>;
  addressLapses(
    query: { readonly municipalityCode?: string; readonly ground?: 'viii' | 'ix'; readonly fromOnOrBefore: IsoDate },
    first: number,
    after: string | null,
  ): Page<LapseRow>;
  deadlines(
    query: { readonly dueFrom: IsoDate; readonly dueTo: IsoDate; readonly kind?: DeadlineKind; readonly municipalityCode?: string },
    first: number,
    after: string | null,
  ): Page<DeadlineRow>;
  counts(dimension: CountDimension): readonly CountRow[];
  /** Residents whose current name (normalised), date of birth and nationality are these; at most `limit`. */
  residentsByIdentity(particulars: { readonly name: string; readonly dateOfBirth: IsoDate; readonly nationality: string }, limit: number): readonly string[];
  /**
   * What the daily clock must look at: residents with a deadline due on or before the date, an open
   * lapse ground, or a status that turns by then without an event (the status view's next change).
   */
  residentsDueBy(date: IsoDate): readonly string[];
  /** Global log position of the last event applied. */
  checkpoint(): number;
}
