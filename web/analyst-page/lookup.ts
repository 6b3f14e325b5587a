import { ApiError, graphql } from './api.js';
import { isIsoDate } from './dates.js';
import { nullable, obj } from './decode.js';
import { byId } from './dom.js';
import { RESIDENT_FIELDS, Resident, renderResident } from './resident-view.js';
import { fetchHistory, renderTimeline } from './timeline.js';

/** Search by resident id or card number; the as-of date picker re-asks for the same person. */

const BY_ID = `query ResidentById($id: ID!, $asOf: Date) { resident(id: $id, asOf: $asOf) { ${RESIDENT_FIELDS} } }`;
const BY_CARD = `query ResidentByCard($number: String!, $asOf: Date) { residentByCard(number: $number, asOf: $asOf) { ${RESIDENT_FIELDS} } }`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Two letters, eight digits, two letters (Art. 19-4(1)(v); the register's card-number format). */
const CARD_NUMBER = /^[A-Z]{2}\d{8}[A-Z]{2}$/;

export type Search = { readonly by: 'id'; readonly id: string } | { readonly by: 'card'; readonly number: string };

export const searchOf = (input: string): Search | null => {
  const text = input.trim();
  if (UUID.test(text)) return { by: 'id', id: text.toLowerCase() };
  if (CARD_NUMBER.test(text.toUpperCase())) return { by: 'card', number: text.toUpperCase() };
  return null;
};

const fetchResident = async (search: Search, asOf: string | null): Promise<Resident | null> =>
  search.by === 'id'
    ? (await graphql(BY_ID, { id: search.id, asOf }, obj({ resident: nullable(Resident) }))).resident
    : (await graphql(BY_CARD, { number: search.number, asOf }, obj({ residentByCard: nullable(Resident) }))).residentByCard;

export const startLookup = (onAuthError: () => void): void => {
  const form = byId('lookup-form', HTMLFormElement);
  const query = byId('query', HTMLInputElement);
  const asOfInput = byId('as-of', HTMLInputElement);
  const status = byId('lookup-status', HTMLParagraphElement);
  const residentBox = byId('resident', HTMLDivElement);
  const timelineBox = byId('timeline', HTMLDivElement);
  /** The person shown; a new as-of date asks for the same id, whatever card found them. */
  let current: string | null = null;

  const asOf = (): string | null => (isIsoDate(asOfInput.value) ? asOfInput.value : null);

  const show = async (search: Search, withHistory: boolean): Promise<void> => {
    status.textContent = 'Looking up…';
    residentBox.setAttribute('aria-busy', 'true');
    try {
      const resident = await fetchResident(search, asOf());
      if (resident === null) {
        status.textContent = search.by === 'id' ? 'The register has no resident with this id.' : 'No residence card with this number had been issued by this date.';
        residentBox.replaceChildren();
        timelineBox.replaceChildren();
        current = null;
        return;
      }
      current = resident.id;
      residentBox.replaceChildren(renderResident(resident));
      status.textContent = `Showing ${resident.particulars?.name ?? resident.id} as of ${resident.asOf}.`;
      if (withHistory) timelineBox.replaceChildren(renderTimeline(await fetchHistory(resident.id)));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') return onAuthError();
      status.textContent = `The register refused: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      residentBox.removeAttribute('aria-busy');
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const search = searchOf(query.value);
    if (search === null) {
      status.textContent = 'Enter a resident id (UUID) or a residence card number (e.g. AB12345678CD).';
      query.setAttribute('aria-invalid', 'true');
      query.focus();
      return;
    }
    query.removeAttribute('aria-invalid');
    void show(search, true);
  });
  asOfInput.addEventListener('change', () => {
    if (current !== null) void show({ by: 'id', id: current }, false);
  });
};

/** Opens a resident from elsewhere on the page (a row of the lapse list). */
export const openResident = (id: string): void => {
  const query = byId('query', HTMLInputElement);
  query.value = id;
  byId('lookup-form', HTMLFormElement).requestSubmit();
  byId('lookup', HTMLElement).scrollIntoView();
  query.focus();
};
