import type { StatusGrant } from '../../../events/permissions.js';
import type { StatusAttributes, StatusOfResidence } from '../../../events/status-of-residence.js';

/** Why a status grant does or does not make its holder a mid-to-long-term resident (Art. 19-3). */
export type MltrEligibility =
  | { readonly eligible: true }
  | {
      readonly eligible: false;
      readonly reason:
        | 'PERIOD_OF_STAY_THREE_MONTHS_OR_LESS' // 19-3(i)
        | 'TEMPORARY_VISITOR' // 19-3(ii)
        | 'DIPLOMAT_OR_OFFICIAL' // 19-3(iii)
        | 'EXCLUDED_BY_ORDINANCE'; // 19-3(iv), Enforcement Regulation Art. 19-5
    };

const ISO_PERIOD = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?$/;

/**
 * MLTR-1, Art. 19-3(i): the decided period must exceed 3 months (3 months itself is excluded, 4
 * qualifies). A period in days counts as more than 3 months only beyond 3 × 31 days, so that no
 * day-count period of at most 3 calendar months slips through.
 */
export const periodExceedsThreeMonths = (period: StatusGrant['periodOfStay']): boolean => {
  if (period === 'indefinite' || period === 'duration-of-diplomatic-activities') return true;
  const match = ISO_PERIOD.exec(period);
  if (match === null) return false;
  const [, years = '0', months = '0', days = '0'] = match;
  const totalMonths = Number(years) * 12 + Number(months);
  if (totalMonths > 3) return true;
  return totalMonths * 31 + Number(days) > 3 * 31;
};

/** MLTR-1, Art. 19-3: who is a mid-to-long-term resident, judged on the status and the decided period. */
export const mltrEligibility = (grant: StatusGrant): MltrEligibility => {
  if (grant.status === 'temporary-visitor') return { eligible: false, reason: 'TEMPORARY_VISITOR' };
  if (grant.status === 'diplomat' || grant.status === 'official') return { eligible: false, reason: 'DIPLOMAT_OR_OFFICIAL' };
  if (grant.attributes.ordinanceExcluded !== undefined) return { eligible: false, reason: 'EXCLUDED_BY_ORDINANCE' };
  if (!periodExceedsThreeMonths(grant.periodOfStay)) return { eligible: false, reason: 'PERIOD_OF_STAY_THREE_MONTHS_OR_LESS' };
  return { eligible: true };
};

export type AffiliationCategory = 'activity-institution' | 'contract-institution' | 'spouse';

const ACTIVITY_INSTITUTION: ReadonlySet<StatusOfResidence> = new Set<StatusOfResidence>([
  'professor', 'highly-skilled-professional-i-c', 'business-manager', 'legal-accounting-services', 'medical-services',
  'instructor', 'intra-company-transferee', 'technical-intern-training-i-a', 'technical-intern-training-i-b',
  'technical-intern-training-ii-a', 'technical-intern-training-ii-b', 'technical-intern-training-iii-a',
  'technical-intern-training-iii-b', 'student', 'trainee',
]);

// Reading #17: the seed names the designated institution for HSP (i)(a) only; (i)(b) is treated alike (verify on e-Gov).
const CONTRACT_INSTITUTION: ReadonlySet<StatusOfResidence> = new Set<StatusOfResidence>([
  'highly-skilled-professional-i-a', 'highly-skilled-professional-i-b', 'researcher', 'engineer-specialist',
  'nursing-care', 'skilled-labor', 'specified-skilled-worker-i', 'specified-skilled-worker-ii',
]);

const isSpouseCase = (status: StatusOfResidence, attributes: StatusAttributes): boolean => {
  const relation = attributes.familyRelation;
  if (status === 'dependent') return relation === 'spouse';
  if (status === 'spouse-or-child-of-japanese-national') return relation === 'spouse-of-japanese-national';
  if (status === 'spouse-or-child-of-permanent-resident')
    return relation === 'spouse-of-permanent-resident' || relation === 'spouse-of-special-permanent-resident';
  return false;
};

/** AFF-1, Art. 19-16: which notification category (if any) a status carries; rules.md §13, scenario S51. */
export const affiliationCategory = (status: StatusOfResidence, attributes: StatusAttributes): AffiliationCategory | null => {
  if (ACTIVITY_INSTITUTION.has(status)) return 'activity-institution';
  if (CONTRACT_INSTITUTION.has(status)) return 'contract-institution';
  if (status === 'entertainer') return attributes.entertainerUnderJapaneseContract === true ? 'contract-institution' : null;
  if (status === 'highly-skilled-professional-ii') {
    if (attributes.hspActivity === 'c') return 'activity-institution';
    return attributes.hspActivity === undefined ? null : 'contract-institution';
  }
  return isSpouseCase(status, attributes) ? 'spouse' : null;
};

/** CAN-2, Art. 22-4(1)(vii): spouses of Japanese nationals and of (special) permanent residents. */
export const spouseGroundApplies = (status: StatusOfResidence, attributes: StatusAttributes): boolean =>
  (status === 'spouse-or-child-of-japanese-national' || status === 'spouse-or-child-of-permanent-resident') &&
  isSpouseCase(status, attributes);

const TABLE_TWO: ReadonlySet<StatusOfResidence> = new Set<StatusOfResidence>([
  'permanent-resident', 'spouse-or-child-of-japanese-national', 'spouse-or-child-of-permanent-resident', 'long-term-resident',
]);

/** CAN-2, Art. 22-4(1): (v)/(vi) for Appended Table I statuses, (vii) for the spouses, (viii)–(x) for every MLTR. */
export const applicableCancellationItems = (status: StatusOfResidence, attributes: StatusAttributes): readonly string[] => [
  'i', 'ii', 'iii', 'iv',
  ...(TABLE_TWO.has(status) ? [] : ['v', 'vi']),
  ...(spouseGroundApplies(status, attributes) ? ['vii'] : []),
  'viii', 'ix', 'x',
];
