import type { Term } from './term.js';

/** JIS X 0401 prefecture codes: the first two digits of a local government code (Art. 19-7(1)). */
const NAMES: readonly (readonly [string, string])[] = [
  ['北海道', 'Hokkaido'], ['青森県', 'Aomori'], ['岩手県', 'Iwate'], ['宮城県', 'Miyagi'], ['秋田県', 'Akita'], ['山形県', 'Yamagata'],
  ['福島県', 'Fukushima'], ['茨城県', 'Ibaraki'], ['栃木県', 'Tochigi'], ['群馬県', 'Gunma'], ['埼玉県', 'Saitama'], ['千葉県', 'Chiba'],
  ['東京都', 'Tokyo'], ['神奈川県', 'Kanagawa'], ['新潟県', 'Niigata'], ['富山県', 'Toyama'], ['石川県', 'Ishikawa'], ['福井県', 'Fukui'],
  ['山梨県', 'Yamanashi'], ['長野県', 'Nagano'], ['岐阜県', 'Gifu'], ['静岡県', 'Shizuoka'], ['愛知県', 'Aichi'], ['三重県', 'Mie'],
  ['滋賀県', 'Shiga'], ['京都府', 'Kyoto'], ['大阪府', 'Osaka'], ['兵庫県', 'Hyogo'], ['奈良県', 'Nara'], ['和歌山県', 'Wakayama'],
  ['鳥取県', 'Tottori'], ['島根県', 'Shimane'], ['岡山県', 'Okayama'], ['広島県', 'Hiroshima'], ['山口県', 'Yamaguchi'], ['徳島県', 'Tokushima'],
  ['香川県', 'Kagawa'], ['愛媛県', 'Ehime'], ['高知県', 'Kochi'], ['福岡県', 'Fukuoka'], ['佐賀県', 'Saga'], ['長崎県', 'Nagasaki'],
  ['熊本県', 'Kumamoto'], ['大分県', 'Oita'], ['宮崎県', 'Miyazaki'], ['鹿児島県', 'Kagoshima'], ['沖縄県', 'Okinawa'],
];

const UNKNOWN: Term = { ja: '不明', en: 'Unknown' };

/** The prefecture of a 6-digit municipality code; `unknown` (no residence notified yet) is its own key. */
export const prefectureOf = (municipalityCode: string): Term => {
  const index = /^\d{6}$/.test(municipalityCode) ? Number(municipalityCode.slice(0, 2)) - 1 : -1;
  const names = NAMES[index];
  return names === undefined ? UNKNOWN : { ja: names[0], en: names[1] };
};

/** Municipality counts summed per prefecture, largest first. */
export const countsByPrefecture = (counts: readonly { key: string; count: number }[]): { term: Term; count: number }[] => {
  const sums = new Map<string, { term: Term; count: number }>();
  for (const { key, count } of counts) {
    const term = prefectureOf(key);
    const entry = sums.get(term.en) ?? { term, count: 0 };
    sums.set(term.en, { term, count: entry.count + count });
  }
  return [...sums.values()].sort((a, b) => b.count - a.count || (a.term.en < b.term.en ? -1 : 1));
};
