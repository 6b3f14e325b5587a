import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { IsoDate } from '../../../events/values.js';
import { projectionDbPath } from '../../projections/runtime/projection-db.js';
import { ProjectionDbInUseError, rebuildProjections } from '../../projections/runtime/rebuild.js';
import { loadConfig } from '../config.js';
import { legalDateOf } from '../domain/rules/calendar.js';
import { StoreUnavailableError } from '../store/port.js';
import { openStore } from '../store/open.js';
import { UsageError, type CliCommand } from './command.js';
import { COMMON_ENV_FLAGS, COMMON_OPTIONS, COMMON_USAGE } from './common-flags.js';
import { barProgress, plainProgress, summaryLine } from './rebuild-progress.js';

/** The event store file of the embedded default (as `startRegister` opens it). */
const STORE_FILE = 'register.db';

const asOfFrom = (value: string | boolean | undefined): IsoDate => {
  if (typeof value !== 'string') return legalDateOf(new Date().toISOString()); // DT-1: today in Japan
  const parsed = IsoDate.safeParse(value);
  if (!parsed.success) throw new UsageError(`--as-of: ${parsed.error.issues[0]?.message ?? 'must be an ISO date'} (got '${value}')`);
  return parsed.data;
};

const CacheMiB = z.coerce.number().int().min(1);

const cacheMiBFrom = (value: string | boolean | undefined): number | undefined => {
  if (typeof value !== 'string') return undefined;
  const parsed = CacheMiB.safeParse(value);
  if (!parsed.success) throw new UsageError(`--cache-mib must be a whole number of MiB, at least 1 (got '${value}')`);
  return parsed.data;
};

/** `register rebuild`: replays the whole log into fresh read models (decision 6), beside the old ones, then swaps them in. */
export const rebuildCommand: CliCommand = {
  name: 'rebuild',
  summary: 'rebuild the read models from the whole event log (stop the register first)',
  usage: `${COMMON_USAGE}
  --as-of <YYYY-MM-DD>  legal date the rows are computed as of (default: today in Japan)
  --cache-mib <MiB>     SQLite page cache of the new read models (default 64; a few GiB speeds a national-scale rebuild)`,
  options: { ...COMMON_OPTIONS, 'as-of': { type: 'string' }, 'cache-mib': { type: 'string' } },
  envFlags: COMMON_ENV_FLAGS,
  run: async ({ env, values }, io) => {
    const config = loadConfig(env);
    const asOf = asOfFrom(values['as-of']);
    const cacheSizeMiB = cacheMiBFrom(values['cache-mib']);
    const storeFile = join(config.dataDir, STORE_FILE);
    if (config.store === 'sqlite' && !existsSync(storeFile)) throw new StoreUnavailableError(`there is no event store at ${storeFile}; choose the data directory with --data-dir`);
    const store = openStore(config);
    const progress = process.stderr.isTTY ? barProgress(process.stderr) : plainProgress(io.stderr);
    try {
      const result = await rebuildProjections({ store, dbFile: projectionDbPath(config.dataDir), today: asOf, onProgress: progress.update, ...(cacheSizeMiB === undefined ? {} : { cacheSizeMiB }) });
      progress.stop();
      io.stdout(summaryLine(result, asOf));
      return 0;
    } catch (error) {
      progress.stop();
      if (!(error instanceof ProjectionDbInUseError)) throw error;
      io.stderr(`register: ${error.message}\n`);
      return 1;
    } finally {
      await store.close();
    }
  },
};
