import type { Database } from 'better-sqlite3';
import { toFact } from '../../register/application/command-attempt.js';
import type { Fact } from '../../register/domain/facts.js';
import type { RecordedEvent } from '../../register/store/port.js';

/** Resident streams are `resident-<residentId>` (architecture decision 1). */
export const RESIDENT_STREAM_PREFIX = 'resident-';

export const residentIdOfStream = (streamId: string): string => streamId.slice(RESIDENT_STREAM_PREFIX.length);

interface FactRecord {
  resident_id: string;
  revision: number;
  position: number;
  type: string;
  data: string;
  metadata: string;
}

/** A stored copy of an event, as the store handed it; parsed (and upcast) only when it is read. */
const toRecorded = (row: FactRecord): RecordedEvent => ({
  id: `${row.resident_id}/${row.revision}`,
  streamId: `${RESIDENT_STREAM_PREFIX}${row.resident_id}`,
  revision: row.revision,
  position: row.position,
  type: row.type,
  data: JSON.parse(row.data) as RecordedEvent['data'],
  metadata: JSON.parse(row.metadata) as RecordedEvent['metadata'],
});

export interface ResidentFactsStore {
  /** The last stream revision copied for the resident, -1 when none. */
  appliedRevision(residentId: string): number;
  insert(event: RecordedEvent): void;
  /** Every fact of the resident, in stream order: the input of `statusAt`. */
  factsOf(residentId: string): Fact[];
  /** Every resident with at least one fact, ascending. */
  residentIds(): string[];
}

/**
 * The per-resident copy of the stream (a resident's stream is small). Raw events are kept, not
 * parsed ones, so that an upcaster added later applies to them as it does to the store's events.
 */
export const residentFactsStore = (db: Database): ResidentFactsStore => {
  const sql = {
    applied: db.prepare('SELECT MAX(revision) AS revision FROM resident_facts WHERE resident_id = ?'),
    insert: db.prepare('INSERT INTO resident_facts (resident_id, revision, position, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)'),
    facts: db.prepare('SELECT * FROM resident_facts WHERE resident_id = ? ORDER BY revision'),
    residents: db.prepare('SELECT DISTINCT resident_id FROM resident_facts ORDER BY resident_id').pluck(),
  };
  return {
    appliedRevision: (residentId) => (sql.applied.get(residentId) as { revision: number | null }).revision ?? -1,
    insert: (event) => {
      sql.insert.run(
        residentIdOfStream(event.streamId), event.revision, event.position, event.type,
        JSON.stringify(event.data), JSON.stringify(event.metadata),
      );
    },
    factsOf: (residentId) => (sql.facts.all(residentId) as FactRecord[]).map((row) => toFact(toRecorded(row))),
    residentIds: () => sql.residents.all() as string[],
  };
};
