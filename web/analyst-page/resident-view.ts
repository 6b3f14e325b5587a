import { bool, list, nullable, obj, str } from './decode.js';
import { dash, el, table, termLabel, termWithArticle, type Term } from './dom.js';
import { prefectureOf } from './prefectures.js';
import { CARD_INVALIDITY, DUTY, LAPSE_GROUND, LAPSE_STATE, NO, OBLIGATION_STATE, SECTION, STATUS_OF_RESIDENCE, YES, termOf } from './terms.js';

/** One resident's status at the end of a legal date (REG-2), as the analyst reads it. */

export const RESIDENT_FIELDS = `
  id asOf
  particulars { name dateOfBirth sex nationality }
  midToLongTermResident { is reason since }
  stay { kind statusOfResidence periodOfStay expiresOn grantedOn grantedVia endReason endedOn }
  card { number issuedOn validUntil valid invalidity { item since } }
  address { state municipalityCode line since notifiedOn }
  affiliation { category organization { name } lastEvent lastEventOn }
  travel { abroad departedOn returnBy }
  obligations { duty subject deadline { nominal effective } state metOn overdueSince penalty }
  cancellationGrounds { ground from strictFrom state curedLateOn }`;

const nstr = nullable(str);
export const Resident = obj({
  id: str,
  asOf: str,
  particulars: nullable(obj({ name: str, dateOfBirth: str, sex: str, nationality: str })),
  midToLongTermResident: obj({ is: bool, reason: str, since: nstr }),
  stay: obj({ kind: str, statusOfResidence: nstr, periodOfStay: nstr, expiresOn: nstr, grantedOn: nstr, grantedVia: nstr, endReason: nstr, endedOn: nstr }),
  card: nullable(obj({ number: str, issuedOn: str, validUntil: str, valid: bool, invalidity: list(obj({ item: str, since: str })) })),
  address: nullable(obj({ state: str, municipalityCode: str, line: nstr, since: str, notifiedOn: nstr })),
  affiliation: nullable(obj({ category: str, organization: nullable(obj({ name: str })), lastEvent: str, lastEventOn: str })),
  travel: obj({ abroad: bool, departedOn: nstr, returnBy: nstr }),
  obligations: list(obj({ duty: str, subject: str, deadline: nullable(obj({ nominal: str, effective: str })), state: str, metOn: nstr, overdueSince: nstr, penalty: nstr })),
  cancellationGrounds: list(obj({ ground: str, from: str, strictFrom: str, state: str, curedLateOn: nstr })),
});
export type Resident = ReturnType<typeof Resident>;

const section = (key: string, ...body: (Node | string | null)[]): HTMLElement => {
  const term: Term = SECTION[key] ?? { ja: key, en: key };
  return el('section', { class: 'panel', 'aria-labelledby': `panel-${key}`, 'data-panel': key }, el('h3', { id: `panel-${key}` }, termWithArticle(term)), ...body);
};

const facts = (pairs: readonly (readonly [Node | string, Node | string | null])[]): HTMLDListElement =>
  el('dl', {}, ...pairs.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value ?? '—')]));

/** An enum value the glossary does not translate, as words: `PERMANENT_RESIDENCE` → `permanent residence`. */
const words = (value: string | null): string => (value === null ? '—' : value.toLowerCase().replace(/_/g, ' '));

const yesNo = (value: boolean): HTMLSpanElement => termLabel(value ? YES : NO);

const stayPanel = (r: Resident): HTMLElement =>
  section(
    'status',
    facts([
      [termLabel(SECTION['status'] ?? { ja: '', en: '' }), r.stay.statusOfResidence === null ? `${words(r.stay.kind)}${r.stay.endReason === null ? '' : ` — ${words(r.stay.endReason)}`}` : termLabel(termOf(STATUS_OF_RESIDENCE, r.stay.statusOfResidence))],
      [termWithArticle(SECTION['period'] ?? { ja: '', en: '' }), dash(r.stay.periodOfStay)],
      [termLabel(SECTION['expiry'] ?? { ja: '', en: '' }), dash(r.stay.expiresOn)],
      ['Granted on / via', `${dash(r.stay.grantedOn)} · ${words(r.stay.grantedVia)}`],
      ...(r.stay.endedOn === null ? [] : ([['Stay ended on', `${r.stay.endedOn} (${words(r.stay.endReason)})`]] as const)),
    ]),
  );

