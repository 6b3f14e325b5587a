import type { Database } from 'better-sqlite3';

/**
 * Durability: WAL with synchronous=FULL fsyncs the WAL on every commit, so an append is on disk
 * when `append` resolves (NORMAL could lose the last commits on power loss). busy_timeout lets
 * several processes (a command node, query nodes) share one file without spurious SQLITE_BUSY.
 */
export const applyPragmas = (db: Database): void => {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
};

const MIGRATIONS: readonly string[] = [
  `CREATE TABLE events (
     position  INTEGER PRIMARY KEY AUTOINCREMENT,
     event_id  TEXT    NOT NULL UNIQUE,
     stream_id TEXT    NOT NULL,
     revision  INTEGER NOT NULL,
     type      TEXT    NOT NULL,
     data      TEXT    NOT NULL,
     metadata  TEXT    NOT NULL,
     UNIQUE (stream_id, revision)
   ) STRICT`,
];

/**
 * Brings a SQLite file to the newest of its migrations; `user_version` counts those applied, and a
 * file written by a newer build is refused rather than misread. Shared by every SQLite file the
 * register keeps (the event log, the audit log).
 */
export const applyMigrations = (db: Database, migrations: readonly string[], what: string): void => {
  const current = Number(db.pragma('user_version', { simple: true }));
  if (current > migrations.length)
    throw new Error(`${what} schema version ${current} is newer than this build knows (${migrations.length})`);
  const pending = migrations.slice(current);
  if (pending.length === 0) return;
  db.transaction(() => {
    pending.forEach((sql) => db.exec(sql));
    db.pragma(`user_version = ${migrations.length}`);
  }).immediate();
};

/** Brings the event store file to the newest schema. */
export const migrate = (db: Database): void => applyMigrations(db, MIGRATIONS, 'event store');
