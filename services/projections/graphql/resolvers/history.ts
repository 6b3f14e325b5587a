import { parseStoredEvent } from '../../../../events/parse.js';
import type { RecordedEvent } from '../../../register/store/port.js';
import { residentIdArg } from '../arguments.js';
import type { GraphqlContext } from '../context.js';
import { notFound } from '../errors.js';
import { residentStream } from '../from-log.js';
import { SUBJECT } from '../subject.js';

const LEGAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A date of birth is an identity particular (Art. 19-4(1)(i)), not the date a fact took effect: `particulars` holds it. */
const NOT_LEGAL_DATES: ReadonlySet<string> = new Set(['dateOfBirth']);

interface LegalDate {
  readonly name: string;
  readonly date: string;
}

/** Every legal date an event carries, by field path (architecture decision 2: events are facts with legal dates). */
export const legalDatesOf = (value: unknown, path = ''): LegalDate[] => {
  if (typeof value === 'string') return LEGAL_DATE.test(value) && path !== '' ? [{ name: path, date: value }] : [];
  if (typeof value !== 'object' || value === null) return [];
  const entries = Array.isArray(value) ? value.map((item, i) => [String(i), item] as const) : Object.entries(value);
  return entries.filter(([key]) => !NOT_LEGAL_DATES.has(key)).flatMap(([key, item]) => legalDatesOf(item, path === '' ? key : `${path}.${key}`));
};

/**
 * Only what the timeline needs: type, legal dates, transaction time, kind of source. The events'
 * other data (names, addresses) is not repeated here; the status holds it (Art. 19-36(3)).
 */
const entryOf = (residentId: string, recorded: RecordedEvent) => {
  const { event, metadata } = parseStoredEvent(recorded);
  return {
    [SUBJECT]: residentId,
    residentId,
    revision: recorded.revision,
    position: recorded.position,
    type: event.type,
    legalDates: legalDatesOf(event.data),
    recordedAt: metadata.recordedAt,
    sourceKind: metadata.source.kind,
  };
};

/** The timeline is a non-null list: an unknown resident is a NOT_FOUND error, not an empty history. */
const history = async (_: unknown, args: { readonly residentId: string }, ctx: GraphqlContext) => {
  const residentId = residentIdArg('residentId', args.residentId);
  const stream = await residentStream(ctx.sources.store, residentId);
  if (stream.length === 0) throw notFound(`the register has no record of resident ${residentId}`);
  return stream.map((recorded) => entryOf(residentId, recorded));
};

export const historyQueries = { history };
