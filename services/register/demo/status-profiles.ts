import type { StatusAttributes, StatusOfResidence } from '../../../events/status-of-residence.js';
import { draw, weighted, type Random } from './prng.js';

/**
 * How holders of each status of residence live in the demo: their share of all mid-to-long-term
 * residents (ISA statistics, end of 2024, Special Permanent Residents excluded as non-MLTRs), the
 * share already in Japan when the register opens, the periods granted (rules.md §13), how often
 * they travel and apply for permanent residence, and their ages.
 */
export interface StatusProfile {
  readonly status: StatusOfResidence;
  readonly share: number;
  readonly stock: number;
  readonly periods: readonly string[];
  readonly tripsPerYear: number;
  readonly permanentResidencePerYear: number;
  readonly ages: readonly [number, number];
  /** Share of holders under 16 (children of residents or of Japanese nationals). */
  readonly children: number;
}

const p = (
  status: StatusOfResidence, share: number, stock: number, periods: readonly string[], tripsPerYear: number,
  permanentResidencePerYear: number, ages: readonly [number, number], children = 0,
): StatusProfile => ({ status, share, stock, periods, tripsPerYear, permanentResidencePerYear, ages, children });

export const STATUS_PROFILES: readonly StatusProfile[] = [
  p('permanent-resident', 25, 1, ['indefinite'], 2.5, 0, [22, 80], 0.07),
  p('engineer-specialist', 12, 0.6, ['P1Y', 'P3Y', 'P5Y'], 2.9, 0.03, [22, 45]),
  p('technical-intern-training-i-b', 12, 0.45, ['P1Y'], 0.5, 0, [19, 35]),
  p('student', 12, 0.45, ['P1Y', 'P1Y3M', 'P1Y6M', 'P2Y', 'P2Y3M'], 1.6, 0, [18, 30]),
  p('specified-skilled-worker-i', 8.5, 0.55, ['P1Y'], 0.9, 0, [20, 38]),
  p('specified-skilled-worker-ii', 0.5, 1, ['P3Y'], 1.8, 0.02, [25, 45]),
  p('dependent', 8.5, 0.6, ['P1Y', 'P3Y', 'P5Y'], 1.8, 0.01, [22, 45], 0.55),
  p('long-term-resident', 6.5, 0.85, ['P1Y', 'P3Y', 'P5Y'], 2.2, 0.06, [18, 70], 0.1),
  p('spouse-or-child-of-japanese-national', 4.5, 0.8, ['P1Y', 'P3Y', 'P5Y'], 2.5, 0.06, [22, 60], 0.08),
  p('designated-activities', 3.5, 0.5, ['P6M', 'P1Y'], 0.9, 0, [20, 35]),
  p('spouse-or-child-of-permanent-resident', 1.5, 0.8, ['P1Y', 'P3Y'], 2.2, 0.05, [20, 55], 0.15),
  p('business-manager', 1.2, 0.7, ['P4M', 'P1Y', 'P3Y'], 4.5, 0.02, [28, 60]),
  p('skilled-labor', 1.2, 0.7, ['P1Y', 'P3Y', 'P5Y'], 2.2, 0.02, [25, 50]),
  p('highly-skilled-professional-i-b', 0.7, 0.6, ['P5Y'], 4.5, 0.15, [28, 50]),
  p('intra-company-transferee', 0.6, 0.5, ['P1Y', 'P3Y'], 3.6, 0, [25, 50]),
  p('nursing-care', 0.6, 0.6, ['P1Y', 'P3Y'], 1.4, 0.02, [22, 40]),
  p('instructor', 0.4, 0.7, ['P1Y', 'P3Y', 'P5Y'], 2.7, 0.03, [25, 55]),
  p('professor', 0.2, 0.7, ['P1Y', 'P3Y', 'P5Y'], 3.6, 0.03, [35, 65]),
  p('cultural-activities', 0.2, 0.4, ['P6M', 'P1Y'], 1.8, 0, [20, 40]),
  p('researcher', 0.1, 0.6, ['P1Y', 'P3Y'], 3.6, 0.03, [28, 55]),
  p('religious-activities', 0.1, 0.8, ['P1Y', 'P3Y'], 1.8, 0, [25, 60]),
  p('medical-services', 0.1, 0.6, ['P1Y', 'P3Y'], 2.7, 0.03, [28, 50]),
  p('entertainer', 0.1, 0.3, ['P6M', 'P1Y'], 1.8, 0, [20, 35]),
];

