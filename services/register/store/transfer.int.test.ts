import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { newEvent } from '../../../testing/store-contract.js';
import { kurrentDbEventStore } from './kurrentdb-adapter.js';
import { collect, type EventStore, type RecordedEvent } from './port.js';
import { openSqliteEventStore } from './sqlite.js';
import { fakeKurrent } from './testing/kurrent-fake.js';
import { exportLines, importLogFile } from './transfer.js';

// SQLite → KurrentDB → SQLite through the export format, with the KurrentDB adapter over the model
// server (sparse positions, system events). Against a real server: kurrentdb.int.test.ts.
const dir = mkdtempSync(join(tmpdir(), 'register-transfer-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const exportTo = async (store: EventStore, name: string): Promise<string> => {
  const file = join(dir, name);
  await pipeline(Readable.from(exportLines(store)), createWriteStream(file));
  return file;
};
const identity = (e: RecordedEvent) => [e.streamId, e.revision, e.id, e.type, e.data, e.metadata];

describe('moving a log between stores', () => {
  it('round-trips SQLite → KurrentDB (model) → SQLite with order, ids, revisions, data and metadata', async () => {
    const source = openSqliteEventStore({ file: join(dir, 'source.db') });
    for (let i = 0; i < 60; i += 1) await source.append(`resident-${i % 9}`, [newEvent(), ...(i % 4 === 0 ? [newEvent()] : [])], 'any');
    const original = await collect(source.readAll());
    const kurrent = kurrentDbEventStore(fakeKurrent(), { description: 'model', pageSize: 16 });
    expect(await importLogFile(kurrent, await exportTo(source, 'a.ndjson'))).toMatchObject({ appended: original.length });
    const viaKurrent = await collect(kurrent.readAll());
    expect(viaKurrent.map(identity)).toEqual(original.map(identity));
    expect(viaKurrent.some((e, i) => e.position !== original[i]?.position)).toBe(true);

    const back = openSqliteEventStore({ file: join(dir, 'back.db') });
    expect(await importLogFile(back, await exportTo(kurrent, 'b.ndjson'))).toMatchObject({ appended: original.length, alreadyPresent: 0 });
    const final = await collect(back.readAll());
    expect(final.map(identity)).toEqual(original.map(identity));
    expect(final.map((e) => e.position)).toEqual(original.map((e) => e.position));
    await Promise.all([source.close(), kurrent.close(), back.close()]);
  });

  it('exports a snapshot: events appended while the export runs are left for the next one', async () => {
    const store = openSqliteEventStore({ file: join(dir, 'moving.db') });
    await store.append('resident-a', [newEvent(), newEvent()], 'no-stream');
    const lines: string[] = [];
    for await (const line of exportLines(store)) {
      lines.push(line);
      if (lines.length === 2) await store.append('resident-b', [newEvent()], 'no-stream');
    }
    expect(lines).toHaveLength(4);
    expect(JSON.parse(lines.at(-1) ?? '')).toEqual({ end: true, events: 2 });
    await store.close();
  });
});
