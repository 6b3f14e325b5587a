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
import { ANNA, appendHistories, appendStep, interleaved, realisticHistories, toNewEvent } from '../testing/histories.js';
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
  it.each([0, 2])('gives the same rows as the live projector that applied the events one at a time (%i workers)', async (workers) => {
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
    const result = await rebuildProjections({ store, dbFile: join(dir, 'rebuilt.db'), today: TODAY, batchSize: 4, workers });
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
    const result = await rebuildProjections({ store, dbFile, today: TODAY, batchSize: 10, workers: 0, onProgress: (p) => progress.push(p) });
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

describe('rebuild in worker threads', () => {
  const rebuiltDump = async (store: EventStore, dir: string, name: string, options: { workers: number; batchSize: number }): Promise<Record<string, unknown[]>> => {
    await rebuildProjections({ store, dbFile: join(dir, name), today: TODAY, ...options });
    return dumpOf(join(dir, name));
  };

  it('gives the rows of the single-threaded rebuild, stream copies included, for a live log and a bulk-imported one', async () => {
    const { dir, store } = caseDir();
    await appendHistories(store, realisticHistories()); // interleaved: a resident's events spread over many batches
    const single = await rebuiltDump(store, dir, 'single.db', { workers: 0, batchSize: 3 });
    expect(single['resident_facts']).toHaveLength(realisticHistories().size);
    for (const batchSize of [1, 3, 7, 5000]) expect(await rebuiltDump(store, dir, `parallel-${batchSize}.db`, { workers: 2, batchSize })).toEqual(single);

    const bulk = caseDir(); // contiguous: each resident's stream whole, as the bulk import writes it
    for (const [residentId, steps] of realisticHistories()) for (const step of steps) await appendStep(bulk.store, residentId, step);
    const bulkSingle = await rebuiltDump(bulk.store, bulk.dir, 'single.db', { workers: 0, batchSize: 4 });
    expect(await rebuiltDump(bulk.store, bulk.dir, 'parallel.db', { workers: 1, batchSize: 4 })).toEqual(bulkSingle);
    expect(bulkSingle['resident_status']).toEqual(single['resident_status']);
    await Promise.all([store.close(), bulk.store.close()]);
  });

  it('reports progress up to the head, and ends at the checkpoint the single-threaded rebuild reaches', async () => {
    const { dir, store } = caseDir();
    const head = await appendHistories(store, realisticHistories());
    const progress: RebuildProgress[] = [];
    const result = await rebuildProjections({ store, dbFile: join(dir, 'projections.db'), today: TODAY, batchSize: 5, workers: 2, onProgress: (p) => progress.push(p) });
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.map((p) => p.position)).toEqual([...progress.map((p) => p.position)].sort((a, b) => a - b));
    expect(progress.at(-1)).toMatchObject({ events: head, position: head, head });
    expect(result).toMatchObject({ events: head, checkpoint: head });
    await store.close();
  });

  it('fails on an event that does not parse, naming it, and leaves the old database and no temporary file', async () => {
    const { dir, store } = caseDir();
    await appendHistories(store, realisticHistories());
    const dbFile = join(dir, 'projections.db');
    await rebuildProjections({ store, dbFile, today: TODAY, workers: 0 });
    const before = dumpOf(dbFile);
    const first = realisticHistories().get(ANNA)?.[0];
    if (first === undefined) throw new Error('the histories have no event for ANNA');
    const event = toNewEvent(first);
    const bad = { ...event, data: { ...event.data, residentId: 42 } };
    const { position } = await store.append(`resident-${ANNA}`, [bad], 'any');
    const failure = rebuildProjections({ store, dbFile, today: TODAY, workers: 2, batchSize: 3 });
    await expect(failure).rejects.toMatchObject({ name: 'EventSchemaError' });
    await expect(failure).rejects.toThrow(`event ${bad.id} (resident-${ANNA} revision 6, position ${position})`);
    expect(dumpOf(dbFile)).toEqual(before);
    expect(readdirSync(dir).filter((f) => f.includes('rebuild'))).toEqual([]);
    await store.close();
  });
});
