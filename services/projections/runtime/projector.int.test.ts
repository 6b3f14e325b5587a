import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { pino } from 'pino';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { waitUntil } from '../../../testing/wait.js';
import { collect, type EventStore } from '../../register/store/port.js';
import { openSqliteEventStore } from '../../register/store/sqlite.js';
import { createReadModels } from '../read-models/queries.js';
import { dumpReadModels } from '../testing/dump.js';
import { appendHistories, appendStep, interleaved, realisticHistories } from '../testing/histories.js';
import { createEventApplier } from './event-applier.js';
import type { ProjectionMetrics } from './metrics.js';
import { openProjectionDatabase } from './projection-db.js';
import { startProjector, type Projector } from './projector.js';

const TODAY = '2026-07-01';
const logger = pino({ level: 'silent' });
const root = mkdtempSync(join(tmpdir(), 'projector-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

const newStore = (): { store: EventStore; dir: string } => {
  const dir = mkdtempSync(join(root, 'case-'));
  const store = openSqliteEventStore({ file: join(dir, 'register.db'), pollIntervalMs: 20 });
  cleanup.push(() => store.close());
  return { store, dir };
};

const openDb = (file: string): Database => {
  const { db } = openProjectionDatabase(file);
  cleanup.push(() => void db.close());
  return db;
};

const start = (store: EventStore, db: Database, today: () => string = () => TODAY): Projector => {
  const projector = startProjector({ store, db, today, logger, pollMs: 20 });
  cleanup.push(() => projector.stop());
  return projector;
};

/** The rows a projection has after applying the whole log once, directly: the reference. */
const referenceDump = async (store: EventStore, file: string): Promise<Record<string, unknown[]>> => {
  const db = openDb(file);
  const applier = createEventApplier(db);
  for (const event of await collect(store.readAll())) applier.apply(event, TODAY);
  return dumpReadModels(db);
};

const metricValue = async (metrics: ProjectionMetrics, outcome?: string): Promise<number | undefined> => {
  const metric = outcome === undefined ? await metrics.lag.get() : await metrics.events.get();
  return metric.values.find((v) => outcome === undefined || v.labels.outcome === outcome)?.value;
};

describe('the projector (a catch-up subscription from the checkpoint, decision 6)', () => {
  it('catches up, then applies live events; the lag metric is 0 once caught up', async () => {
    const { store, dir } = newStore();
    const head = await appendHistories(store, realisticHistories());
    const projector = start(store, openDb(join(dir, 'projections.db')));
    expect(await projector.caughtUp).toBe(head);
    expect(await metricValue(projector.metrics)).toBe(0);
    expect(await metricValue(projector.metrics, 'applied')).toBe(head);
    const [first] = interleaved(realisticHistories());
    if (first === undefined) throw new Error('fixture: histories are not empty');
    const live = await appendStep(store, randomUUID(), first.step);
    await waitUntil(() => projector.checkpoint() === live);
    expect(projector.lag()).toBe(0);
    expect(await projector.metrics.registry.metrics()).toContain('register_projection_lag_positions 0');
  });

  it('reaches lag 0 past events of other streams at the head of the log', async () => {
    const { store, dir } = newStore();
    await appendHistories(store, realisticHistories());
    const [first] = interleaved(realisticHistories());
    if (first === undefined) throw new Error('fixture: histories are not empty');
    const { position: head } = await store.append('clock-2026', [{ id: randomUUID(), type: 'ClockTicked', data: {}, metadata: {} }], 'any');
    const projector = start(store, openDb(join(dir, 'projections.db')));
    await projector.caughtUp;
    await waitUntil(() => projector.lag() === 0);
    expect(projector.checkpoint()).toBe(head);
  });

  it('resumes from the checkpoint after being stopped mid-way: no gap, no duplicate', async () => {
    const { store, dir } = newStore();
    const head = await appendHistories(store, realisticHistories());
    const file = join(dir, 'projections.db');
    const first = openDb(file);
    let seen = 0;
    let stopping: Promise<void> | null = null;
    const projector = startProjector({
      store, db: first, logger, pollMs: 20, batchSize: 1, // one event per transaction: `today` is read once per event
      today: () => {
        seen += 1;
        if (seen === 9) stopping = projector.stop(); // the 9th event still commits; nothing after it
        return TODAY;
      },
    });
    await waitUntil(() => stopping !== null);
    await stopping;
    const stoppedAt = projector.checkpoint();
    expect(stoppedAt).toBeLessThan(head);
    expect(await projector.measureLag()).toBe(head - stoppedAt);
    expect(await metricValue(projector.metrics)).toBe(head - stoppedAt);
    first.close();
    cleanup.pop();

    const resumed = start(store, openDb(file));
    await resumed.caughtUp;
    expect(await metricValue(resumed.metrics, 'applied')).toBe(head - stoppedAt);
    expect(await metricValue(resumed.metrics, 'skipped')).toBeUndefined();
    const rows = dumpReadModels(openDb(file));
    expect(rows).toEqual(await referenceDump(store, join(dir, 'reference.db')));
  });

  it('stops, with done rejected, at an event it cannot apply, and keeps the checkpoint before it', async () => {
    const { store, dir } = newStore();
    const head = await appendHistories(store, realisticHistories());
    await store.append(`resident-${randomUUID()}`, [{ id: randomUUID(), type: 'NoSuchEvent', data: {}, metadata: {} }], 'no-stream');
    const projector = start(store, openDb(join(dir, 'projections.db')));
    await expect(projector.done).rejects.toThrow(/NoSuchEvent/);
    expect(projector.checkpoint()).toBe(head);
  });

  it('skips events delivered again after the checkpoint was lost (at-least-once): one effect', async () => {
    const { store, dir } = newStore();
    await appendHistories(store, realisticHistories());
    const file = join(dir, 'projections.db');
    const db = openDb(file);
    const first = start(store, db);
    await first.caughtUp;
    await first.stop();
    db.prepare('UPDATE projection_checkpoint SET position = 3').run();
    const again = start(store, db);
    await again.caughtUp;
    expect(await metricValue(again.metrics, 'applied')).toBeUndefined();
    expect(dumpReadModels(db)).toEqual(await referenceDump(store, join(dir, 'reference.db')));
    expect(createReadModels(db).checkpoint()).toBe(again.checkpoint());
  });
});
