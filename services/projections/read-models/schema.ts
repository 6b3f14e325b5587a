/**
 * The tables of one projection instance's read models, each model with its schema version. Bump a
 * model's version whenever its tables or the way its rows are computed change: the projector then
 * drops every read-model table and replays the log from position 0 (runtime/projection-db.ts).
 */
export interface ReadModelSchema {
  readonly name: string;
  readonly version: number;
  readonly tables: readonly string[];
  readonly ddl: readonly string[];
}

/**
 * The copy of each resident's stream: the status is recomputed from it without the event store.
 * v2: one row per resident, the facts packed (read-models/resident-facts.ts) without the metadata
 * the status does not use — a fifth of v1's size.
 */
const residentFacts: ReadModelSchema = {
  name: 'resident-facts',
  version: 2,
  tables: ['resident_facts'],
  ddl: [`CREATE TABLE resident_facts (resident_id TEXT PRIMARY KEY, revision INTEGER NOT NULL, facts BLOB NOT NULL) STRICT`],
};

/**
 * (a) The continuous-status view (Art. 19-36), with a side table for the overdue-duty filter.
 * v2: the status packed (read-models/packed-json.ts); the digests of the resident's rows in the
 * other tables let a recomputation leave unchanged rows alone (read-models/resident-rows.ts).
 */
const residentStatus: ReadModelSchema = {
  name: 'resident-status',
  version: 2,
  tables: ['resident_status', 'resident_overdue'],
  ddl: [
    `CREATE TABLE resident_status (
       resident_id TEXT PRIMARY KEY, as_of TEXT NOT NULL, revision INTEGER NOT NULL,
       mltr INTEGER NOT NULL, mltr_reason TEXT NOT NULL, status_of_residence TEXT, period_expires_on TEXT,
       municipality_code TEXT, nationality TEXT, card_number TEXT, card_valid INTEGER, card_valid_until TEXT,
       abroad INTEGER NOT NULL, overdue_duties TEXT NOT NULL, lapse_grounds TEXT NOT NULL,
       next_change_on TEXT, status BLOB NOT NULL, cards_digest INTEGER NOT NULL, deadlines_digest INTEGER NOT NULL,
       lapses_digest INTEGER NOT NULL, identity_digest INTEGER NOT NULL) STRICT`,
    'CREATE INDEX resident_status_by_status ON resident_status (status_of_residence, resident_id)',
    'CREATE INDEX resident_status_by_municipality ON resident_status (municipality_code, resident_id)',
    'CREATE INDEX resident_status_by_mltr ON resident_status (mltr, resident_id)',
    'CREATE INDEX resident_status_by_card_expiry ON resident_status (card_valid_until, resident_id)',
    'CREATE INDEX resident_status_by_next_change ON resident_status (next_change_on)',
    `CREATE TABLE resident_overdue (
       duty TEXT NOT NULL, resident_id TEXT NOT NULL, PRIMARY KEY (duty, resident_id)) STRICT, WITHOUT ROWID`,
    'CREATE INDEX resident_overdue_by_resident ON resident_overdue (resident_id)',
  ],
};

/** (b) The card index: card number → resident. v2: clustered on its key (no separate key index). */
const cards: ReadModelSchema = {
  name: 'cards',
  version: 2,
  tables: ['cards'],
  ddl: [
    `CREATE TABLE cards (
       card_number TEXT NOT NULL, resident_id TEXT NOT NULL, issued_on TEXT NOT NULL, valid_until TEXT NOT NULL,
       valid INTEGER NOT NULL, invalid_item TEXT, invalid_since TEXT, as_of TEXT NOT NULL,
       PRIMARY KEY (card_number, resident_id)) STRICT, WITHOUT ROWID`,
    'CREATE INDEX cards_by_resident ON cards (resident_id)',
  ],
};

/** (c) The deadline index, by effective date. v2: clustered on its key. */
const deadlines: ReadModelSchema = {
  name: 'deadlines',
  version: 2,
  tables: ['deadlines'],
  ddl: [
    `CREATE TABLE deadlines (
       resident_id TEXT NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL, subject TEXT NOT NULL,
       clock_started_on TEXT, nominal TEXT NOT NULL, effective TEXT NOT NULL, municipality_code TEXT,
       PRIMARY KEY (resident_id, seq)) STRICT, WITHOUT ROWID`,
    'CREATE INDEX deadlines_by_effective ON deadlines (effective, resident_id, seq)',
    'CREATE INDEX deadlines_by_kind ON deadlines (kind, effective, resident_id, seq)',
    'CREATE INDEX deadlines_by_municipality ON deadlines (municipality_code, effective, resident_id, seq)',
  ],
};

/** (d) The address-lapse triggers, grounds (viii)/(ix) of Art. 22-4(1). v2: clustered on its key. */
const addressLapses: ReadModelSchema = {
  name: 'address-lapses',
  version: 2,
  tables: ['address_lapses'],
  ddl: [
    `CREATE TABLE address_lapses (
       resident_id TEXT NOT NULL, seq INTEGER NOT NULL, ground TEXT NOT NULL, from_on TEXT NOT NULL,
       strict_from TEXT NOT NULL, clock_started_on TEXT NOT NULL, municipality_code TEXT, cured_late_on TEXT,
       state TEXT NOT NULL, known_since TEXT NOT NULL, PRIMARY KEY (resident_id, seq)) STRICT, WITHOUT ROWID`,
    'CREATE INDEX address_lapses_by_from ON address_lapses (from_on, resident_id, seq)',
    'CREATE INDEX address_lapses_by_ground ON address_lapses (ground, from_on, resident_id, seq)',
    'CREATE INDEX address_lapses_by_municipality ON address_lapses (municipality_code, from_on, resident_id, seq)',
    'CREATE INDEX address_lapses_by_state ON address_lapses (state, ground, resident_id)',
  ],
};

/** (e) Counts of MLTRs per municipality, status of residence and nationality. */
const counts: ReadModelSchema = {
  name: 'counts',
  version: 1,
  tables: ['counts'],
  ddl: [
    `CREATE TABLE counts (
       dimension TEXT NOT NULL, key TEXT NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (dimension, key)) STRICT`,
  ],
};

/** (f) The identity index: who the register knows by name, date of birth and nationality (relays without a card). */
const identities: ReadModelSchema = {
  name: 'identities',
  version: 1,
  tables: ['resident_identities'],
  ddl: [
    `CREATE TABLE resident_identities (
       identity_key TEXT NOT NULL, resident_id TEXT NOT NULL, PRIMARY KEY (identity_key, resident_id)) STRICT, WITHOUT ROWID`,
    'CREATE INDEX resident_identities_by_resident ON resident_identities (resident_id)',
  ],
};

export const READ_MODEL_SCHEMAS: readonly ReadModelSchema[] = [residentFacts, residentStatus, cards, deadlines, addressLapses, counts, identities];
