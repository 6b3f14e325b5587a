import { resolve } from 'node:path';
import { BackupError, backupDataDir } from '../backup/backup.js';
import { restoreDataDir } from '../backup/restore.js';
import { loadConfig } from '../config.js';
import { UsageError, type CliCommand } from './command.js';
import { COMMON_ENV_FLAGS, COMMON_OPTIONS, COMMON_USAGE } from './common-flags.js';

const dirFlag = (value: string | boolean | undefined, flag: string, what: string): string => {
  if (typeof value !== 'string' || value.trim().length === 0) throw new UsageError(`${flag} <dir> is required: ${what}`);
  return resolve(value);
};

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;

/** `register backup --to <dir>`: an online, consistent copy of every SQLite file (backup/backup.ts). */
export const backupCommand: CliCommand = {
  name: 'backup',
  summary: 'copy the data directory while the register runs (consistent snapshot of each file)',
  usage: `${COMMON_USAGE}
  --to <dir>            new or empty directory to write the backup into (required)`,
  options: { ...COMMON_OPTIONS, to: { type: 'string' } },
  envFlags: COMMON_ENV_FLAGS,
  run: async ({ env, values }, io) => {
    const config = loadConfig(env);
    const to = dirFlag(values['to'], '--to', 'the directory to write the backup into');
    try {
      const manifest = backupDataDir(config.dataDir, to, ({ file, bytes, ms }) => io.stderr(`backup: ${file} ${kb(bytes)} in ${ms} ms\n`));
      io.stdout(`backed up ${config.dataDir} to ${to}: ${manifest.files.length} files, log head at position ${manifest.headPosition}\n`);
      return 0;
    } catch (error) {
      if (!(error instanceof BackupError)) throw error;
      io.stderr(`register: ${error.message}\n`);
      return 1;
    }
  },
};

/** `register restore --from <dir>`: into an empty data directory only. */
export const restoreCommand: CliCommand = {
  name: 'restore',
  summary: 'restore a backup into an empty data directory (refuses to overwrite)',
  usage: `${COMMON_USAGE}
  --from <dir>          a directory written by 'register backup' (required)`,
  options: { ...COMMON_OPTIONS, from: { type: 'string' } },
  envFlags: COMMON_ENV_FLAGS,
  run: async ({ env, values }, io) => {
    const config = loadConfig(env);
    const from = dirFlag(values['from'], '--from', "the directory 'register backup' wrote");
    try {
      const manifest = restoreDataDir(from, config.dataDir, (name) => io.stderr(`restore: ${name}\n`));
      io.stdout(`restored ${from} into ${config.dataDir}: log head at position ${manifest.headPosition}, backed up at ${manifest.createdAt}\n`);
      return 0;
    } catch (error) {
      if (!(error instanceof BackupError)) throw error;
      io.stderr(`register: ${error.message}\n`);
      return 1;
    }
  },
};
