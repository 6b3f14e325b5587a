import type { Database } from 'better-sqlite3';
import { applyMigrations } from '../../register/store/sqlite-schema.js';

/**
 * The audit log's own SQLite file (`<dataDir>/audit.db`). It is not a read model: it is never
 * rebuilt from the event log, and triggers refuse every UPDATE and DELETE, so an entry once written
 * stays as written (rules.md INFO-2: an audit log of every read of personal data).
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE audit_entries (
     id             INTEGER PRIMARY KEY AUTOINCREMENT,
     at             TEXT    NOT NULL,
     actor_role     TEXT    NOT NULL CHECK (actor_role IN ('officer', 'analyst', 'auditor')),
     actor_id       TEXT    NOT NULL,
     operation_name TEXT,
     root_fields    TEXT    NOT NULL,
     resident_id    TEXT    NOT NULL,
     fields         TEXT    NOT NULL
   ) STRICT`,
  `CREATE INDEX audit_entries_by_resident ON audit_entries (resident_id, id)`,
  `CREATE INDEX audit_entries_by_actor ON audit_entries (actor_id, id)`,
  `CREATE TRIGGER audit_entries_refuse_update BEFORE UPDATE ON audit_entries
     BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: UPDATE refused'); END`,
  `CREATE TRIGGER audit_entries_refuse_delete BEFORE DELETE ON audit_entries
     BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: DELETE refused'); END`,
];

/** Brings the audit log file to the newest schema. */
export const migrateAuditLog = (db: Database): void => applyMigrations(db, MIGRATIONS, 'audit log');
