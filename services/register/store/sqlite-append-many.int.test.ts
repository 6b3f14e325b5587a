import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { newEvent, uniqueStream } from '../../../testing/store-contract.js';
import { collect, ConcurrencyError } from './port.js';
import { openSqliteEventStore } from './sqlite.js';

const dir = mkdtempSync(join(tmpdir(), 'register-append-many-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SQLite appendMany (bulk import in one transaction)', () => {
  it('appends several streams at once, each at its expected revision, in log order', async () => {
    const store = openSqliteEventStore({ file: join(dir, 'many.db') });
    const [a, b] = [uniqueStream(), uniqueStream()];
    await store.append(b, [newEvent()], 'no-stream');
    const results = await store.appendMany([{ streamId: a, events: [newEvent(), newEvent()], expected: 'no-stream' }, { streamId: b, events: [newEvent()], expected: 0 }]);
    expect(results.map((r) => r.nextExpectedRevision)).toEqual([1, 1]);
    expect((await collect(store.readAll())).map((e) => `${e.streamId === a ? 'a' : 'b'}${e.revision}`)).toEqual(['b0', 'a0', 'a1', 'b1']);
    await store.close();
  });

  it('writes nothing when one stream is not at its expected revision (all or none)', async () => {
    const store = openSqliteEventStore({ file: join(dir, 'atomic.db') });
    const [a, b] = [uniqueStream(), uniqueStream()];
    await store.append(b, [newEvent()], 'no-stream');
    await expect(store.appendMany([{ streamId: a, events: [newEvent()], expected: 'no-stream' }, { streamId: b, events: [newEvent()], expected: 'no-stream' }]))
      .rejects.toBeInstanceOf(ConcurrencyError);
    expect(await collect(store.readStream(a))).toHaveLength(0);
    expect(await store.headPosition()).toBe(1);
    await store.close();
  });

  it('answers a repeated bulk append as a replay and writes nothing new (idempotent import)', async () => {
    const store = openSqliteEventStore({ file: join(dir, 'replay.db') });
    const appends = [{ streamId: uniqueStream(), events: [newEvent(), newEvent()], expected: 'no-stream' as const }];
    await store.appendMany(appends);
    const again = await store.appendMany(appends);
    expect(again[0]?.idempotentReplay).toBe(true);
    expect(await store.headPosition()).toBe(2);
    await store.close();
  });
});
