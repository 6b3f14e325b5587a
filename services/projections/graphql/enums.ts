import { STATUSES_OF_RESIDENCE, StatusAttributes } from '../../../events/status-of-residence.js';
import { EventSource } from '../../../events/metadata.js';
import { Sex } from '../../../events/values.js';
import type { AffiliationCategory } from '../../register/domain/eligibility.js';
import type {
  CardInvalidityItem, CardView, MltrReason, ObligationDuty, ObligationState, ObligationView, StayView,
} from '../../register/domain/status-types.js';
import type { StayEndReason } from '../../register/domain/stay.js';
import type { Grant } from '../../register/domain/timeline.js';
import type { CountDimension, DeadlineKind } from '../read-models/types.js';
import type { ActorRole } from '../audit/audit-log.js';
import type { SeriesMeasure } from './resolvers/statistics-over-time.js';

/**
 * The GraphQL enums and the domain values behind them. The domain writes values in the law's
 * notation ('19-14(ii)', 'engineer-specialist', 'metLate'); GraphQL names are upper snake case,
 * with ART_ before an article number. Resolvers return domain values and receive them from input
 * enums: the maps below translate both ways.
 */

/** A GraphQL enum name for a domain value: `19-14(ii)` → `ART_19_14_II`, `metLate` → `MET_LATE`. */
export const enumName = (value: string): string => {
  const words = value.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return /^[0-9]/.test(words) ? `ART_${words}` : words;
};

const enumMap = (values: readonly string[]): Readonly<Record<string, string>> =>
  Object.fromEntries(values.map((value) => [enumName(value), value]));

/** Every member of the union T, written out: leaving one out is a compile error. */
const every =
  <T extends string>() =>
  <const L extends readonly T[]>(list: L & ([Exclude<T, L[number]>] extends [never] ? unknown : never)): L =>
    list;

const STAY_END = every<StayEndReason>()(['OVERSTAY', 'DEPARTED_WITHOUT_REENTRY_PERMIT', 'REENTRY_PERMIT_LAPSED', 'STATUS_CANCELLED', 'DIED', 'NATURALISED']);
const MLTR_REASONS = every<MltrReason>()([
  'MID_TO_LONG_TERM_RESIDENT', 'PERIOD_OF_STAY_THREE_MONTHS_OR_LESS', 'TEMPORARY_VISITOR', 'DIPLOMAT_OR_OFFICIAL',
  'EXCLUDED_BY_ORDINANCE', 'NO_STATUS', 'WITHOUT_STATUS_AFTER_BIRTH', ...STAY_END,
]);
const GRANT_VIA = every<Grant['via']>()([
  'landing', 'change-of-status', 'extension', 'permanent-residence', 'acquisition', 'temporary-refuge-acquisition',
  'special-permission-to-stay', 'refugee-related',
]);
const OBLIGATION_DUTIES = every<ObligationDuty>()(['19-7', '19-8', '19-9', '19-10', '19-11', '19-12', '19-13(3)', '19-15', '19-16', '22-2(2)']);
const DEADLINE_KINDS = every<DeadlineKind>()([
  ...OBLIGATION_DUTIES, 'period-of-stay-expiry', 'special-period-end', 'reentry-validity-end', 'ground-viii', 'ground-ix',
]);
type Deportable = NonNullable<Extract<StayView, { kind: 'ended' }>['deportable']>['article'];
type Responsible = NonNullable<ObligationView['responsible']>;
const OPTIONS = StatusAttributes.shape;

/** Resolver maps of every enum of schema/register.graphql (a test checks they match the SDL). */
export const ENUMS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  Sex: enumMap(Sex.options),
  StatusOfResidence: enumMap(STATUSES_OF_RESIDENCE.map((s) => s.code)),
  MltrReason: enumMap(MLTR_REASONS),
  StayEndReason: enumMap(STAY_END),
  GrantVia: enumMap(GRANT_VIA),
  StayKind: enumMap(every<StayView['kind']>()(['none', 'without-status', 'status', 'ended'])),
  FamilyRelation: enumMap(OPTIONS.familyRelation.unwrap().options),
  HspActivity: enumMap(OPTIONS.hspActivity.unwrap().options),
  OrdinanceExclusion: enumMap(OPTIONS.ordinanceExcluded.unwrap().options),
  DeportableArticle: enumMap(every<Deportable>()(['24(ii-2)', '24(ii-4)', '24(iv)(b)', '24(vii)'])),
  CardIssue: enumMap(every<CardView['issue']>()(['issued', 'reissued', 'renewed'])),
  CardValidityBasis: enumMap(every<CardView['validityBasis']>()(['19-5(1)(i)', '19-5(1)(ii)', '19-5(1)(iii)', '19-5(1)(iv)'])),
  CardInvalidityItem: enumMap(every<CardInvalidityItem>()(['19-14(i)', '19-14(ii)', '19-14(iii)', '19-14(iv)', '19-14(v)', '19-14(vi)'])),
  CardValidityState: enumMap(['VALID', 'INVALID', 'UNKNOWN']),
  AddressState: enumMap(['notified', 'recorded', 'vacated']),
  AffiliationCategory: enumMap(every<AffiliationCategory>()(['activity-institution', 'contract-institution', 'spouse'])),
  ReentryKind: enumMap(['reentry-permit', 'special-reentry']),
  ObligationDuty: enumMap(OBLIGATION_DUTIES),
  ObligationState: enumMap(every<ObligationState>()(['open', 'met', 'metLate', 'overdue', 'void', 'closedByDeparture'])),
  ResponsibleParty: enumMap(every<Responsible>()(['resident', 'co-residing-relative', 'relatives-or-cohabitants'])),
  LapseGround: enumMap(['viii', 'ix']),
  LapseState: enumMap(['candidate', 'withdrawn', 'moot']),
  LikelyJustification: enumMap(['ABROAD_ON_REENTRY_PERMIT']),
  HintGround: enumMap(['vi', 'vii']),
  DeadlineKind: enumMap(DEADLINE_KINDS),
  StatisticsDimension: enumMap(every<CountDimension>()(['municipality', 'statusOfResidence', 'nationality'])),
  SeriesMeasure: enumMap(every<SeriesMeasure>()(['lapseGround', 'overdueObligation'])),
  SourceKind: enumMap(EventSource.options.map((option) => option.shape.kind.value)),
  QuarantineState: enumMap(['open', 'applied']),
  ActorRole: enumMap(every<ActorRole>()(['officer', 'analyst', 'auditor'])),
};
