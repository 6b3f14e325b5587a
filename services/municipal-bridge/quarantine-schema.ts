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

const VERSION = 1;

/** Creates the tables of a new file; refuses a file written by a newer build rather than misread it. */
export const migrateQuarantine = (db: Database): void => {
  const version = Number(db.pragma('user_version', { simple: true }));
  if (version > VERSION) throw new Error(`bridge-quarantine.db is at schema version ${version}; this build knows ${VERSION}`);
  db.exec(SCHEMA);
  db.pragma(`user_version = ${VERSION}`);
};
