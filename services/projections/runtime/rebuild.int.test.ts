import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { waitUntil } from '../../../testing/wait.js';
import type { EventStore } from '../../register/store/port.js';
import { openSqliteEventStore } from '../../register/store/sqlite.js';
import { createReadModels } from '../read-models/queries.js';
import { dumpReadModels } from '../testing/dump.js';
import { ANNA, appendHistories, appendStep, interleaved, realisticHistories } from '../testing/histories.js';
import { openProjectionDatabase } from './projection-db.js';
import { startProjector } from './projector.js';
import { ProjectionDbInUseError, rebuildProjections, type RebuildProgress } from './rebuild.js';

const TODAY = '2026-07-01';
const root = mkdtempSync(join(tmpdir(), 'projection-rebuild-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const caseDir = (): { dir: string; store: EventStore } => {
  const dir = mkdtempSync(join(root, 'case-'));
  return { dir, store: openSqliteEventStore({ file: join(dir, 'register.db'), pollIntervalMs: 20 }) };
};

const dumpOf = (file: string): Record<string, unknown[]> => {
  const { db } = openProjectionDatabase(file);
  try {
    return dumpReadModels(db);
  } finally {
    db.close();
  }
};

describe('rebuild from position 0 (decision 6)', () => {
  it('gives the same rows as the live projector that applied the events one at a time', async () => {
    const { dir, store } = caseDir();
    const { db } = openProjectionDatabase(join(dir, 'live.db'));
    const projector = startProjector({ store, db, today: () => TODAY, logger: pino({ level: 'silent' }), pollMs: 20 });
    await projector.caughtUp;
    let head = 0;
    for (const { residentId, step } of interleaved(realisticHistories())) {
      head = await appendStep(store, residentId, step);
      await waitUntil(() => projector.checkpoint() === head);
    }
    await projector.stop();
    const live = dumpReadModels(db);
    db.close();
    const result = await rebuildProjections({ store, dbFile: join(dir, 'rebuilt.db'), today: TODAY, batchSize: 4 });
    expect(dumpOf(join(dir, 'rebuilt.db'))).toEqual(live);
    expect(result).toMatchObject({ events: head, checkpoint: head });
    await store.close();
  });

  it('replaces the old database whole, reports progress, and leaves no file behind', async () => {
    const { dir, store } = caseDir();
    const head = await appendHistories(store, realisticHistories());
    const dbFile = join(dir, 'projections.db');
    await rebuildProjections({ store, dbFile, today: '2026-02-01' });
    const progress: RebuildProgress[] = [];
    const result = await rebuildProjections({ store, dbFile, today: TODAY, batchSize: 10, onProgress: (p) => progress.push(p) });
    expect(progress.map((p) => p.events)).toEqual([10, 20, head]);
    expect(progress.at(-1)).toMatchObject({ position: head, head });
    expect(result.eventsPerSecond).toBeGreaterThan(0);
    const { db } = openProjectionDatabase(dbFile);
    expect(createReadModels(db).statusOf(ANNA)?.asOf).toBe(TODAY);
    db.close();
    expect(readdirSync(dir).sort()).toEqual(['projections.db', 'register.db', 'register.db-shm', 'register.db-wal']);
    await store.close();
  });

  it('refuses to replace a database another process has open, and leaves it as it was', async () => {
    const { dir, store } = caseDir();
    await appendHistories(store, realisticHistories());
    const dbFile = join(dir, 'projections.db');
    await rebuildProjections({ store, dbFile, today: '2026-02-01' });
    const { db: inUse } = openProjectionDatabase(dbFile);
    const before = dumpReadModels(inUse);
    await expect(rebuildProjections({ store, dbFile, today: TODAY })).rejects.toThrow(ProjectionDbInUseError);
    expect(dumpReadModels(inUse)).toEqual(before);
    inUse.close();
    expect(readdirSync(dir).filter((f) => f.includes('rebuild'))).toEqual([]);
    await store.close();
  });
});
