import type { Database } from 'better-sqlite3';

/**
 * The bridge's own durable file, `<dataDir>/bridge-quarantine.db` (decision 9: nothing accepted is
 * lost). Entries are never deleted — a trigger refuses it — and only move from open to applied.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS quarantine (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  municipality_code TEXT NOT NULL,
  receipt_id TEXT NOT NULL,
  relay_type TEXT NOT NULL,
  reason_code TEXT NOT NULL,
  reason_detail TEXT NOT NULL,
  raw TEXT NOT NULL,
  relay TEXT NOT NULL,
  received_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 1,
  state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'applied')),
  resolved_at TEXT,
  resolved_by TEXT,
  resident_id TEXT
);
CREATE INDEX IF NOT EXISTS quarantine_key ON quarantine (municipality_code, receipt_id, relay_type, state);
CREATE INDEX IF NOT EXISTS quarantine_state ON quarantine (state, id);
CREATE TRIGGER IF NOT EXISTS quarantine_never_deleted BEFORE DELETE ON quarantine
BEGIN SELECT RAISE(ABORT, 'quarantine entries are never deleted'); END;
`;

/**
 * Version 2: the ledger of relays that reached the log, by idempotency key, so that a resend is
 * answered "duplicate" before matching — even after the card it named has been superseded.
 */
const LEDGER = `
CREATE TABLE IF NOT EXISTS applied_relays (
  relay_key TEXT PRIMARY KEY,
  content_sha256 TEXT NOT NULL,
  resident_id TEXT NOT NULL,
  applied_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS applied_relays_never_deleted BEFORE DELETE ON applied_relays
BEGIN SELECT RAISE(ABORT, 'the ledger of applied relays is never deleted'); END;
`;

const VERSION = 2;

/** Creates the tables of a new file; refuses a file written by a newer build rather than misread it. */
export const migrateQuarantine = (db: Database): void => {
  const version = Number(db.pragma('user_version', { simple: true }));
  if (version > VERSION) throw new Error(`bridge-quarantine.db is at schema version ${version}; this build knows ${VERSION}`);
  db.exec(SCHEMA);
  db.exec(LEDGER);
  db.pragma(`user_version = ${VERSION}`);
};
