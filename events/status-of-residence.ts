import { z } from 'zod';

/**
 * The statuses of residence of Appended Tables I and II (rules.md §13). Kept as data so that a new
 * status (e.g. the successor of Technical Intern Training, 2024 reform) is one row, not a code change.
 */
export const STATUSES_OF_RESIDENCE = [
  { code: 'diplomat', table: 'I-1', ja: '外交', en: 'Diplomat' },
  { code: 'official', table: 'I-1', ja: '公用', en: 'Official' },
  { code: 'professor', table: 'I-1', ja: '教授', en: 'Professor' },
  { code: 'artist', table: 'I-1', ja: '芸術', en: 'Artist' },
  { code: 'religious-activities', table: 'I-1', ja: '宗教', en: 'Religious Activities' },
  { code: 'journalist', table: 'I-1', ja: '報道', en: 'Journalist' },
  { code: 'highly-skilled-professional-i-a', table: 'I-2', ja: '高度専門職1号イ', en: 'Highly Skilled Professional (i)(a)' },
  { code: 'highly-skilled-professional-i-b', table: 'I-2', ja: '高度専門職1号ロ', en: 'Highly Skilled Professional (i)(b)' },
  { code: 'highly-skilled-professional-i-c', table: 'I-2', ja: '高度専門職1号ハ', en: 'Highly Skilled Professional (i)(c)' },
  { code: 'highly-skilled-professional-ii', table: 'I-2', ja: '高度専門職2号', en: 'Highly Skilled Professional (ii)' },
  { code: 'business-manager', table: 'I-2', ja: '経営・管理', en: 'Business Manager' },
  { code: 'legal-accounting-services', table: 'I-2', ja: '法律・会計業務', en: 'Legal/Accounting Services' },
  { code: 'medical-services', table: 'I-2', ja: '医療', en: 'Medical Services' },
  { code: 'researcher', table: 'I-2', ja: '研究', en: 'Researcher' },
  { code: 'instructor', table: 'I-2', ja: '教育', en: 'Instructor' },
  { code: 'engineer-specialist', table: 'I-2', ja: '技術・人文知識・国際業務', en: 'Engineer/Specialist in Humanities/International Services' },
  { code: 'intra-company-transferee', table: 'I-2', ja: '企業内転勤', en: 'Intra-company Transferee' },
  { code: 'nursing-care', table: 'I-2', ja: '介護', en: 'Nursing Care' },
  { code: 'entertainer', table: 'I-2', ja: '興行', en: 'Entertainer' },
  { code: 'skilled-labor', table: 'I-2', ja: '技能', en: 'Skilled Labor' },
  { code: 'specified-skilled-worker-i', table: 'I-2', ja: '特定技能1号', en: 'Specified Skilled Worker (i)' },
  { code: 'specified-skilled-worker-ii', table: 'I-2', ja: '特定技能2号', en: 'Specified Skilled Worker (ii)' },
  { code: 'technical-intern-training-i-a', table: 'I-2', ja: '技能実習1号イ', en: 'Technical Intern Training (i)(a)' },
  { code: 'technical-intern-training-i-b', table: 'I-2', ja: '技能実習1号ロ', en: 'Technical Intern Training (i)(b)' },
  { code: 'technical-intern-training-ii-a', table: 'I-2', ja: '技能実習2号イ', en: 'Technical Intern Training (ii)(a)' },
  { code: 'technical-intern-training-ii-b', table: 'I-2', ja: '技能実習2号ロ', en: 'Technical Intern Training (ii)(b)' },
  { code: 'technical-intern-training-iii-a', table: 'I-2', ja: '技能実習3号イ', en: 'Technical Intern Training (iii)(a)' },
  { code: 'technical-intern-training-iii-b', table: 'I-2', ja: '技能実習3号ロ', en: 'Technical Intern Training (iii)(b)' },
  { code: 'cultural-activities', table: 'I-3', ja: '文化活動', en: 'Cultural Activities' },
  { code: 'temporary-visitor', table: 'I-3', ja: '短期滞在', en: 'Temporary Visitor' },
  { code: 'student', table: 'I-4', ja: '留学', en: 'Student' },
  { code: 'trainee', table: 'I-4', ja: '研修', en: 'Trainee' },
  { code: 'dependent', table: 'I-4', ja: '家族滞在', en: 'Dependent' },
  { code: 'designated-activities', table: 'I-5', ja: '特定活動', en: 'Designated Activities' },
  { code: 'permanent-resident', table: 'II', ja: '永住者', en: 'Permanent Resident' },
  { code: 'spouse-or-child-of-japanese-national', table: 'II', ja: '日本人の配偶者等', en: 'Spouse or Child of Japanese National' },
  { code: 'spouse-or-child-of-permanent-resident', table: 'II', ja: '永住者の配偶者等', en: 'Spouse or Child of Permanent Resident' },
  { code: 'long-term-resident', table: 'II', ja: '定住者', en: 'Long-Term Resident' },
] as const;

type StatusCode = (typeof STATUSES_OF_RESIDENCE)[number]['code'];
const codes = STATUSES_OF_RESIDENCE.map((s) => s.code) as [StatusCode, ...StatusCode[]];

export const StatusOfResidence = z.enum(codes);
export type StatusOfResidence = z.infer<typeof StatusOfResidence>;

/** A period of stay as decided: an ISO 8601 duration (P1Y, P3M, P4Y3M, P31D) or one without an end. */
export const PeriodOfStay = z.union([
  z.string().regex(/^P(?!$)(\d+Y)?(\d+M)?(\d+D)?$/, 'must be an ISO 8601 period such as P1Y, P6M, P4Y3M or P15D'),
  z.literal('indefinite'),
  z.literal('duration-of-diplomatic-activities'),
]);
export type PeriodOfStay = z.infer<typeof PeriodOfStay>;

/**
 * Facts about the holder that the law needs beyond the status code: whose spouse or child
 * (19-16(iii), 22-4(1)(vii)), an entertainer's Japanese contract (19-16(ii)), the HSP activity type,
 * and a designated activity the ordinance excludes from MLTR status (19-3(iv)).
 */
export const StatusAttributes = z.object({
  familyRelation: z
    .enum([
      'spouse-of-japanese-national',
      'child-of-japanese-national',
      'special-adoptee-of-japanese-national',
      'spouse-of-permanent-resident',
      'spouse-of-special-permanent-resident',
      'child-of-permanent-resident',
      'spouse',
      'child',
    ])
    .optional(),
  entertainerUnderJapaneseContract: z.boolean().optional(),
  hspActivity: z.enum(['a', 'b', 'c']).optional(),
  designatedActivity: z.string().trim().min(1).max(200).optional(),
  ordinanceExcluded: z.enum(['tecro-staff', 'palestine-mission-staff']).optional(),
});
export type StatusAttributes = z.infer<typeof StatusAttributes>;
