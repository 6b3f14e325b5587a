import type { Term } from './term.js';

/**
 * Legal terms in Japanese and English, keyed by the GraphQL enum names (the glossary of the
 * README, Appended Tables I and II of the ICRRA, and the articles of its Chapter IV Section 3).
 */

export const SECTION: Readonly<Record<string, Term>> = {
  resident: { ja: '中長期在留者', en: 'Mid-to-long-term resident', article: 'Art. 19-3' },
  status: { ja: '在留資格', en: 'Status of residence', article: 'Art. 19-4(1)(iii)' },
  period: { ja: '在留期間', en: 'Period of stay', article: 'Art. 19-4(1)(iii)' },
  expiry: { ja: '在留期間の満了日', en: 'Expiry of the period of stay', article: 'Art. 19-4(1)(iii)' },
  card: { ja: '在留カード', en: 'Residence card', article: 'Art. 19-4, 19-5' },
  address: { ja: '住居地', en: 'Residence address', article: 'Art. 19-4(1)(ii), 19-7 to 19-9' },
  affiliation: { ja: '所属機関', en: 'Affiliated organization', article: 'Art. 19-16' },
  travel: { ja: '出国・再入国', en: 'Travel abroad', article: 'Art. 26, 26-2' },
  obligations: { ja: '届出義務', en: 'Notification duties', article: 'Arts. 19-7 to 19-16, 22-2(2)' },
  grounds: { ja: '在留資格の取消し事由', en: 'Grounds for cancellation of status', article: 'Art. 22-4(1)(viii), (ix)' },
  timeline: { ja: '経過', en: 'Timeline of events', article: 'Art. 19-36' },
  lapses: { ja: '住居地届出の不履行（取消し事由）', en: 'Address-lapse grounds for cancellation', article: 'Art. 22-4(1)(viii), (ix)' },
  municipality: { ja: '市区町村コード', en: 'Municipality code', article: 'Art. 19-7(1)' },
  prefecture: { ja: '都道府県', en: 'Prefecture' },
  asOf: { ja: '基準日', en: 'As of' },
};

export const STATUS_OF_RESIDENCE: Readonly<Record<string, Term>> = {
  DIPLOMAT: { ja: '外交', en: 'Diplomat' },
  OFFICIAL: { ja: '公用', en: 'Official' },
  PROFESSOR: { ja: '教授', en: 'Professor' },
  ARTIST: { ja: '芸術', en: 'Artist' },
  RELIGIOUS_ACTIVITIES: { ja: '宗教', en: 'Religious activities' },
  JOURNALIST: { ja: '報道', en: 'Journalist' },
  HIGHLY_SKILLED_PROFESSIONAL_I_A: { ja: '高度専門職1号イ', en: 'Highly skilled professional (i)(a)' },
  HIGHLY_SKILLED_PROFESSIONAL_I_B: { ja: '高度専門職1号ロ', en: 'Highly skilled professional (i)(b)' },
  HIGHLY_SKILLED_PROFESSIONAL_I_C: { ja: '高度専門職1号ハ', en: 'Highly skilled professional (i)(c)' },
  HIGHLY_SKILLED_PROFESSIONAL_II: { ja: '高度専門職2号', en: 'Highly skilled professional (ii)' },
  BUSINESS_MANAGER: { ja: '経営・管理', en: 'Business manager' },
  LEGAL_ACCOUNTING_SERVICES: { ja: '法律・会計業務', en: 'Legal / accounting services' },
  MEDICAL_SERVICES: { ja: '医療', en: 'Medical services' },
  RESEARCHER: { ja: '研究', en: 'Researcher' },
  INSTRUCTOR: { ja: '教育', en: 'Instructor' },
  ENGINEER_SPECIALIST: { ja: '技術・人文知識・国際業務', en: 'Engineer / specialist in humanities / international services' },
  INTRA_COMPANY_TRANSFEREE: { ja: '企業内転勤', en: 'Intra-company transferee' },
  NURSING_CARE: { ja: '介護', en: 'Nursing care' },
  ENTERTAINER: { ja: '興行', en: 'Entertainer' },
  SKILLED_LABOR: { ja: '技能', en: 'Skilled labor' },
  SPECIFIED_SKILLED_WORKER_I: { ja: '特定技能1号', en: 'Specified skilled worker (i)' },
  SPECIFIED_SKILLED_WORKER_II: { ja: '特定技能2号', en: 'Specified skilled worker (ii)' },
  TECHNICAL_INTERN_TRAINING_I_A: { ja: '技能実習1号イ', en: 'Technical intern training (i)(a)' },
  TECHNICAL_INTERN_TRAINING_I_B: { ja: '技能実習1号ロ', en: 'Technical intern training (i)(b)' },
  TECHNICAL_INTERN_TRAINING_II_A: { ja: '技能実習2号イ', en: 'Technical intern training (ii)(a)' },
  TECHNICAL_INTERN_TRAINING_II_B: { ja: '技能実習2号ロ', en: 'Technical intern training (ii)(b)' },
  TECHNICAL_INTERN_TRAINING_III_A: { ja: '技能実習3号イ', en: 'Technical intern training (iii)(a)' },
  TECHNICAL_INTERN_TRAINING_III_B: { ja: '技能実習3号ロ', en: 'Technical intern training (iii)(b)' },
  CULTURAL_ACTIVITIES: { ja: '文化活動', en: 'Cultural activities' },
  TEMPORARY_VISITOR: { ja: '短期滞在', en: 'Temporary visitor' },
  STUDENT: { ja: '留学', en: 'Student' },
  TRAINEE: { ja: '研修', en: 'Trainee' },
  DEPENDENT: { ja: '家族滞在', en: 'Dependent' },
  DESIGNATED_ACTIVITIES: { ja: '特定活動', en: 'Designated activities' },
  PERMANENT_RESIDENT: { ja: '永住者', en: 'Permanent resident' },
  SPOUSE_OR_CHILD_OF_JAPANESE_NATIONAL: { ja: '日本人の配偶者等', en: 'Spouse or child of Japanese national' },
  SPOUSE_OR_CHILD_OF_PERMANENT_RESIDENT: { ja: '永住者の配偶者等', en: 'Spouse or child of permanent resident' },
  LONG_TERM_RESIDENT: { ja: '定住者', en: 'Long-term resident' },
};

