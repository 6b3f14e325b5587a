import { graphql } from './api.js';
import { list, num, obj, str } from './decode.js';
import { daysBetween, jstDateOf } from './dates.js';
import { el, table, termLabel, type Term } from './dom.js';
import { SECTION, SOURCE_KIND, termOf } from './terms.js';

/**
 * A resident's events with the legal date each took effect against the day the register recorded
 * it (DT-8), so that a relay that arrived weeks after the filing stands out.
 */

/** Municipal relays arrive within a few open days; later than this is a late relay. */
export const LATE_AFTER_DAYS = 14;

/** Events a municipal office relays (Arts. 19-7 to 19-9 filings, Art. 61-8-2 record entries), whoever keyed them in. */
export const RELAYED_EVENTS: ReadonlySet<string> = new Set(['ResidenceAddressNotified', 'ResidenceAddressVacated', 'ResidenceAddressCorrected', 'ResidentRecordEntered']);

const Entry = obj({
  type: str,
  revision: num,
  recordedAt: str,
  sourceKind: str,
  legalDates: list(obj({ name: str, date: str })),
});
export type TimelineEntry = ReturnType<typeof Entry>;

const HISTORY = `query History($id: ID!) {
  history(residentId: $id) { type revision recordedAt sourceKind legalDates { name date } }
}`;

export const fetchHistory = async (residentId: string): Promise<TimelineEntry[]> =>
  (await graphql(HISTORY, { id: residentId }, obj({ history: list(Entry) }))).history;

/**
 * The legal date an event is measured from: the latest of its dates on or before the day it was
 * recorded (a filing date rather than the moved-in date; never a future expiry).
 */
export const effectiveLegalDate = (entry: TimelineEntry): string | null => {
  const recordedOn = jstDateOf(entry.recordedAt);
  const past = entry.legalDates.map((d) => d.date).filter((date) => date <= recordedOn).sort();
  return past.at(-1) ?? entry.legalDates[0]?.date ?? null;
};

export interface Lag {
  readonly legalDate: string | null;
  readonly recordedOn: string;
  readonly days: number | null;
  readonly late: boolean;
  readonly lateRelay: boolean;
}

export const lagOf = (entry: TimelineEntry): Lag => {
  const legalDate = effectiveLegalDate(entry);
  const recordedOn = jstDateOf(entry.recordedAt);
  const days = legalDate === null ? null : daysBetween(legalDate, recordedOn);
  const late = days !== null && days > LATE_AFTER_DAYS;
  return { legalDate, recordedOn, days, late, lateRelay: late && (entry.sourceKind === 'MUNICIPALITY' || RELAYED_EVENTS.has(entry.type)) };
};

const LATE_RELAY: Term = { ja: '遅延した市区町村通知', en: 'Late relay' };
const LATE: Term = { ja: '遅れて記録', en: 'Recorded late' };

const lagCell = (lag: Lag): HTMLElement => {
  if (lag.days === null) return el('span', {}, '—');
  const width = Math.min(100, Math.max(2, (lag.days / 90) * 100));
  return el(
    'span',
    { class: 'lag' },
    el('span', { class: `lag-bar${lag.late ? ' late' : ''}`, 'data-width': String(Math.round(width)), 'aria-hidden': 'true' }),
    el('span', {}, `${lag.days} d`),
    lag.late ? el('strong', { class: lag.lateRelay ? 'badge late-relay' : 'badge' }, termLabel(lag.lateRelay ? LATE_RELAY : LATE)) : null,
  );
};

export const renderTimeline = (entries: readonly TimelineEntry[]): HTMLElement => {
  const rows = entries.map((entry) => {
    const lag = lagOf(entry);
    return [
      String(entry.revision),
      el('code', {}, entry.type),
      el('span', {}, ...entry.legalDates.flatMap((d, i) => [i > 0 ? el('br') : null, `${d.name}: `, el('time', { datetime: d.date }, d.date)])),
      el('time', { datetime: lag.legalDate ?? '' }, lag.legalDate ?? '—'),
      el('time', { datetime: entry.recordedAt, title: entry.recordedAt }, lag.recordedOn),
      lagCell(lag),
      termLabel(termOf(SOURCE_KIND, entry.sourceKind)),
    ];
  });
  const result = table(
    el('span', {}, termLabel(SECTION['timeline'] ?? { ja: '経過', en: 'Timeline' }), ` — ${entries.length} events; late relays are marked`),
    ['#', 'Event', 'Legal dates', el('span', {}, el('span', { lang: 'ja' }, '法律上の日付'), ' Legal date'), el('span', {}, el('span', { lang: 'ja' }, '記録日'), ' Recorded (JST)'), el('span', {}, el('span', { lang: 'ja' }, '遅れ'), ' Delay'), el('span', {}, el('span', { lang: 'ja' }, '記録者'), ' Source')],
    rows,
    'timeline',
  );
  entries.forEach((entry, index) => {
    const lag = lagOf(entry);
    const row = result.tBodies[0]?.rows[index];
    if (row !== undefined && lag.late) row.classList.add(lag.lateRelay ? 'late-relay' : 'late');
  });
  // Widths set through the CSSOM: the CSP allows no inline style attributes.
  result.querySelectorAll<HTMLElement>('.lag-bar').forEach((bar) => {
    bar.style.width = `${bar.dataset['width'] ?? '0'}%`;
  });
  return result;
};
