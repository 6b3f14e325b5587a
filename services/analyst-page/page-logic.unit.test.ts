import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { graphql } from '../projections/graphql/graphql-js.js';
import { schemaFilePath } from '../projections/graphql/schema-file.js';
import { csvCell, csvOf } from '../../web/analyst-page/csv.js';
import { daysBetween, jstDateOf } from '../../web/analyst-page/dates.js';
import { countsByPrefecture, prefectureOf } from '../../web/analyst-page/prefectures.js';
import { CARD_INVALIDITY, DUTY, LAPSE_GROUND, LAPSE_STATE, OBLIGATION_STATE, SOURCE_KIND, STATUS_OF_RESIDENCE, enumNameOf } from '../../web/analyst-page/terms.js';

/** The analyst page's pure parts: CSV, dates, prefectures and the bilingual glossary. */

describe('CSV export (RFC 4180, formula injection guarded)', () => {
  it('quotes fields with a comma, a quote or a line break, doubling quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('1-18-10, Hirano-ku')).toBe('"1-18-10, Hirano-ku"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(3)).toBe('3');
  });

  it('prefixes a cell a spreadsheet would run as a formula with a single quote', () => {
    for (const text of ['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)', '\tx'])
      expect(csvCell(text).replace(/^"/, '').startsWith(`'${text.slice(0, 1)}`)).toBe(true);
    expect(csvCell('=1,2')).toBe(`"'=1,2"`);
    expect(csvCell('2026-04-08')).toBe('2026-04-08');
  });

  it('writes a header row and CRLF after every record', () => {
    expect(csvOf(['a', 'b'], [['1', null], ['x,y', '=z']])).toBe(`a,b\r\n1,\r\n"x,y",'=z\r\n`);
  });
});

describe('dates in Japan Standard Time (DT-1, DT-8)', () => {
  it('takes the JST calendar date of a recorded instant', () => {
    expect(jstDateOf('2026-04-07T15:30:00Z')).toBe('2026-04-08');
    expect(jstDateOf('2026-04-07T14:59:59Z')).toBe('2026-04-07');
    expect(daysBetween('2026-01-30', '2026-03-15')).toBe(44);
  });
});

describe('prefectures from municipality codes (JIS X 0401, Art. 19-7(1))', () => {
  it('names the prefecture of a code and sums municipalities per prefecture', () => {
    expect(prefectureOf('131016')).toEqual({ ja: '東京都', en: 'Tokyo' });
    expect(prefectureOf('472018')).toEqual({ ja: '沖縄県', en: 'Okinawa' });
    expect(prefectureOf('unknown').en).toBe('Unknown');
    expect(countsByPrefecture([{ key: '131016', count: 2 }, { key: '271268', count: 5 }, { key: '131041', count: 4 }])).toEqual([
      { term: { ja: '東京都', en: 'Tokyo' }, count: 6 },
      { term: { ja: '大阪府', en: 'Osaka' }, count: 5 },
    ]);
  });
});

describe('the glossary covers every legal term the API answers', () => {
  const schema = graphql.buildSchema(readFileSync(schemaFilePath(), 'utf8'));
  const valuesOf = (name: string): string[] => {
    const type = schema.getType(name);
    return graphql.isEnumType(type) ? type.getValues().map((v) => v.name) : [];
  };

  it.each([
    ['StatusOfResidence', STATUS_OF_RESIDENCE], ['ObligationDuty', DUTY], ['LapseGround', LAPSE_GROUND], ['LapseState', LAPSE_STATE],
    ['ObligationState', OBLIGATION_STATE], ['CardInvalidityItem', CARD_INVALIDITY], ['SourceKind', SOURCE_KIND],
  ] as const)('%s: a Japanese and an English label for every value', (name, terms) => {
    const values = valuesOf(name);
    expect(values.length).toBeGreaterThan(0);
    expect(values.filter((value) => terms[value] === undefined || terms[value]?.ja === '' || terms[value]?.en === '')).toEqual([]);
  });

  it('every duty and lapse ground names its article (Arts. 19-7 to 19-16, 22-2(2), 22-4(1))', () => {
    expect(Object.values(DUTY).filter((t) => !/^Art\. \d/.test(t.article ?? ''))).toEqual([]);
    expect(Object.values(LAPSE_GROUND).map((t) => t.article)).toEqual(['Art. 22-4(1)(viii)', 'Art. 22-4(1)(ix)']);
  });

  it('reads the domain keys of statistics as enum names', () => {
    expect(enumNameOf('permanent-resident')).toBe('PERMANENT_RESIDENT');
    expect(enumNameOf('19-13(3)')).toBe('ART_19_13_3');
    expect(enumNameOf('viii')).toBe('VIII');
  });
});
