import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { collect, type EventStore, type RecordedEvent } from '../../register/store/port.js';
import { openSqliteEventStore } from '../../register/store/sqlite.js';
import { createReadModels } from '../read-models/queries.js';
import { dumpReadModels } from '../testing/dump.js';
import { ANNA, appendHistories, realisticHistories } from '../testing/histories.js';
import { createEventApplier, DUE_FOR_REFRESH_SQL, ProjectionGapError } from './event-applier.js';
import { openProjectionDatabase } from './projection-db.js';

const TODAY = '2026-07-01';
const dir = mkdtempSync(join(tmpdir(), 'projection-applier-'));
let store: EventStore;
let log: RecordedEvent[];
const open: Database[] = [];

const freshDb = (name: string): Database => {
  const { db } = openProjectionDatabase(join(dir, `${name}.db`));
  open.push(db);
  return db;
};

beforeAll(async () => {
  store = openSqliteEventStore({ file: join(dir, 'register.db') });
  await appendHistories(store, realisticHistories());
  log = await collect(store.readAll());
});
afterEach(() => open.splice(0).forEach((db) => db.close()));
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const applyAll = (db: Database, events: readonly RecordedEvent[]) => {
  const applier = createEventApplier(db);
  return events.map((event) => applier.apply(event, TODAY));
};

describe('applying events to the read models (decision 6: exactly once across crashes)', () => {
  it('finds the residents due for a refresh through the next_change_on index, not a walk of the whole status table (run on every start)', () => {
    const db = freshDb('plan');
    applyAll(db, log);
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${DUE_FOR_REFRESH_SQL}`).all(TODAY) as { detail: string }[]).map((row) => row.detail);
    expect(plan).toEqual(['SEARCH resident_status USING INDEX resident_status_by_next_change (next_change_on<?)']);
    const due = createEventApplier(db).dueForRefresh('2099-12-31');
    expect(due.length).toBeGreaterThan(1);
    expect(due).toEqual([...due].sort());
  });

  it('feeding every event of a realistic history twice has one effect: the second pass skips all', () => {
    const once = freshDb('once');
    applyAll(once, log);
    const twice = freshDb('twice');
    applyAll(twice, log);
    const second = applyAll(twice, log);
    expect(second.every((outcome) => outcome === 'skipped')).toBe(true);
    expect(dumpReadModels(twice)).toEqual(dumpReadModels(once));
    expect(createReadModels(twice).statusOf(ANNA)?.revision).toBe(5);
  });

  it('an event re-delivered in the middle of the log (at-least-once) is skipped by its stream revision', () => {
    const clean = freshDb('clean');
    applyAll(clean, log);
    const replayed = freshDb('replayed');
    const applier = createEventApplier(replayed);
    log.forEach((event, i) => {
      applier.apply(event, TODAY);
      const earlier = log[Math.floor(i / 2)];
      if (earlier !== undefined) expect(applier.apply(earlier, TODAY)).toBe('skipped');
    });
    expect(dumpReadModels(replayed)).toEqual(dumpReadModels(clean));
  });

  it('a crash before the commit leaves neither the read-model change nor the checkpoint; re-applying gives one effect', () => {
    const clean = freshDb('clean-crash');
    applyAll(clean, log);
    const crashed = freshDb('crashed');
    const applier = createEventApplier(crashed);
    for (const event of log) {
      const before = dumpReadModels(crashed);
      const crash = crashed.transaction(() => {
        applier.apply(event, TODAY);
        throw new Error('power lost before the commit');
      });
      expect(() => crash()).toThrow('power lost');
      expect(dumpReadModels(crashed)).toEqual(before);
      expect(applier.apply(event, TODAY)).toBe('applied');
    }
    expect(dumpReadModels(crashed)).toEqual(dumpReadModels(clean));
    expect(applier.checkpoint()).toBe(log.at(-1)?.position);
  });

  it('an event after a missing revision stops the projection instead of skipping the gap', () => {
    const db = freshDb('gap');
    const applier = createEventApplier(db);
    const anna = log.filter((e) => e.streamId === `resident-${ANNA}`);
    const [first, , third] = anna;
    if (first === undefined || third === undefined) throw new Error('fixture: Anna has at least three events');
    applier.apply(first, TODAY);
    expect(() => applier.apply(third, TODAY)).toThrow(ProjectionGapError);
    expect(applier.checkpoint()).toBe(first.position);
  });

  it('an event that does not parse is not applied, and the checkpoint stays before it', () => {
    const db = freshDb('unparsable');
    const applier = createEventApplier(db);
    const [first] = log;
    if (first === undefined) throw new Error('fixture: the log is not empty');
    const broken = { ...first, data: { ...first.data, permittedOn: 'not a date' } };
    expect(() => applier.apply(broken, TODAY)).toThrow(/permittedOn/);
    expect(applier.checkpoint()).toBe(0);
    expect(createReadModels(db).statusOf(first.streamId.slice('resident-'.length))).toBeNull();
  });
});
