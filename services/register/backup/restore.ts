import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';
import { BackupError, DATA_FILES, MANIFEST, type BackupManifest } from './backup.js';

const Manifest = z.object({
  format: z.literal('resident-register-backup/1', { error: 'must be resident-register-backup/1' }),
  createdAt: z.string(),
  headPosition: z.number().int().min(0),
  files: z.array(z.object({ name: z.enum(DATA_FILES), bytes: z.number().int().min(0) })),
});

const readManifest = (from: string): BackupManifest => {
  const file = join(from, MANIFEST);
  if (!existsSync(file)) throw new BackupError(`${from} holds no ${MANIFEST}: it is not a register backup`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new BackupError(`${file} is not JSON`);
  }
  const parsed = Manifest.safeParse(json);
  if (!parsed.success) throw new BackupError(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
};

const integrity = (file: string): string => {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
};

/**
 * Restores a backup into a data directory that holds none of the register's files: it refuses to
 * overwrite. Each file is checked (`PRAGMA integrity_check`) before it is copied in.
 */
export const restoreDataDir = (from: string, dataDir: string, onFile: (name: string) => void = () => {}): BackupManifest => {
  const manifest = readManifest(from);
  const present = DATA_FILES.filter((name) => existsSync(join(dataDir, name)));
  if (present.length > 0) throw new BackupError(`the data directory ${dataDir} already holds ${present.join(', ')}; restore only into an empty one`);
  for (const { name } of manifest.files) {
    const source = join(from, name);
    if (!existsSync(source)) throw new BackupError(`the backup lists ${name} but ${source} is missing`);
    const check = integrity(source);
    if (check !== 'ok') throw new BackupError(`${source} fails the integrity check: ${check}`);
  }
  mkdirSync(dataDir, { recursive: true });
  for (const { name } of manifest.files) {
    copyFileSync(join(from, name), join(dataDir, name));
    onFile(name);
  }
  return manifest;
};
