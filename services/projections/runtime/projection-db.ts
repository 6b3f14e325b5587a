import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { CHECKPOINT_DDL, checkpointStore } from '../read-models/checkpoint.js';
import { READ_MODEL_SCHEMAS, type ReadModelSchema } from '../read-models/schema.js';

/** The projection database of the embedded default: one per projection instance, beside the event store. */
export const PROJECTION_DB_FILE = 'projections.db';

export const projectionDbPath = (dataDir: string): string => join(dataDir, PROJECTION_DB_FILE);

const VERSIONS_DDL = `CREATE TABLE IF NOT EXISTS projection_versions (
  name TEXT PRIMARY KEY, version INTEGER NOT NULL) STRICT`;

/** What opening the database found: the models whose schema version changed (all of them on a new file). */
export interface SchemaCheck {
  readonly changed: readonly string[];
  /** True when the read models were dropped and the checkpoint reset to 0: the log is replayed from the start. */
  readonly reset: boolean;
}

const dropAll = (db: Database, schemas: readonly ReadModelSchema[]): void => {
  const existing = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  const known = new Set(schemas.flatMap((s) => s.tables));
  existing.filter((t) => known.has(t)).forEach((t) => db.exec(`DROP TABLE ${t}`));
};

/**
 * Creates or checks the read-model tables. Every model is computed from the same resident facts in
 * the same transaction as the one checkpoint, so a changed version of any model drops all read-model
 * tables and resets the checkpoint: the projector then rebuilds them from position 0.
 */
export const ensureReadModelSchema = (db: Database, schemas: readonly ReadModelSchema[] = READ_MODEL_SCHEMAS): SchemaCheck =>
  db.transaction((): SchemaCheck => {
    db.exec(VERSIONS_DDL);
    db.exec(CHECKPOINT_DDL);
    const stored = new Map(
      (db.prepare('SELECT name, version FROM projection_versions').all() as { name: string; version: number }[]).map((r) => [r.name, r.version]),
    );
    const changed = schemas.filter((s) => stored.get(s.name) !== s.version).map((s) => s.name);
    const dropped = [...stored.keys()].filter((name) => !schemas.some((s) => s.name === name));
    if (changed.length === 0 && dropped.length === 0) return { changed, reset: false };
    dropAll(db, schemas);
    db.exec('DELETE FROM projection_versions');
    schemas.forEach((s) => {
      s.ddl.forEach((ddl) => db.exec(ddl));
      db.prepare('INSERT INTO projection_versions (name, version) VALUES (?, ?)').run(s.name, s.version);
    });
    checkpointStore(db).reset();
    return { changed: [...changed, ...dropped], reset: true };
  }).immediate();

export interface OpenedProjectionDb {
  readonly db: Database;
  readonly schema: SchemaCheck;
}

/** The rebuild's SQLite page cache unless asked otherwise (`RebuildOptions.cacheSizeMiB`). */
export const DEFAULT_BULK_CACHE_MIB = 64;

/**
 * Opens (or creates) a projection database. WAL lets the GraphQL queries read while the projector
 * writes. synchronous=NORMAL: a power loss may undo the last commits, but a commit holds the
 * read-model change and the checkpoint together, so they are undone together and re-applied.
 * `bulk` is for a rebuild into a fresh file that is thrown away if the rebuild does not finish.
 */
export const openProjectionDatabase = (
  file: string, mode: 'live' | 'bulk' = 'live', options: { readonly cacheSizeMiB?: number } = {},
): OpenedProjectionDb => {
  const db = new BetterSqlite3(file);
  try {
    if (mode === 'live') {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      // A catch-up batch of 500 events rewrites pages of ~350 residents, more than the default 1,000-page
      // WAL: every commit ran a checkpoint (with its fsync). 8,000 pages (32 MiB) spreads them out.
      db.pragma('wal_autocheckpoint = 8000');
    } else {
      db.pragma('journal_mode = MEMORY');
      db.pragma('synchronous = OFF');
      // Residents arrive in log order, i.e. at random places of every table keyed by resident: at
      // national scale the indexes outgrow the OS page cache this VM keeps (≈1 GiB), so a rebuild may ask for more.
      db.pragma(`cache_size = ${-Math.round((options.cacheSizeMiB ?? DEFAULT_BULK_CACHE_MIB) * 1024)}`);
    }
    db.pragma('busy_timeout = 5000');
    const schema = ensureReadModelSchema(db);
    // An older version's tables were dropped: give their pages back (v1 took ≈4 times the room of v2).
    if (schema.reset && (db.pragma('freelist_count', { simple: true }) as number) > 0) {
      db.exec('VACUUM');
      if (mode === 'live') db.pragma('wal_checkpoint(TRUNCATE)'); // the shorter file reaches the disk now, not at a later checkpoint
    }
    return { db, schema };
  } catch (error) {
    db.close();
    throw error;
  }
};
