import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteEventStore } from '../../register/store/sqlite.js';
import { READ_MODEL_SCHEMAS } from '../read-models/schema.js';
import { dumpReadModels } from '../testing/dump.js';
import { appendHistories, realisticHistories } from '../testing/histories.js';
import { ensureReadModelSchema, openProjectionDatabase } from './projection-db.js';
import { startProjector } from './projector.js';

const dir = mkdtempSync(join(tmpdir(), 'projection-db-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const logger = pino({ level: 'silent' });
const bumped = READ_MODEL_SCHEMAS.map((s) => (s.name === 'deadlines' ? { ...s, version: s.version + 1 } : s));

describe('read-model schema versions', () => {
  it('a new file is created at the current versions; reopening it changes nothing', () => {
    const file = join(dir, 'fresh.db');
    const first = openProjectionDatabase(file);
    expect(first.schema).toEqual({ changed: READ_MODEL_SCHEMAS.map((s) => s.name), reset: true });
    first.db.close();
    const again = openProjectionDatabase(file);
    expect(again.schema).toEqual({ changed: [], reset: false });
    expect(again.db.pragma('journal_mode', { simple: true })).toBe('wal');
    again.db.close();
  });

  it('a bulk (rebuild) file has a 64 MiB page cache unless a size is given', () => {
    const plain = openProjectionDatabase(join(dir, 'bulk-default.db'), 'bulk');
    expect(plain.db.pragma('cache_size', { simple: true })).toBe(-64 * 1024);
    plain.db.close();
    const large = openProjectionDatabase(join(dir, 'bulk-large.db'), 'bulk', { cacheSizeMiB: 2048 });
    expect(large.db.pragma('cache_size', { simple: true })).toBe(-2048 * 1024);
    large.db.close();
  });

  it('a changed version drops the read models, resets the checkpoint to 0, and the projector rebuilds the same rows', async () => {
    const store = openSqliteEventStore({ file: join(dir, 'register.db') });
    const head = await appendHistories(store, realisticHistories());
    const { db } = openProjectionDatabase(join(dir, 'projections.db'));
    const projector = startProjector({ store, db, today: () => '2026-07-01', logger });
    await projector.caughtUp;
    await projector.stop();
    const before = dumpReadModels(db);

    expect(ensureReadModelSchema(db, bumped)).toEqual({ changed: ['deadlines'], reset: true });
    expect(db.prepare('SELECT COUNT(*) FROM resident_status').pluck().get()).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM projection_checkpoint').pluck().get()).toBe(0);
    expect(ensureReadModelSchema(db, bumped)).toEqual({ changed: [], reset: false });

    ensureReadModelSchema(db); // back to the current versions: another reset, and the projector replays from 0
    const replay = startProjector({ store, db, today: () => '2026-07-01', logger });
    expect(await replay.caughtUp).toBe(head);
    await replay.stop();
    expect(dumpReadModels(db)).toEqual(before);
    db.close();
    await store.close();
  });
});