export const DUTY: Readonly<Record<string, Term>> = {
  ART_19_7: { ja: '新規上陸後の住居地届出', en: 'Residence notification after landing', article: 'Art. 19-7' },
  ART_19_8: { ja: '在留資格変更等に伴う住居地届出', en: 'Residence notification after a change of status', article: 'Art. 19-8' },
  ART_19_9: { ja: '住居地の変更届出', en: 'Notification of a new residence address', article: 'Art. 19-9' },
  ART_19_10: { ja: '住居地以外の記載事項の変更届出', en: 'Change of particulars other than the address', article: 'Art. 19-10' },
  ART_19_11: { ja: '在留カードの有効期間の更新申請', en: 'Renewal of the residence card', article: 'Art. 19-11' },
  ART_19_12: { ja: '紛失等による在留カードの再交付申請', en: 'Reissue after loss or theft', article: 'Art. 19-12' },
  ART_19_13_3: { ja: '命令による在留カードの再交付申請', en: 'Reissue ordered by the Minister', article: 'Art. 19-13(3)' },
  ART_19_15: { ja: '在留カードの返納', en: 'Return of the residence card', article: 'Art. 19-15' },
  ART_19_16: { ja: '所属機関等に関する届出', en: 'Notification on the affiliated organization', article: 'Art. 19-16' },
  ART_22_2_2: { ja: '在留資格の取得申請', en: 'Application to acquire a status', article: 'Art. 22-2(2)' },
};

export const LAPSE_GROUND: Readonly<Record<string, Term>> = {
  VIII: { ja: '上陸後90日以内に住居地を届け出ないこと', en: 'No residence notified within 90 days of landing', article: 'Art. 22-4(1)(viii)' },
  IX: { ja: '転出後90日以内に新住居地を届け出ないこと', en: 'No new residence notified within 90 days of leaving one', article: 'Art. 22-4(1)(ix)' },
};

export const OBLIGATION_STATE: Readonly<Record<string, Term>> = {
  OPEN: { ja: '未了', en: 'Open' },
  MET: { ja: '履行済み', en: 'Met' },
  MET_LATE: { ja: '期限後に履行', en: 'Met late' },
  OVERDUE: { ja: '期限徒過', en: 'Overdue' },
  VOID: { ja: '消滅', en: 'Void' },
  CLOSED_BY_DEPARTURE: { ja: '出国により終了', en: 'Closed by departure' },
};

export const LAPSE_STATE: Readonly<Record<string, Term>> = {
  CANDIDATE: { ja: '該当', en: 'Candidate' },
  WITHDRAWN: { ja: '撤回', en: 'Withdrawn' },
  MOOT: { ja: '対象外（在留資格なし）', en: 'Moot (no status held)' },
};

export const CARD_INVALIDITY: Readonly<Record<string, Term>> = {
  ART_19_14_I: { ja: '中長期在留者でなくなったこと', en: 'No longer a mid-to-long-term resident', article: 'Art. 19-14(i)' },
  ART_19_14_II: { ja: '有効期間の満了', en: 'Validity expired', article: 'Art. 19-14(ii)' },
  ART_19_14_III: { ja: '再入国許可なく出国', en: 'Departed without a re-entry permit', article: 'Art. 19-14(iii)' },
  ART_19_14_IV: { ja: '再入国許可の期間内に再入国しない', en: 'Re-entry permit lapsed', article: 'Art. 19-14(iv)' },
  ART_19_14_V: { ja: '新たな在留カードの交付', en: 'A new card was issued', article: 'Art. 19-14(v)' },
  ART_19_14_VI: { ja: '死亡', en: 'Death', article: 'Art. 19-14(vi)' },
};

export const SOURCE_KIND: Readonly<Record<string, Term>> = {
  OFFICER: { ja: '入管職員', en: 'Officer' },
  MUNICIPALITY: { ja: '市区町村', en: 'Municipality' },
  SYSTEM: { ja: '登録システム', en: 'Register' },
};

export const YES: Term = { ja: 'はい', en: 'Yes' };
export const NO: Term = { ja: 'いいえ', en: 'No' };

/** A domain key as the statistics answer it (`permanent-resident`, `19-13(3)`) → its enum name (`PERMANENT_RESIDENT`, `ART_19_13_3`). */
export const enumNameOf = (key: string): string => {
  const words = key.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return /^[0-9]/.test(words) ? `ART_${words}` : words;
};

/** Looks a term up, falling back to the raw value in both languages. */
export const termOf = (terms: Readonly<Record<string, Term>>, key: string): Term => terms[key] ?? { ja: key, en: key };
