import type { Database } from 'better-sqlite3';
import { currentVersionOf, RESIDENT_EVENT_REGISTRY, type ResidentEvent } from '../../../events/catalogue.js';
import { EventSchemaError } from '../../../events/errors.js';
import { EventMetadata } from '../../../events/metadata.js';
import { parseEventData } from '../../../events/parse.js';
import type { Fact } from '../../register/domain/facts.js';
import type { RecordedEvent } from '../../register/store/port.js';
import { packJson, unpackJson } from './packed-json.js';

/** Resident streams are `resident-<residentId>` (architecture decision 1). */
export const RESIDENT_STREAM_PREFIX = 'resident-';

export const residentIdOfStream = (streamId: string): string => streamId.slice(RESIDENT_STREAM_PREFIX.length);

/** The two metadata fields a fact needs; the rest of the metadata (correlation, source, request hash) is not copied. */
const FactMetadata = EventMetadata.pick({ recordedAt: true, schemaVersion: true });

/**
 * Parses an event of the log once, when it is copied: data upcast to the current version and checked
 * by the catalogue, `recordedAt` for DT-8. Throws as `parseStoredEvent` does.
 */
export const factOfEvent = (event: RecordedEvent): Fact => {
  const metadata = FactMetadata.safeParse(event.metadata);
  if (!metadata.success) throw new EventSchemaError(event.type, metadata.error.issues, ['metadata']);
  return { event: parseEventData(event.type, metadata.data.schemaVersion, event.data), recordedAt: metadata.data.recordedAt, revision: event.revision };
};

/** A copied fact: revision, type, recordedAt, data version, data as the catalogue parsed it. */
type StoredFact = readonly [number, string, string, number, unknown];

const toStored = (fact: Fact): StoredFact => [fact.revision, fact.event.type, fact.recordedAt, RESIDENT_EVENT_REGISTRY[fact.event.type].currentVersion, fact.event.data];

/**
 * Data stored at its type's current version was parsed by the catalogue when it was copied, into
 * this file that only this module writes: it is taken as it is, which spares a schema parse of every
 * fact on every recomputation. Data at an older version (an upcaster added since) is upcast and
 * parsed again, as the store's events are.
 */
const fromStored = ([revision, type, recordedAt, version, data]: StoredFact): Fact => ({
  event: version === currentVersionOf(type) ? ({ type, data } as ResidentEvent) : parseEventData(type, version, data),
  recordedAt,
  revision,
});

/** The resident's stream copy as stored: the facts in stream order, packed. */
export const packFacts = (facts: readonly Fact[]): Buffer => packJson(facts.map(toStored));

/** The facts of a BLOB `packFacts` made. */
export const unpackFacts = (blob: Uint8Array): Fact[] => (unpackJson(blob) as StoredFact[]).map(fromStored);

export interface ResidentFactsStore {
  /** Every fact copied for the resident, in stream order (none yet: empty): the input of `statusAt`. */
  factsOf(residentId: string): Fact[];
  /** The stored stream copy as `packFacts` packed it, without unpacking it; undefined when there is none. */
  packedOf(residentId: string): Uint8Array | undefined;
  /** Stores the resident's whole stream copy, `facts` in stream order from revision 0. */
  save(residentId: string, facts: readonly Fact[]): void;
  /** Stores a stream copy `packFacts` packed (elsewhere, e.g. in a worker thread) whose last revision is `revision`. */
  savePacked(residentId: string, revision: number, packed: Uint8Array): void;
}

/**
 * The per-resident copy of the stream, one row per resident: the facts as one packed BLOB (a
 * resident's stream is small and always read whole), with the last revision copied beside it.
 */
export const residentFactsStore = (db: Database): ResidentFactsStore => {
  const sql = {
    facts: db.prepare('SELECT facts FROM resident_facts WHERE resident_id = ?').pluck(),
    save: db.prepare(
      `INSERT INTO resident_facts (resident_id, revision, facts) VALUES (?, ?, ?)
       ON CONFLICT (resident_id) DO UPDATE SET revision = excluded.revision, facts = excluded.facts`,
    ),
  };
  return {
    factsOf: (residentId) => {
      const blob = sql.facts.get(residentId) as Buffer | undefined;
      return blob === undefined ? [] : unpackFacts(blob);
    },
    packedOf: (residentId) => sql.facts.get(residentId) as Buffer | undefined,
    save: (residentId, facts) => {
      sql.save.run(residentId, facts.at(-1)?.revision ?? -1, packFacts(facts));
    },
    savePacked: (residentId, revision, packed) => {
      sql.save.run(residentId, revision, packed);
    },
  };
};
