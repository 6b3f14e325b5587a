import { join } from 'node:path';
import { ConfigError, type RegisterConfig } from '../config.js';
import { openKurrentDbEventStore } from './kurrentdb.js';
import type { EventStore } from './port.js';
import { openSqliteEventStore } from './sqlite.js';

/** The event log of the embedded default, inside the data directory. */
export const SQLITE_STORE_FILE = 'register.db';

export type StoreSelection = Pick<RegisterConfig, 'store' | 'kurrentdbUrl' | 'dataDir'>;

/** Where the configured store lives, for logs and messages (never with credentials). */
export const describeStore = (config: StoreSelection): string =>
  config.store === 'sqlite' ? join(config.dataDir, SQLITE_STORE_FILE) : (config.kurrentdbUrl ?? '').replace(/\/\/[^@/]*@/, '//');

/**
 * The store REGISTER_STORE selects: the SQLite file `register.db` in the data directory, which
 * several processes on one machine may share (WAL), or KurrentDB at KURRENTDB_URL.
 */
export const openStore = (config: StoreSelection): EventStore => {
  if (config.store === 'sqlite') return openSqliteEventStore({ file: join(config.dataDir, SQLITE_STORE_FILE) });
  if (config.kurrentdbUrl === undefined) throw new ConfigError('invalid configuration:\n  KURRENTDB_URL: must be set when REGISTER_STORE=kurrentdb');
  return openKurrentDbEventStore({ connectionString: config.kurrentdbUrl });
};
