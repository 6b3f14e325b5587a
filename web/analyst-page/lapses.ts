import { ApiError, graphql } from './api.js';
import { csvOf } from './csv.js';
import { isIsoDate } from './dates.js';
import { bool, list, nullable, num, obj, str } from './decode.js';
import { byId, dash, el, table, termLabel, termWithArticle } from './dom.js';
import { prefectureOf } from './prefectures.js';
import { LAPSE_GROUND, LAPSE_STATE, termOf } from './terms.js';

/**
 * The address-lapse list (Art. 22-4(1)(viii), (ix)) for one municipality or the whole country as
 * of a date: paged through the API's Relay connection, exported to CSV page by page (the API has no
 * bulk export, Art. 19-36(3); each page read is audited like any other).
 */

const LAPSES = `query Lapses($asOf: Date, $municipality: String, $ground: LapseGround, $first: Int, $after: String) {
  addressLapses(asOf: $asOf, municipality: $municipality, ground: $ground, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { residentId ground from strictFrom clockStartedOn municipalityCode curedLateOn state knownSince resident { asOf particulars { name nationality } } } }
  }
}`;

const Lapse = obj({
  residentId: str, ground: str, from: str, strictFrom: str, clockStartedOn: str, municipalityCode: nullable(str),
  curedLateOn: nullable(str), state: str, knownSince: str,
  resident: nullable(obj({ asOf: str, particulars: nullable(obj({ name: str, nationality: str })) })),
});
type Lapse = ReturnType<typeof Lapse>;
const Page = obj({
  addressLapses: obj({
    totalCount: num,
    pageInfo: obj({ hasNextPage: bool, endCursor: nullable(str) }),
    edges: list(obj({ node: Lapse })),
  }),
});
type Page = ReturnType<typeof Page>['addressLapses'];

interface Filter {
  readonly asOf: string | null;
  readonly municipality: string | null;
  readonly ground: string | null;
}

/** A page of 100 is the API's largest; the export asks for that many at a time. */
const EXPORT_PAGE = 100;

const fetchPage = async (filter: Filter, first: number, after: string | null): Promise<Page> =>
  (await graphql(LAPSES, { ...filter, first, after }, Page)).addressLapses;

export const CSV_HEADER = [
  'resident_id', 'name', 'nationality', 'ground', 'article', 'from', 'strict_from', 'clock_started_on', 'municipality_code', 'prefecture', 'state', 'cured_late_on', 'known_since',
] as const;

export const csvRow = (l: Lapse): (string | null)[] => [
  l.residentId, l.resident?.particulars?.name ?? null, l.resident?.particulars?.nationality ?? null, l.ground,
  termOf(LAPSE_GROUND, l.ground).article ?? null, l.from, l.strictFrom, l.clockStartedOn, l.municipalityCode,
  l.municipalityCode === null ? null : prefectureOf(l.municipalityCode).en, l.state, l.curedLateOn, l.knownSince,
];

const renderRows = (page: Page): HTMLTableElement =>
  table(
    `Residents with an address-lapse ground (${page.totalCount} in all)`,
    ['Resident', 'Ground (article)', 'From', 'Strict reading from', '90-day clock from', 'Municipality', 'State', 'Cured late on'],
    page.edges.map(({ node }) => [
      el('button', { type: 'button', class: 'link', 'data-open': node.residentId, 'aria-label': `Open ${node.resident?.particulars?.name ?? node.residentId}` }, node.resident?.particulars?.name ?? node.residentId),
      termWithArticle(termOf(LAPSE_GROUND, node.ground)),
      node.from,
      node.strictFrom,
      node.clockStartedOn,
      node.municipalityCode === null ? '—' : el('span', {}, node.municipalityCode, ' ', termLabel(prefectureOf(node.municipalityCode))),
      termLabel(termOf(LAPSE_STATE, node.state)),
      dash(node.curedLateOn),
    ]),
    'lapses',
  );

