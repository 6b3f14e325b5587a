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

/** Brings the file to the newest schema; `user_version` counts the migrations applied. */
export const migrate = (db: Database): void => {
  const current = Number(db.pragma('user_version', { simple: true }));
  if (current > MIGRATIONS.length)
    throw new Error(`event store schema version ${current} is newer than this build knows (${MIGRATIONS.length})`);
  const pending = MIGRATIONS.slice(current);
  if (pending.length === 0) return;
  db.transaction(() => {
    pending.forEach((sql) => db.exec(sql));
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  }).immediate();
};
