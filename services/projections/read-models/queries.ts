import type { Database } from 'better-sqlite3';
import { fromLapseRecord, type LapseRecord } from './address-lapses.js';
import { fromCardRecord, type CardRecord } from './card-index.js';
import { checkpointStore } from './checkpoint.js';
import { fromDeadlineRecord, type DeadlineRecord } from './deadline-index.js';
import { identityIndexStore } from './identity-index.js';
import { Conditions, pagedQueries, type PagedQuery } from './paged-query.js';
import { fromStatusRecord, type StatusRecord } from './status-view.js';
import type { CountRow, DeadlineRow, LapseRow, ReadModels, ResidentFilter, StatusRow } from './types.js';

const RESIDENTS: PagedQuery<StatusRecord, StatusRow> = {
  tag: 'residents', table: 'resident_status', keyColumns: ['resident_id'], keyOf: (r) => [r.resident_id], toItem: fromStatusRecord,
};
const LAPSES: PagedQuery<LapseRecord, LapseRow> = {
  tag: 'address-lapses', table: 'address_lapses', keyColumns: ['from_on', 'resident_id', 'seq'],
  keyOf: (r) => [r.from_on, r.resident_id, r.seq], toItem: fromLapseRecord,
};
const DEADLINES: PagedQuery<DeadlineRecord, DeadlineRow> = {
  tag: 'deadlines', table: 'deadlines', keyColumns: ['effective', 'resident_id', 'seq'],
  keyOf: (r) => [r.effective, r.resident_id, r.seq], toItem: fromDeadlineRecord,
};

const residentConditions = (filter: ResidentFilter): Conditions =>
  new Conditions()
    .when(filter.statusOfResidence, 'status_of_residence = ?', (v) => [v])
    .when(filter.municipalityCode, 'municipality_code = ?', (v) => [v])
    .when(filter.midToLongTermResident, 'mltr = ?', (v) => [v ? 1 : 0])
    .when(filter.cardExpiringBetween, 'card_valid = 1 AND card_valid_until BETWEEN ? AND ?', (v) => [v.from, v.to])
    .when(filter.overdueDuty, 'EXISTS (SELECT 1 FROM resident_overdue o WHERE o.duty = ? AND o.resident_id = resident_status.resident_id)', (v) => [v])
    .when(
      filter.lapseGround,
      `EXISTS (SELECT 1 FROM address_lapses l WHERE l.ground = ? AND l.state = 'candidate' AND l.resident_id = resident_status.resident_id)`,
      (v) => [v],
    );

/**
 * The residents the daily clock examines (`residentsDueBy`): a deadline due, an open lapse candidate,
 * or the status view's next turn, which covers what no deadline row names — a card or period of stay
 * ending (Art. 19-14), a re-entry limit passing. Three statements merged in JavaScript: as one
 * `UNION … ORDER BY resident_id`, SQLite merged the parts in resident order, i.e. scanned `deadlines`
 * and `resident_status` whole, the latter row by row in key order — minutes of random reads at 3.7
 * million residents, for the few thousand due.
 */
export const DUE_BY_QUERIES = [
  'SELECT resident_id FROM deadlines WHERE effective <= @date',
  `SELECT resident_id FROM address_lapses WHERE state = 'candidate' AND from_on <= @date`,
  'SELECT resident_id FROM resident_status WHERE next_change_on <= @date',
] as const;

/** The `ReadModels` queries over one projection database (read-models/types.ts), every one served by an index. */
export const createReadModels = (db: Database): ReadModels => {
  const paged = pagedQueries(db);
  const checkpoint = checkpointStore(db);
  const identities = identityIndexStore(db);
  const sql = {
    status: db.prepare('SELECT * FROM resident_status WHERE resident_id = ?'),
    // A number given to two residents (a data error) answers with the latest issue.
    card: db.prepare('SELECT * FROM cards WHERE card_number = ? ORDER BY issued_on DESC, resident_id LIMIT 1'),
    counts: db.prepare('SELECT key, count FROM counts WHERE dimension = ? ORDER BY count DESC, key'),
    dueBy: DUE_BY_QUERIES.map((text) => db.prepare(text).pluck()),
  };
  return {
    statusOf: (residentId) => {
      const record = sql.status.get(residentId) as StatusRecord | undefined;
      return record === undefined ? null : fromStatusRecord(record);
    },
    card: (cardNumber) => {
      const record = sql.card.get(cardNumber) as CardRecord | undefined;
      return record === undefined ? null : fromCardRecord(record);
    },
    residents: (filter, first, after) => paged(RESIDENTS, residentConditions(filter), first, after),
    addressLapses: (query, first, after) =>
      paged(
        LAPSES,
        new Conditions()
          .add('from_on <= ?', query.fromOnOrBefore)
          .when(query.municipalityCode, 'municipality_code = ?', (v) => [v])
          .when(query.ground, 'ground = ?', (v) => [v]),
        first,
        after,
      ),
    deadlines: (query, first, after) =>
      paged(
        DEADLINES,
        new Conditions()
          .add('effective BETWEEN ? AND ?', query.dueFrom, query.dueTo)
          .when(query.kind, 'kind = ?', (v) => [v])
          .when(query.municipalityCode, 'municipality_code = ?', (v) => [v]),
        first,
        after,
      ),
    counts: (dimension) => sql.counts.all(dimension) as CountRow[],
    residentsByIdentity: (particulars, limit) => identities.find(particulars, limit),
    residentsDueBy: (date) => [...new Set(sql.dueBy.flatMap((statement) => statement.all({ date }) as string[]))].sort(),
    checkpoint: () => checkpoint.read(),
  };
};
