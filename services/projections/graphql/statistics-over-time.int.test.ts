import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codesOf, dataOf } from './testing/answers.js';
import { startGraphqlServer, type GraphqlTestServer } from './testing/graphql-server.js';
import { seriesDates } from './resolvers/statistics-over-time.js';

let server: GraphqlTestServer;
beforeAll(async () => {
  server = await startGraphqlServer();
});
afterAll(async () => server.stop());

const SERIES = `query S($from: Date!, $to: Date!, $measure: SeriesMeasure!) {
  statisticsOverTime(from: $from, to: $to, measure: $measure) { asOf counts { key count } }
}`;
const series = async (from: string, to: string, measure: string) => dataOf(await server.query(SERIES, { from, to, measure }));

describe('statisticsOverTime: lapse grounds and overdue notifications at month ends, from the log', () => {
  it('counts at the end of every month and of the last date', () => {
    expect(seriesDates('2024-01-15', '2024-03-31')).toEqual(['2024-01-31', '2024-02-29', '2024-03-31']);
    expect(seriesDates('2025-11-30', '2026-01-10')).toEqual(['2025-11-30', '2025-12-31', '2026-01-10']);
    expect(seriesDates('2026-05-03', '2026-05-20')).toEqual(['2026-05-20']);
  });

  it('LAPSE_GROUND: (viii) of the unnotified student by June, (ix) only once 90 days passed after the 1 May move-out (Art. 22-4(1)(viii), (ix))', async () => {
    const both = [{ key: 'ix', count: 1 }, { key: 'viii', count: 2 }];
    expect(await series('2026-06-01', '2026-09-01', 'LAPSE_GROUND')).toEqual({
      statisticsOverTime: [
        { asOf: '2026-06-30', counts: [{ key: 'viii', count: 1 }] },
        { asOf: '2026-07-31', counts: both },
        { asOf: '2026-08-31', counts: both },
        { asOf: '2026-09-01', counts: both },
      ],
    });
  });

  it('OVERDUE_OBLIGATION: the overstayer card return (Art. 19-15) and the unnotified entry (Art. 19-7); none before April 2026', async () => {
    const overdue = [{ key: '19-15', count: 1 }, { key: '19-7', count: 1 }];
    expect(await series('2026-03-01', '2026-06-30', 'OVERDUE_OBLIGATION')).toEqual({
      statisticsOverTime: [
        { asOf: '2026-03-31', counts: [{ key: '19-15', count: 1 }] },
        { asOf: '2026-04-30', counts: overdue },
        { asOf: '2026-05-31', counts: overdue },
        { asOf: '2026-06-30', counts: overdue },
      ],
    });
  });

  it('defaults to the month ends of the eleven months before today, then today', async () => {
    const answer = await server.query('{ statisticsOverTime(measure: LAPSE_GROUND) { asOf } }');
    const dates = ['2025-10-31', '2025-11-30', '2025-12-31', '2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30', '2026-07-31', '2026-08-31', '2026-09-01'];
    expect(dataOf(answer)).toEqual({ statisticsOverTime: dates.map((asOf) => ({ asOf })) });
  });

  it('refuses a future date, a reversed range and more than 60 dates (BAD_USER_INPUT)', async () => {
    for (const [from, to] of [['2026-08-01', '2026-10-01'], ['2026-08-01', '2026-07-01'], ['2020-01-01', '2026-01-01']] as const)
      expect(codesOf(await server.query(SERIES, { from, to, measure: 'LAPSE_GROUND' }))).toEqual(['BAD_USER_INPUT']);
  });

  it('is open to analysts, not to auditors (FORBIDDEN)', async () => {
    expect(codesOf(await server.query(SERIES, { from: '2026-08-01', to: '2026-08-31', measure: 'LAPSE_GROUND' }, 'auditor'))).toEqual(['FORBIDDEN']);
  });
});
