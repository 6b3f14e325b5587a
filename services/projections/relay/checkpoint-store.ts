import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { applyMigrations, applyPragmas } from '../../register/store/sqlite-schema.js';

/** The relay's own SQLite file in the data directory: only its checkpoints, nothing rebuildable. */
export const RELAY_DB_FILE = 'relay.db';

export const relayDbPath = (dataDir: string): string => join(dataDir, RELAY_DB_FILE);

const MIGRATIONS: readonly string[] = [
  `CREATE TABLE relay_checkpoints (
     name     TEXT    PRIMARY KEY,
     position INTEGER NOT NULL CHECK (position >= 0)
   ) STRICT`,
];

export interface RelayCheckpointStore {
  /** The position of the last event whose integration messages the broker has acknowledged (0: none yet). */
  load(): number;
  save(position: number): void;
  close(): void;
}

/**
 * One checkpoint per relay name (its status topic), so relays publishing to different topics from
 * the same data directory never share progress. WAL with synchronous=FULL (applyPragmas): a saved
 * checkpoint is on disk when `save` returns, so a crash can only make the relay publish again, never
 * skip an event.
 */
export const openRelayCheckpointStore = (file: string, name: string): RelayCheckpointStore => {
  const db = new BetterSqlite3(file);
  applyPragmas(db);
  applyMigrations(db, MIGRATIONS, 'relay checkpoint');
  const select = db.prepare('SELECT position FROM relay_checkpoints WHERE name = ?').pluck();
  const upsert = db.prepare(
    'INSERT INTO relay_checkpoints (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position',
  );
  return {
    load: () => {
      const position: unknown = select.get(name);
      return typeof position === 'number' ? position : 0;
    },
    save: (position) => {
      upsert.run(name, position);
    },
    close: () => db.close(),
  };
};
