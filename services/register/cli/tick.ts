import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { IsoDate } from '../../../events/values.js';
import { allResidentIds } from '../../projections/clock/resident-ids.js';
import { tick, type TickResult } from '../../projections/clock/tick.js';
import { loadConfig } from '../config.js';
import { DataDirError } from '../data-dir.js';
import { openStore } from '../store/open.js';
import { bulkAppendOf } from '../store/sqlite.js';
import { UsageError, type CliCommand } from './command.js';
import { COMMON_ENV_FLAGS, COMMON_OPTIONS, COMMON_USAGE } from './common-flags.js';

/** `--as-of`: required, a real calendar date written YYYY-MM-DD (DT-1). */
const asOfOf = (value: string | boolean | undefined): IsoDate => {
  if (typeof value !== 'string') throw new UsageError('tick needs --as-of <YYYY-MM-DD>, the legal date (JST) to bring the log up to');
  const parsed = IsoDate.safeParse(value);
  if (!parsed.success) throw new UsageError(`--as-of '${value}' ${parsed.error.issues[0]?.message ?? 'is invalid'} (e.g. 2027-01-11)`);
  return parsed.data;
};

const summary = (result: TickResult): string => {
  const lines = Object.entries(result.appended).map(([type, n]) => `  ${type.padEnd(28)} ${n}`);
  return `tick as of ${result.asOf}: ${result.residentsExamined} residents examined, ${result.eventsAppended} events appended\n${lines.join('\n')}\n`;
};

/**
 * `register tick --as-of D`: the clock run by hand (architecture decision 7) — every resident in the log
 * brought up to D, then a summary. Logs go to stderr, the summary to stdout. Exit 1 if a resident failed.
 */
export const tickCommand: CliCommand = {
  name: 'tick',
  summary: 'turn every deadline passed by a date into events on the log (the clock)',
  usage: `  --as-of <YYYY-MM-DD>  the legal date (JST) to bring the log up to (required)
${COMMON_USAGE}`,
  options: { ...COMMON_OPTIONS, 'as-of': { type: 'string' } },
  envFlags: COMMON_ENV_FLAGS,
  run: async ({ values, env }, io) => {
    const asOf = asOfOf(values['as-of']);
    const config = loadConfig(env);
    const file = join(config.dataDir, 'register.db');
    if (config.store === 'sqlite' && !existsSync(file)) throw new DataDirError(`no event store at ${file}; choose the data directory with --data-dir`);
    const logger = pino({ level: config.logLevel, base: { service: 'register', command: 'tick' } }, pino.destination(2));
    const store = openStore(config);
    try {
      const result = await tick({ store, residentIds: allResidentIds(store), asOf, clock: () => new Date().toISOString(), logger, appendMany: bulkAppendOf(store) });
      io.stdout(summary(result));
      if (result.residentsFailed === 0) return 0;
      io.stderr(`register: ${result.residentsFailed} residents could not be ticked; see the log\n`);
      return 1;
    } finally {
      await store.close();
    }
  },
};
