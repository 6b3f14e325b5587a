import type { Chart as ChartClass, ChartConfiguration } from 'chart.js';
import { ApiError, graphql } from './api.js';
import { isIsoDate } from './dates.js';
import { list, num, obj, str } from './decode.js';
import { byId, table, type Term } from './dom.js';
import { countsByPrefecture } from './prefectures.js';
import { DUTY, LAPSE_GROUND, STATUS_OF_RESIDENCE, enumNameOf, termOf } from './terms.js';

/**
 * Four charts from the `statistics` queries (no personal data, not audited), each with the same
 * numbers as a table for those who cannot see the canvas.
 */

declare global {
  interface Window {
    /** Chart.js 4, loaded from /app/vendor/chart.umd.js (node_modules, no CDN). */
    readonly Chart: typeof ChartClass;
  }
}

const Count = obj({ key: str, count: num });
const Series = list(obj({ asOf: str, counts: list(Count) }));
type Series = ReturnType<typeof Series>;

const CHARTS = `query Charts($asOf: Date) {
  byStatus: statistics(asOf: $asOf, groupBy: STATUS_OF_RESIDENCE) { key count }
  byMunicipality: statistics(asOf: $asOf, groupBy: MUNICIPALITY) { key count }
  lapses: statisticsOverTime(to: $asOf, measure: LAPSE_GROUND) { asOf counts { key count } }
  overdue: statisticsOverTime(to: $asOf, measure: OVERDUE_OBLIGATION) { asOf counts { key count } }
}`;
const Charts = obj({ byStatus: list(Count), byMunicipality: list(Count), lapses: Series, overdue: Series });

const PALETTE = ['#1f5fa8', '#c2410c', '#15803d', '#7e22ce', '#a16207', '#be123c', '#0e7490', '#4d7c0f', '#9f1239', '#334155'];
const both = (term: Term): string => `${term.ja} ${term.en}`;

interface Drawn {
  readonly labels: string[];
  readonly datasets: { label: string; data: number[] }[];
}

const bars = (counts: readonly { term: Term; count: number }[], label: string): Drawn => ({
  labels: counts.map((c) => both(c.term)),
  datasets: [{ label, data: counts.map((c) => c.count) }],
});

/** One dataset per key seen anywhere in the series, 0 where a date has none. */
const lines = (series: Series, termFor: (key: string) => Term): Drawn => {
  const keys = [...new Set(series.flatMap((point) => point.counts.map((c) => c.key)))].sort();
  return {
    labels: series.map((point) => point.asOf),
    datasets: keys.map((key) => ({ label: both(termFor(key)), data: series.map((point) => point.counts.find((c) => c.key === key)?.count ?? 0) })),
  };
};

const charts = new Map<string, ChartClass>();

const draw = (id: string, type: 'bar' | 'line', drawn: Drawn, layout: { horizontal?: boolean; stacked?: boolean } = {}): void => {
  const horizontal = layout.horizontal === true;
  const stacked = layout.stacked === true;
  const canvas = byId(`chart-${id}`, HTMLCanvasElement);
  charts.get(id)?.destroy();
  const config: ChartConfiguration<'bar' | 'line'> = {
    type,
    data: { labels: drawn.labels, datasets: drawn.datasets.map((d, i) => ({ ...d, backgroundColor: PALETTE[i % PALETTE.length], borderColor: PALETTE[i % PALETTE.length] })) },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      indexAxis: horizontal ? 'y' : 'x',
      plugins: { legend: { display: drawn.datasets.length > 1 } },
      scales: { [horizontal ? 'x' : 'y']: { beginAtZero: true, stacked, ticks: { precision: 0 } }, [horizontal ? 'y' : 'x']: { stacked } },
    },
  };
  charts.set(id, new window.Chart(canvas, config));
  const alternative = byId(`table-${id}`, HTMLDivElement);
  alternative.replaceChildren(
    table(
      `Data of the chart above`,
      ['', ...drawn.datasets.map((d) => d.label)],
      drawn.labels.map((label, row) => [label, ...drawn.datasets.map((d) => String(d.data[row] ?? 0))]),
      'chart-data',
    ),
  );
};

export const startCharts = (onAuthError: () => void): void => {
  const form = byId('charts-form', HTMLFormElement);
  const asOfInput = byId('charts-as-of', HTMLInputElement);
  const status = byId('charts-status', HTMLParagraphElement);
  const render = async (): Promise<void> => {
    status.textContent = 'Counting…';
    try {
      const data = await graphql(CHARTS, { asOf: isIsoDate(asOfInput.value) ? asOfInput.value : null }, Charts);
      draw('status', 'bar', bars(data.byStatus.map((c) => ({ term: termOf(STATUS_OF_RESIDENCE, enumNameOf(c.key)), count: c.count })), 'Residents'), { horizontal: true });
      draw('prefecture', 'bar', bars(countsByPrefecture(data.byMunicipality), 'Residents'), { horizontal: true });
      draw('lapses', 'line', lines(data.lapses, (key) => termOf(LAPSE_GROUND, enumNameOf(key))));
      draw('overdue', 'bar', lines(data.overdue, (key) => termOf(DUTY, enumNameOf(key))), { stacked: true });
      status.textContent = `Charts drawn${asOfInput.value === '' ? ' for today' : ` as of ${asOfInput.value}`}.`;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') return onAuthError();
      status.textContent = `The register refused: ${error instanceof Error ? error.message : String(error)}`;
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void render();
  });
  void render();
};
