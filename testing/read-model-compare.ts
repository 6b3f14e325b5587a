import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { legalDateOf } from '../services/register/domain/rules/calendar.js';
import { openProjectionDatabase, projectionDbPath } from '../services/projections/runtime/projection-db.js';
import { rebuildProjections } from '../services/projections/runtime/rebuild.js';
import { dumpReadModels } from '../services/projections/testing/dump.js';
import { openSqliteEventStore } from '../services/register/store/sqlite.js';

/** Every read-model row of a (stopped) data directory, as the incremental projector left it. */
export const liveReadModels = (dataDir: string): Record<string, unknown[]> => {
  const { db } = openProjectionDatabase(projectionDbPath(dataDir));
  try {
    return dumpReadModels(db);
  } finally {
    db.close();
  }
};

/** The read models rebuilt from position 0 of the data directory's log, into a scratch file, as of today (JST). */
export const rebuiltReadModels = async (dataDir: string): Promise<Record<string, unknown[]>> => {
  const scratch = mkdtempSync(join(tmpdir(), 'register-rebuild-'));
  const store = openSqliteEventStore({ file: join(dataDir, 'register.db') });
  try {
    await rebuildProjections({ store, dbFile: join(scratch, 'projections.db'), today: legalDateOf(new Date().toISOString()) });
    const { db } = openProjectionDatabase(join(scratch, 'projections.db'));
    try {
      return dumpReadModels(db);
    } finally {
      db.close();
    }
  } finally {
    await store.close();
    rmSync(scratch, { recursive: true, force: true });
  }
};
