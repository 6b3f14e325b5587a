import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteEventStore } from '../../register/store/sqlite.js';
import { checkpointStore } from '../read-models/checkpoint.js';
import { READ_MODEL_SCHEMAS, type ReadModelSchema } from '../read-models/schema.js';
import { dumpReadModels } from '../testing/dump.js';
import { appendHistories, realisticHistories } from '../testing/histories.js';
import { ensureReadModelSchema, openProjectionDatabase } from './projection-db.js';
import { startProjector } from './projector.js';

const dir = mkdtempSync(join(tmpdir(), 'projection-upgrade-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const logger = pino({ level: 'silent' });
const TODAY = '2026-07-01';

/** resident-facts v1 as it was released: one row per event with the whole metadata. */
const FACTS_V1: ReadModelSchema = {
  name: 'resident-facts',
  version: 1,
  tables: ['resident_facts'],
  ddl: [
    `CREATE TABLE resident_facts (
       resident_id TEXT NOT NULL, revision INTEGER NOT NULL, position INTEGER NOT NULL,
       type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL,
       PRIMARY KEY (resident_id, revision)) STRICT`,
  ],
};
const V1 = READ_MODEL_SCHEMAS.map((s) => (s.name === 'resident-facts' ? FACTS_V1 : s));

describe('a projection database of an older read-model version', () => {
  it('is dropped, compacted and rebuilt from the log when the register opens it', async () => {
    const store = openSqliteEventStore({ file: join(dir, 'register.db') });
    const head = await appendHistories(store, realisticHistories());

    const file = join(dir, 'projections.db');
    const old = openProjectionDatabase(file).db;
    ensureReadModelSchema(old, V1);
    const insert = old.prepare('INSERT INTO resident_facts VALUES (?, ?, ?, ?, ?, ?)');
    old.transaction(() => {
      for (let i = 0; i < 3000; i += 1) insert.run(`r-${i}`, 0, i + 1, 'LandingPermitted', 'x'.repeat(400), '{}');
    })();
    checkpointStore(old).advance(head); // a caught-up v1 projection: nothing would be replayed without the version check
    old.pragma('wal_checkpoint(TRUNCATE)');
    old.close();
    const oldSize = statSync(file).size;

    const { db, schema } = openProjectionDatabase(file);
    expect(schema.reset).toBe(true);
    expect(schema.changed).toContain('resident-facts');
    expect(db.pragma('freelist_count', { simple: true })).toBe(0);
    expect(statSync(file).size).toBeLessThan(oldSize / 4);
    const projector = startProjector({ store, db, today: () => TODAY, logger });
    expect(await projector.caughtUp).toBe(head);
    await projector.stop();

    const fresh = openProjectionDatabase(join(dir, 'fresh.db')).db;
    const replay = startProjector({ store, db: fresh, today: () => TODAY, logger });
    await replay.caughtUp;
    await replay.stop();
    expect(dumpReadModels(db)).toEqual(dumpReadModels(fresh));
    expect(db.prepare('SELECT COUNT(*) FROM resident_facts').pluck().get()).toBe(realisticHistories().size);
    fresh.close();
    db.close();
    await store.close();
  });
});
