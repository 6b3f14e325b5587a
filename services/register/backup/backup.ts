import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

/**
 * Online backup of a data directory (issue 9.6). Each SQLite file is copied with `VACUUM INTO`,
 * which reads one snapshot in a single read transaction: consistent, and in WAL mode it never
 * blocks the running register's writers. The derived files go first and the event log last, so a
 * restored projection checkpoint or relay ledger never runs ahead of the restored log — the
 * projector then catches up on the rest, and a relay the ledger calls "applied" is in the log.
 */

/**
 * In backup order: derived and side files first, the source of truth last. The outbox relay's
 * checkpoint (`relay.db`) must never be ahead of the log it is restored with: events appended after
 * a restore take the positions after the restored head, and a checkpoint past them would skip them.
 */
export const DATA_FILES = ['projections.db', 'bridge-quarantine.db', 'relay.db', 'audit.db', 'register.db'] as const;
export const MANIFEST = 'manifest.json';

export interface BackupManifest {
  readonly format: 'resident-register-backup/1';
  readonly createdAt: string;
  /** The event log's head position in the backup. */
  readonly headPosition: number;
  readonly files: readonly { readonly name: string; readonly bytes: number }[];
}

export class BackupError extends Error {
  override readonly name = 'BackupError';
}

export interface BackupProgress {
  readonly file: string;
  readonly bytes: number;
  readonly ms: number;
}

const headOf = (file: string): number => {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    return Number(db.prepare('SELECT COALESCE(MAX(position), 0) FROM events').pluck().get());
  } finally {
    db.close();
  }
};

/** Copies one live SQLite file as one consistent snapshot. */
const snapshot = (source: string, target: string): void => {
  const db = new BetterSqlite3(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare('VACUUM INTO ?').run(target);
  } finally {
    db.close();
  }
};

/** Backs up `dataDir` into the new or empty directory `to`; returns the manifest it wrote there. */
export const backupDataDir = (dataDir: string, to: string, onProgress: (progress: BackupProgress) => void = () => {}): BackupManifest => {
  if (!existsSync(join(dataDir, 'register.db'))) throw new BackupError(`there is no event store at ${join(dataDir, 'register.db')}; choose the data directory with --data-dir`);
  if (existsSync(to) && readdirSync(to).length > 0) throw new BackupError(`the backup directory ${to} is not empty; choose a new one with --to`);
  mkdirSync(to, { recursive: true });
  const files: { name: string; bytes: number }[] = [];
  for (const name of DATA_FILES) {
    const source = join(dataDir, name);
    if (!existsSync(source)) continue;
    const started = Date.now();
    snapshot(source, join(to, name));
    const bytes = statSync(join(to, name)).size;
    files.push({ name, bytes });
    onProgress({ file: name, bytes, ms: Date.now() - started });
  }
  const manifest: BackupManifest = {
    format: 'resident-register-backup/1', createdAt: new Date().toISOString(), headPosition: headOf(join(to, 'register.db')), files,
  };
  writeFileSync(join(to, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
};
