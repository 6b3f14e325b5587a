import type { IsoDate } from '../../../../events/values.js';
import { toFact } from '../../../register/application/command-attempt.js';
import { statusAt } from '../../../register/domain/status.js';
import type { ResidentStatus } from '../../../register/domain/status-types.js';
import type { EventStore, RecordedEvent } from '../../../register/store/port.js';
import type { CardRow, CountDimension, CountRow, DeadlineRow, LapseRow, Page, ReadModels, StatusRow } from '../../read-models/types.js';
import { cardRows, deadlineRows, lapseRows, statusRow } from './memory-rows.js';
import { identityKey } from '../../read-models/identity-index.js';

/**
 * A small in-memory ReadModels for the GraphQL tests: every row computed with `statusAt` from the
 * events appended to a real event store, as of a fixed date. `refresh()` recomputes after appends.
 */

export interface MemoryReadModels extends ReadModels {
  refresh(): Promise<void>;
}

interface Rows {
  readonly statuses: readonly StatusRow[];
  readonly cards: readonly CardRow[];
  readonly deadlines: readonly DeadlineRow[];
  readonly lapses: readonly LapseRow[];
  readonly position: number;
}

/** A keyset page: items sorted by key, the cursor is the last item's key. */
export const pageOf = <T>(items: readonly T[], keyOf: (item: T) => string, first: number, after: string | null): Page<T> => {
  const sorted = [...items].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  const rest = after === null ? sorted : sorted.filter((item) => keyOf(item) > after);
  const taken = rest.slice(0, first);
  const last = taken.at(-1);
  return { items: taken, endCursor: last === undefined ? null : keyOf(last), hasNextPage: rest.length > first, totalCount: sorted.length };
};

const readRows = async (store: EventStore, asOf: IsoDate): Promise<Rows> => {
  const streams = new Map<string, RecordedEvent[]>();
  let position = 0;
  for await (const recorded of store.readAll({ filter: { streamPrefixes: ['resident-'] } })) {
    streams.set(recorded.streamId, [...(streams.get(recorded.streamId) ?? []), recorded]);
    position = recorded.position;
  }
  const statuses: { residentId: string; revision: number; status: ResidentStatus }[] = [...streams].map(([streamId, events]) => ({
    residentId: streamId.slice('resident-'.length), revision: events.length - 1, status: statusAt(events.map(toFact), { asOf }),
  }));
  return {
    statuses: statuses.map(({ residentId, revision, status }) => statusRow(residentId, revision, status)),
    cards: statuses.flatMap(({ residentId, status }) => cardRows(residentId, status)),
    deadlines: statuses.flatMap(({ residentId, status }) => deadlineRows(residentId, status)),
    lapses: statuses.flatMap(({ residentId, status }) => lapseRows(residentId, status)),
    position,
  };
};

const matches = (row: StatusRow, filter: Parameters<ReadModels['residents']>[0]): boolean =>
  (filter.statusOfResidence === undefined || row.statusOfResidence === filter.statusOfResidence) &&
  (filter.municipalityCode === undefined || row.municipalityCode === filter.municipalityCode) &&
  (filter.midToLongTermResident === undefined || row.midToLongTermResident === filter.midToLongTermResident) &&
  (filter.cardExpiringBetween === undefined ||
    (row.cardValid === true && row.cardValidUntil !== null && row.cardValidUntil >= filter.cardExpiringBetween.from && row.cardValidUntil <= filter.cardExpiringBetween.to)) &&
  (filter.overdueDuty === undefined || row.overdueDuties.includes(filter.overdueDuty)) &&
  (filter.lapseGround === undefined || row.lapseGrounds.includes(filter.lapseGround));

const countsOf = (statuses: readonly StatusRow[], dimension: CountDimension): CountRow[] => {
  const counts = new Map<string, number>();
  for (const row of statuses.filter((r) => r.midToLongTermResident)) {
    const key = (dimension === 'municipality' ? row.municipalityCode : dimension === 'nationality' ? row.nationality : row.statusOfResidence) ?? 'unknown';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => (a.key < b.key ? -1 : 1));
};

export const memoryReadModels = async (store: EventStore, asOf: IsoDate): Promise<MemoryReadModels> => {
  let rows = await readRows(store, asOf);
  return {
    refresh: async () => {
      rows = await readRows(store, asOf);
    },
    statusOf: (residentId) => rows.statuses.find((row) => row.residentId === residentId) ?? null,
    card: (cardNumber) => rows.cards.find((row) => row.cardNumber === cardNumber) ?? null,
    residents: (filter, first, after) => pageOf(rows.statuses.filter((row) => matches(row, filter)), (row) => row.residentId, first, after),
    addressLapses: (query, first, after) =>
      pageOf(
        rows.lapses.filter((row) => row.from <= query.fromOnOrBefore && (query.ground === undefined || row.ground === query.ground) &&
          (query.municipalityCode === undefined || row.municipalityCode === query.municipalityCode)),
        (row) => `${row.from}|${row.residentId}|${row.ground}`, first, after,
      ),
    deadlines: (query, first, after) =>
      pageOf(
        rows.deadlines.filter((row) => row.effective >= query.dueFrom && row.effective <= query.dueTo &&
          (query.kind === undefined || row.kind === query.kind) && (query.municipalityCode === undefined || row.municipalityCode === query.municipalityCode)),
        (row) => `${row.effective}|${row.residentId}|${row.kind}|${row.subject}`, first, after,
      ),
    counts: (dimension) => countsOf(rows.statuses, dimension),
    residentsByIdentity: (particulars, limit) =>
      rows.statuses
        .filter((row) => row.status.particulars !== null && identityKey(row.status.particulars) === identityKey(particulars))
        .map((row) => row.residentId)
        .slice(0, limit),
    residentsDueBy: (date) => [...new Set(rows.deadlines.filter((row) => row.effective <= date).map((row) => row.residentId))],
    checkpoint: () => rows.position,
  };
};
