import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { eventStoreContract, newEvent, uniqueStream } from '../../../testing/store-contract.js';
import { waitUntil } from '../../../testing/wait.js';
import { collect, StoreUnavailableError, type RecordedEvent } from './port.js';
import { openSqliteEventStore } from './sqlite.js';

const dir = mkdtempSync(join(tmpdir(), 'register-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

eventStoreContract({
  name: 'SQLite (real file, WAL)',
  open: async () => openSqliteEventStore({ file: join(dir, 'contract.db'), pollIntervalMs: 20 }),
});

describe('SQLite adapter specifics', () => {
  it('keeps every resolved append after the file is closed and reopened', async () => {
    const file = join(dir, 'durable.db');
    const first = openSqliteEventStore({ file });
    const stream = uniqueStream();
    await first.append(stream, [newEvent(), newEvent()], 'no-stream');
    await first.close();
    const second = openSqliteEventStore({ file });
    expect(await collect(second.readStream(stream))).toHaveLength(2);
    await second.close();
  });

  it('runs in WAL mode with synchronous=FULL so that a resolved append is on disk', async () => {
    const file = join(dir, 'pragmas.db');
    const store = openSqliteEventStore({ file });
    await store.append(uniqueStream(), [newEvent()], 'no-stream');
    const raw = new BetterSqlite3(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
    await store.close();
  });

  it('lets a subscriber on one connection see appends made through another (a second process)', async () => {
    const file = join(dir, 'shared.db');
    const writer = openSqliteEventStore({ file });
    const reader = openSqliteEventStore({ file, pollIntervalMs: 10 });
    const seen: RecordedEvent[] = [];
    const subscription = reader.subscribeToAll({ onEvent: (e) => void seen.push(e) });
    await subscription.caughtUp;
    await writer.append(uniqueStream(), [newEvent(), newEvent()], 'no-stream');
    await waitUntil(() => seen.length === 2);
    await subscription.stop();
    await Promise.all([writer.close(), reader.close()]);
  });

  it('reports a location it cannot open as StoreUnavailableError naming the file', () => {
    const file = join(dir, 'missing-directory', 'register.db');
    expect(() => openSqliteEventStore({ file })).toThrow(StoreUnavailableError);
    expect(() => openSqliteEventStore({ file })).toThrow(file);
  });

  it('refuses a file whose schema is newer than this build', async () => {
    const file = join(dir, 'future.db');
    const raw = new BetterSqlite3(file);
    raw.pragma('user_version = 99');
    raw.close();
    expect(() => openSqliteEventStore({ file })).toThrow(/schema version 99 is newer/);
  });

  it('refuses appends after close instead of failing inside the driver', async () => {
    const store = openSqliteEventStore({ file: join(dir, 'closed.db') });
    await store.close();
    await expect(store.append(uniqueStream(), [newEvent()], 'any')).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});
