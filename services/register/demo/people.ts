import type { StatusOfResidence } from '../../../events/status-of-residence.js';
import type { PersonalParticulars } from '../../../events/values.js';
import { isoOf, partsOfDay, dayFromParts, type Day } from './days.js';
import { draw, weighted, type Random, type Weighted } from './prng.js';

type Table = Weighted<string>;
const t = (entries: Record<string, number>): Table => weighted(Object.entries(entries));

/** Nationalities by status (ISA statistics, end of 2024, rounded): who holds which status differs a lot. */
const BY_STATUS: Partial<Record<StatusOfResidence, Table>> = {
  'technical-intern-training-i-b': t({ VNM: 50, IDN: 14, MMR: 9, PHL: 9, CHN: 8, KHM: 3, THA: 3, NPL: 1, MNG: 1, LKA: 1 }),
  'specified-skilled-worker-i': t({ VNM: 48, IDN: 17, PHL: 10, MMR: 10, CHN: 4, NPL: 3, KHM: 2, THA: 2, LKA: 2 }),
  student: t({ CHN: 40, NPL: 13, VNM: 12, KOR: 5, MMR: 5, LKA: 4, IDN: 3, BGD: 3, TWN: 3, USA: 2, MNG: 2, THA: 2, UZB: 2, FRA: 1 }),
  'engineer-specialist': t({ CHN: 35, VNM: 20, KOR: 9, NPL: 6, IND: 4, PHL: 4, TWN: 3, USA: 3, MMR: 3, IDN: 3, LKA: 2, BGD: 2, THA: 2, FRA: 1, GBR: 1, DEU: 1 }),
  dependent: t({ CHN: 30, NPL: 25, VNM: 12, IND: 5, KOR: 4, PHL: 3, BGD: 3, LKA: 3, PAK: 2, USA: 2, MMR: 2 }),
  'long-term-resident': t({ BRA: 40, PHL: 25, CHN: 10, PER: 8, VNM: 5, THA: 3, KOR: 3, BOL: 1, ARG: 1 }),
  'spouse-or-child-of-japanese-national': t({ PHL: 25, CHN: 25, KOR: 10, BRA: 8, THA: 6, USA: 6, VNM: 6, TWN: 3, GBR: 2, PER: 2 }),
  'business-manager': t({ CHN: 55, KOR: 8, VNM: 6, NPL: 5, TWN: 5, USA: 3, PAK: 3, LKA: 2, IND: 2, BGD: 2 }),
  'skilled-labor': t({ CHN: 30, NPL: 25, IND: 12, THA: 6, VNM: 5, PAK: 3, PHL: 3, KOR: 3, TUR: 2, LKA: 2 }),
  'designated-activities': t({ VNM: 25, CHN: 15, PHL: 10, IDN: 10, NPL: 8, KOR: 6, TWN: 6, USA: 4, MMR: 4, AUS: 3, FRA: 3 }),
};

const RESIDENTS = t({ CHN: 30, PHL: 14, BRA: 13, KOR: 12, VNM: 6, PER: 4, TWN: 4, USA: 3, THA: 3, NPL: 2, IDN: 2, IND: 1.5, LKA: 1, GBR: 1 });
const PROFESSIONALS = t({ CHN: 35, USA: 10, KOR: 8, IND: 8, VNM: 6, PHL: 5, TWN: 5, GBR: 4, FRA: 3, DEU: 3, AUS: 3, CAN: 3, NPL: 2, IDN: 2, THA: 2, BRA: 1 });
const RESIDENT_STATUSES: ReadonlySet<string> = new Set(['permanent-resident', 'spouse-or-child-of-permanent-resident']);

export const drawNationality = (rng: Random, status: StatusOfResidence): string => {
  const group = status.startsWith('technical-intern') ? 'technical-intern-training-i-b' : status.startsWith('specified-skilled') ? 'specified-skilled-worker-i' : status;
  const table = BY_STATUS[group as StatusOfResidence] ?? (RESIDENT_STATUSES.has(status) ? RESIDENTS : PROFESSIONALS);
  return draw(rng, table);
};

/** Family names and given names by sex, as printed on a card (Latin capitals, family name first). */
interface NameTable {
  readonly family: readonly string[];
  readonly male: readonly string[];
  readonly female: readonly string[];
}