const cardPanel = (r: Resident): HTMLElement =>
  section(
    'card',
    r.card === null
      ? el('p', {}, 'No residence card issued by this date.')
      : facts([
          ['Number', el('code', {}, r.card.number)],
          ['Issued on', r.card.issuedOn],
          ['Valid until', r.card.validUntil],
          ['In effect (Art. 19-14)', el('strong', { class: r.card.valid ? 'ok' : 'warn', 'data-card-valid': String(r.card.valid) }, yesNo(r.card.valid))],
          ...r.card.invalidity.map((g) => ['Without effect since', el('span', {}, `${g.since} — `, termWithArticle(termOf(CARD_INVALIDITY, g.item)))] as const),
        ]),
  );

const addressPanel = (r: Resident): HTMLElement =>
  section(
    'address',
    r.address === null
      ? el('p', {}, 'No residence address notified or recorded by this date.')
      : facts([
          ['State', words(r.address.state)],
          [termWithArticle(SECTION['municipality'] ?? { ja: '', en: '' }), el('span', {}, r.address.municipalityCode, ' ', termLabel(prefectureOf(r.address.municipalityCode)))],
          ['Address', dash(r.address.line)],
          ['Since', r.address.since],
          ['Notified on', dash(r.address.notifiedOn)],
        ]),
  );

const affiliationPanel = (r: Resident): HTMLElement =>
  section(
    'affiliation',
    r.affiliation === null
      ? el('p', {}, 'None notified.')
      : facts([
          ['Category', words(r.affiliation.category)],
          ['Organization', dash(r.affiliation.organization?.name)],
          ['Last event', `${r.affiliation.lastEvent} (${r.affiliation.lastEventOn})`],
        ]),
  );

const obligationsPanel = (r: Resident): HTMLElement =>
  section(
    'obligations',
    r.obligations.length === 0
      ? el('p', {}, 'No notification duties.')
      : table(
          'Every duty with its article, deadline and state',
          ['Article / duty', 'Subject', 'Deadline (effective)', 'State', 'Met on / overdue since', 'Penalty'],
          r.obligations.map((o) => [
            termWithArticle(termOf(DUTY, o.duty)),
            o.subject,
            o.deadline === null ? 'immediately' : `${o.deadline.effective}${o.deadline.nominal === o.deadline.effective ? '' : ` (nominal ${o.deadline.nominal})`}`,
            el('span', { class: `state-${o.state.toLowerCase()}` }, termLabel(termOf(OBLIGATION_STATE, o.state))),
            dash(o.metOn ?? o.overdueSince),
            o.penalty === null ? '—' : `Art. ${o.penalty}`,
          ]),
        ),
  );

const groundsPanel = (r: Resident): HTMLElement =>
  section(
    'grounds',
    r.cancellationGrounds.length === 0
      ? el('p', {}, 'No address-lapse ground.')
      : table(
          'Address-lapse grounds with their article',
          ['Ground', 'From', 'Strict reading from', 'State', 'Cured late on'],
          r.cancellationGrounds.map((g) => [
            termWithArticle(termOf(LAPSE_GROUND, g.ground)),
            g.from,
            g.strictFrom,
            termLabel(termOf(LAPSE_STATE, g.state)),
            dash(g.curedLateOn),
          ]),
        ),
  );

export const renderResident = (r: Resident): HTMLElement =>
  el(
    'div',
    { class: 'resident', 'data-resident-id': r.id },
    el(
      'header',
      { class: 'resident-head' },
      el('h2', { id: 'resident-name', tabindex: '-1' }, r.particulars?.name ?? r.id),
      el('p', {}, el('span', { class: 'muted' }, 'Resident id '), el('code', {}, r.id), ` · ${r.particulars?.nationality ?? '—'} · born ${r.particulars?.dateOfBirth ?? '—'}`),
      el(
        'p',
        { class: 'asof' },
        termLabel(SECTION['asOf'] ?? { ja: '', en: '' }),
        ': ',
        el('time', { datetime: r.asOf, 'data-as-of': r.asOf }, r.asOf),
        ' · ',
        termWithArticle(SECTION['resident'] ?? { ja: '', en: '' }),
        ': ',
        el('strong', { 'data-mltr': String(r.midToLongTermResident.is) }, yesNo(r.midToLongTermResident.is)),
        ` (${words(r.midToLongTermResident.reason)}${r.midToLongTermResident.since === null ? '' : `, since ${r.midToLongTermResident.since}`})`,
      ),
    ),
    el('div', { class: 'panels' }, stayPanel(r), cardPanel(r), addressPanel(r), affiliationPanel(r)),
    obligationsPanel(r),
    groundsPanel(r),
  );