const TABLE = weighted(STATUS_PROFILES.map((profile) => [profile, profile.share] as const));

export const drawStatusProfile = (rng: Random): StatusProfile => draw(rng, TABLE);

export const profileOf = (status: StatusOfResidence): StatusProfile =>
  STATUS_PROFILES.find((profile) => profile.status === status) ?? fallbackProfile(status);

/** Statuses reached only by a change (TITP (ii), etc.) live like the status they came from. */
const fallbackProfile = (status: StatusOfResidence): StatusProfile =>
  p(status, 0, 1, status.startsWith('technical-intern') ? ['P1Y'] : ['P1Y', 'P3Y'], status.startsWith('technical-intern') ? 0.5 : 2, 0, [20, 40]);

/** The family relation a spouse or child status names (Arts. 19-16(iii), 22-4(1)(vii)); rules.md §13. */
export const attributesFor = (rng: Random, status: StatusOfResidence, child: boolean): StatusAttributes => {
  switch (status) {
    case 'dependent': return { familyRelation: child ? 'child' : 'spouse' };
    case 'spouse-or-child-of-japanese-national': return { familyRelation: child ? 'child-of-japanese-national' : 'spouse-of-japanese-national' };
    case 'spouse-or-child-of-permanent-resident':
      return { familyRelation: child ? 'child-of-permanent-resident' : rng.chance(0.15) ? 'spouse-of-special-permanent-resident' : 'spouse-of-permanent-resident' };
    case 'designated-activities':
      return { designatedActivity: rng.pick(['working holiday', 'job hunting after graduation', 'EPA nurse candidate', 'preparation for departure']) };
    case 'entertainer': return { entertainerUnderJapaneseContract: true };
    default: return {};
  }
};

/** What a holder does when the period of stay nears its end (APP-1, APP-2): extend, change, or go home. */
export type ExpiryChoice = { readonly kind: 'extend' } | { readonly kind: 'leave' } | { readonly kind: 'change'; readonly to: StatusOfResidence };

const CHOICES: Partial<Record<StatusOfResidence, readonly (readonly [ExpiryChoice, number])[]>> = {
  'engineer-specialist': [[{ kind: 'extend' }, 88], [{ kind: 'leave' }, 8], [{ kind: 'change', to: 'business-manager' }, 2], [{ kind: 'change', to: 'highly-skilled-professional-i-b' }, 2]],
  'technical-intern-training-i-b': [[{ kind: 'change', to: 'technical-intern-training-ii-b' }, 92], [{ kind: 'leave' }, 8]],
  'technical-intern-training-ii-b': [[{ kind: 'change', to: 'specified-skilled-worker-i' }, 45], [{ kind: 'leave' }, 45], [{ kind: 'extend' }, 10]],
  student: [[{ kind: 'change', to: 'engineer-specialist' }, 45], [{ kind: 'extend' }, 20], [{ kind: 'change', to: 'designated-activities' }, 5], [{ kind: 'leave' }, 30]],
  'specified-skilled-worker-i': [[{ kind: 'extend' }, 85], [{ kind: 'change', to: 'specified-skilled-worker-ii' }, 5], [{ kind: 'leave' }, 10]],
  'designated-activities': [[{ kind: 'change', to: 'engineer-specialist' }, 30], [{ kind: 'extend' }, 30], [{ kind: 'leave' }, 40]],
  'spouse-or-child-of-japanese-national': [[{ kind: 'extend' }, 90], [{ kind: 'change', to: 'long-term-resident' }, 4], [{ kind: 'leave' }, 6]],
  'business-manager': [[{ kind: 'extend' }, 85], [{ kind: 'leave' }, 15]],
  'long-term-resident': [[{ kind: 'extend' }, 95], [{ kind: 'leave' }, 5]],
};

const TABLES = new Map(Object.entries(CHOICES).map(([status, choices]) => [status, weighted(choices)]));
const DEFAULT_CHOICE = weighted<ExpiryChoice>([[{ kind: 'extend' }, 90], [{ kind: 'leave' }, 10]]);

export const drawExpiryChoice = (rng: Random, status: StatusOfResidence): ExpiryChoice => draw(rng, TABLES.get(status) ?? DEFAULT_CHOICE);
