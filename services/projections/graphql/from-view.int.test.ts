import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendHistory } from '../../../testing/clock.js';
import { landingPermitted, residenceAddressNotified, residenceCardIssued, RESIDENT_ID } from '../../../testing/events.js';
import { waitUntil } from '../../../testing/wait.js';
import type { EventStore, ReadStreamOptions } from '../../register/store/port.js';
import { openSqliteEventStore } from '../../register/store/sqlite.js';
import { createReadModels } from '../read-models/queries.js';
import type { ReadModels } from '../read-models/types.js';
import { openProjectionDatabase } from '../runtime/projection-db.js';
import { startProjector, type Projector } from '../runtime/projector.js';
import { statusFromLog, statusFromViewOrLog } from './from-log.js';

const TODAY = '2026-08-01';

let dir: string;
let store: EventStore;
let reads: ReadStreamOptions[];
let readModels: ReadModels;
let projector: Projector;
let closeDb: () => void;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'from-view-'));
  const sqlite = openSqliteEventStore({ file: join(dir, 'register.db') });
  reads = [];
  // Records how the resolver reads streams: the view's answer costs one backwards read of one event.
  store = { ...sqlite, close: () => sqlite.close(), readStream: (id, options = {}) => { reads.push(options); return sqlite.readStream(id, options); } };
  const { db } = openProjectionDatabase(join(dir, 'projections.db'));
  closeDb = () => db.close();
  projector = startProjector({ store: sqlite, db, today: () => TODAY, logger: pino({ level: 'silent' }) });
  readModels = createReadModels(db);
  await appendHistory(sqlite, RESIDENT_ID, [landingPermitted(), residenceCardIssued(), residenceAddressNotified()]);
  const head = await sqlite.headPosition();
  await waitUntil(() => readModels.checkpoint() >= head, 10_000);
});
afterEach(async () => {
  await projector.stop();
  closeDb();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('today\'s status from the continuous-status view (REG-2: the same statusAt, computed once)', () => {
  it('answers from the view when it holds the stream\'s last event, equal to the log\'s answer', async () => {
    const fromView = await statusFromViewOrLog({ store, readModels }, RESIDENT_ID, TODAY);
    expect(reads).toEqual([{ direction: 'backwards', maxCount: 1 }]);
    expect(fromView).toEqual(await statusFromLog(store, RESIDENT_ID, TODAY));
  });

  it('computes from the log for another date or a knowledge time', async () => {
    expect(await statusFromViewOrLog({ store, readModels }, RESIDENT_ID, '2026-02-01')).toEqual(await statusFromLog(store, RESIDENT_ID, '2026-02-01'));
    const knownAt = '2026-01-12T00:00:00Z';
    expect(await statusFromViewOrLog({ store, readModels }, RESIDENT_ID, TODAY, knownAt)).toEqual(await statusFromLog(store, RESIDENT_ID, TODAY, knownAt));
    expect(reads.every((options) => options.maxCount === undefined)).toBe(true);
  });

  it('never answers from a row behind the log: an event the projector has not applied is seen', async () => {
    await projector.stop();
    const before = await statusFromViewOrLog({ store, readModels }, RESIDENT_ID, TODAY);
    await appendHistory(store, RESIDENT_ID, [landingPermitted(), residenceCardIssued(), residenceAddressNotified(), residenceAddressNotified({
      basis: '19-9', address: { municipalityCode: '131041', line: '1-1 Nishi-Shinjuku, Shinjuku-ku' }, relayId: 'relay-131041-0009', movedInOn: '2026-07-01', notifiedOn: '2026-07-05',
    })]);
    const after = await statusFromViewOrLog({ store, readModels }, RESIDENT_ID, TODAY);
    expect(after).toEqual(await statusFromLog(store, RESIDENT_ID, TODAY));
    expect(after?.address).not.toEqual(before?.address);
    expect(after?.address).toMatchObject({ address: { municipalityCode: '131041' } });
  });
});