const download = (name: string, text: string): void => {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = el('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

export const startLapses = (onAuthError: () => void, open: (id: string) => void): void => {
  const form = byId('lapses-form', HTMLFormElement);
  const asOfInput = byId('lapses-as-of', HTMLInputElement);
  const municipalityInput = byId('lapses-municipality', HTMLInputElement);
  const groundSelect = byId('lapses-ground', HTMLSelectElement);
  const sizeInput = byId('lapses-size', HTMLInputElement);
  const status = byId('lapses-status', HTMLParagraphElement);
  const box = byId('lapses-table', HTMLDivElement);
  const prev = byId('lapses-prev', HTMLButtonElement);
  const next = byId('lapses-next', HTMLButtonElement);
  const pageLabel = byId('lapses-page', HTMLSpanElement);
  const exportButton = byId('lapses-csv', HTMLButtonElement);
  const progress = byId('csv-progress', HTMLProgressElement);
  const csvStatus = byId('csv-status', HTMLParagraphElement);

  let filter: Filter = { asOf: null, municipality: null, ground: null };
  /** Cursors of the pages seen: `after` of page n is cursors[n]. */
  let cursors: (string | null)[] = [null];
  let pageIndex = 0;

  const fail = (error: unknown, where: HTMLElement): void => {
    if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') return onAuthError();
    where.textContent = `The register refused: ${error instanceof Error ? error.message : String(error)}`;
  };

  const load = async (): Promise<void> => {
    const size = Math.min(100, Math.max(1, Math.trunc(Number(sizeInput.value)) || 20));
    status.textContent = 'Loading…';
    try {
      const page = await fetchPage(filter, size, cursors[pageIndex] ?? null);
      box.replaceChildren(renderRows(page));
      cursors[pageIndex + 1] = page.pageInfo.endCursor;
      const pages = Math.max(1, Math.ceil(page.totalCount / size));
      pageLabel.textContent = `Page ${pageIndex + 1} of ${pages}`;
      prev.disabled = pageIndex === 0;
      next.disabled = !page.pageInfo.hasNextPage;
      exportButton.disabled = page.totalCount === 0;
      status.textContent = `${page.totalCount} residents with an address-lapse ground${filter.municipality === null ? ' in the whole country' : ` in municipality ${filter.municipality}`}${filter.asOf === null ? ' today' : ` as of ${filter.asOf}`}.`;
    } catch (error) {
      fail(error, status);
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const municipality = municipalityInput.value.trim();
    if (municipality !== '' && !/^\d{6}$/.test(municipality)) {
      status.textContent = 'A municipality code is 6 digits (local government code), or leave it empty for the whole country.';
      municipalityInput.setAttribute('aria-invalid', 'true');
      municipalityInput.focus();
      return;
    }
    municipalityInput.removeAttribute('aria-invalid');
    filter = {
      asOf: isIsoDate(asOfInput.value) ? asOfInput.value : null,
      municipality: municipality === '' ? null : municipality,
      ground: groundSelect.value === '' ? null : groundSelect.value,
    };
    cursors = [null];
    pageIndex = 0;
    void load();
  });
  prev.addEventListener('click', () => {
    pageIndex = Math.max(0, pageIndex - 1);
    void load();
  });
  next.addEventListener('click', () => {
    pageIndex += 1;
    void load();
  });
  box.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('[data-open]') : null;
    const id = target?.getAttribute('data-open');
    if (id !== null && id !== undefined) open(id);
  });
  exportButton.addEventListener('click', () => {
    void (async () => {
      exportButton.disabled = true;
      progress.hidden = false;
      progress.value = 0;
      const rows: (string | null)[][] = [];
      try {
        for (let after: string | null = null, more = true; more; ) {
          const page: Page = await fetchPage(filter, EXPORT_PAGE, after);
          rows.push(...page.edges.map(({ node }) => csvRow(node)));
          progress.max = Math.max(1, page.totalCount);
          progress.value = rows.length;
          csvStatus.textContent = `Fetched ${rows.length} of ${page.totalCount} rows…`;
          more = page.pageInfo.hasNextPage;
          after = page.pageInfo.endCursor;
        }
        download(`address-lapses-${filter.asOf ?? 'today'}-${filter.municipality ?? 'all'}.csv`, csvOf(CSV_HEADER, rows));
        csvStatus.textContent = `Exported ${rows.length} rows to CSV.`;
      } catch (error) {
        fail(error, csvStatus);
      } finally {
        exportButton.disabled = false;
        progress.hidden = true;
      }
    })();
  });
};