const NAMES: Record<string, NameTable> = {
  CHN: { family: ['WANG', 'LI', 'ZHANG', 'LIU', 'CHEN', 'YANG', 'ZHAO', 'HUANG', 'ZHOU', 'WU'], male: ['WEI', 'LEI', 'JUN', 'HAO', 'MING'], female: ['FANG', 'NA', 'JING', 'YAN', 'XIU YING'] },
  VNM: { family: ['NGUYEN', 'TRAN', 'LE', 'PHAM', 'HOANG', 'VU', 'DANG', 'BUI', 'DO', 'NGO'], male: ['VAN AN', 'VAN MINH', 'DUC ANH', 'QUANG HUY', 'VAN NAM'], female: ['THI LAN', 'THI HOA', 'THI MAI', 'THI THU', 'THI LINH'] },
  KOR: { family: ['KIM', 'LEE', 'PARK', 'CHOI', 'JUNG', 'KANG', 'CHO', 'YOON', 'JANG', 'LIM'], male: ['MINJUN', 'JIHO', 'DOYUN', 'HYUNWOO', 'SUNGMIN'], female: ['SEOYEON', 'HAEUN', 'JIWOO', 'YEJIN', 'EUNJI'] },
  PHL: { family: ['SANTOS', 'REYES', 'CRUZ', 'BAUTISTA', 'GARCIA', 'MENDOZA', 'TORRES', 'RAMOS', 'FLORES', 'AQUINO'], male: ['JOSE', 'MARK', 'RICHARD', 'JOHN PAUL', 'JERICHO'], female: ['MARIA CRISTINA', 'ANGELICA', 'JOCELYN', 'MARICEL', 'ROWENA'] },
  BRA: { family: ['DA SILVA', 'DOS SANTOS', 'OLIVEIRA', 'SOUZA', 'RODRIGUES', 'FERREIRA', 'ALVES', 'PEREIRA', 'LIMA', 'GOMES'], male: ['LUCAS', 'GABRIEL', 'RAFAEL', 'MARCOS', 'THIAGO'], female: ['ANA PAULA', 'JULIANA', 'FERNANDA', 'PATRICIA', 'CAMILA'] },
  NPL: { family: ['SHRESTHA', 'GURUNG', 'TAMANG', 'MAGAR', 'RAI', 'THAPA', 'KARKI', 'ADHIKARI', 'BHANDARI', 'POUDEL'], male: ['RAM', 'BIKASH', 'SURESH', 'PRAKASH', 'RAJESH'], female: ['SITA', 'ANITA', 'SABINA', 'SUNITA', 'GITA'] },
  IDN: { family: ['SAPUTRA', 'WIJAYA', 'SANTOSO', 'HIDAYAT', 'PRATAMA', 'KURNIAWAN', 'SETIAWAN', 'NUGROHO', 'LESTARI', 'WAHYUNI'], male: ['BUDI', 'AGUS', 'RIZKY', 'ADI', 'ANDI'], female: ['SITI', 'DEWI', 'PUTRI', 'NUR', 'INDAH'] },
  MMR: { family: ['AUNG', 'KYAW', 'HTET', 'ZAW', 'MYINT', 'WIN', 'THANT', 'HLAING', 'NAING', 'SOE'], male: ['MIN THU', 'ZAW LIN', 'KO KO', 'AUNG MYO', 'HTET AUNG'], female: ['SU MON', 'THIN THIN', 'MAY THU', 'EI PHYU', 'NANDAR'] },
  USA: { family: ['SMITH', 'JOHNSON', 'WILLIAMS', 'BROWN', 'JONES', 'MILLER', 'DAVIS', 'WILSON', 'ANDERSON', 'TAYLOR'], male: ['JAMES', 'MICHAEL', 'DAVID', 'DANIEL', 'MATTHEW'], female: ['EMILY', 'SARAH', 'JESSICA', 'ASHLEY', 'LAUREN'] },
};
const GENERIC: NameTable = {
  family: ['KHAN', 'SINGH', 'SILVA', 'PERERA', 'MARTIN', 'SUZUKI', 'ALI', 'TAN', 'LOPEZ', 'BAT'],
  male: ['ALEX', 'OMAR', 'ARJUN', 'LEO', 'DAVID'],
  female: ['SARA', 'NINA', 'MARIA', 'AYESHA', 'MEI'],
};

const nameFor = (rng: Random, nationality: string, sex: PersonalParticulars['sex']): string => {
  const table = NAMES[nationality] ?? GENERIC;
  return `${rng.pick(table.family)} ${rng.pick(sex === 'male' ? table.male : table.female)}`;
};

/** DT-7: a date of birth at the given age; a few people are born on 29 February (S13). */
export const birthDay = (rng: Random, on: Day, ageYears: number, leapShare: number): Day => {
  const born = on - Math.floor(ageYears * 365.25) - rng.int(0, 364);
  if (!rng.chance(leapShare)) return born;
  let { year } = partsOfDay(born);
  while (!(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) year -= 1;
  return Math.min(dayFromParts(year, 2, 29), on);
};

export const drawPerson = (rng: Random, nationality: string, born: Day): PersonalParticulars => {
  const sex = rng.chance(0.5) ? 'female' : 'male';
  return { name: nameFor(rng, nationality, sex), dateOfBirth: isoOf(born), sex, nationality };
};
