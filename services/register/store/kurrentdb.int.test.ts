import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventStoreContract, newEvent, uniqueStream } from '../../../testing/store-contract.js';
import { openKurrentDbEventStore } from './kurrentdb.js';
import { collect, ConcurrencyError, StoreUnavailableError, type RecordedEvent } from './port.js';
import { openSqliteEventStore } from './sqlite.js';
import { exportLines, importLogFile } from './transfer.js';
import { findKurrentTarget, kurrentTestsEnabled, startKurrentServer, type KurrentServer } from './testing/kurrentdb-env.js';

// The same contract as SQLite, against a real KurrentDB: KURRENTDB_URL, or a testcontainers
// container where Docker runs. Neither exists on the development machines of this project (README).
const target = await findKurrentTarget();
const enabled = kurrentTestsEnabled(target, 'the KurrentDB adapter contract');

let server: Promise<KurrentServer> | undefined;
const serverUrl = async (): Promise<string> => {
  server ??= startKurrentServer(target);
  return (await server).url;
};
afterAll(async () => {
  await (await server)?.stop();
}, 60_000);

describe.skipIf(!enabled)('KurrentDB adapter against a real server', () => {
  // Pulling and starting the image outlasts the contract's default hook timeout.
  beforeAll(async () => {
    await serverUrl();
  }, 300_000);

  eventStoreContract({
    name: `KurrentDB (${target.kind === 'url' ? 'KURRENTDB_URL' : 'testcontainers'})`,
    open: async () => openKurrentDbEventStore({ connectionString: await serverUrl(), pageSize: 50 }),
    detectsIdsAcrossStreams: false,
  });

  it('maps the server WrongExpectedVersion to ConcurrencyError with the actual revision', async () => {
    const store = openKurrentDbEventStore({ connectionString: await serverUrl() });
    const stream = uniqueStream('resident');
    await store.append(stream, [newEvent(), newEvent()], 'no-stream');
    await expect(store.append(stream, [newEvent()], 0)).rejects.toMatchObject({ actual: 1 });
    await expect(store.append(stream, [newEvent()], 0)).rejects.toBeInstanceOf(ConcurrencyError);
    expect(await collect(store.readStream(stream))).toHaveLength(2);
    await store.close();
  }, 60_000);

  it('takes a SQLite log through register export / import with order, ids, revisions, data and metadata', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'register-kurrent-transfer-'));
    const sqlite = openSqliteEventStore({ file: join(dir, 'register.db') });
    const prefix = `resident${Date.now()}`;
    for (let i = 0; i < 40; i += 1) {
      const stream = `${prefix}-${i % 7}`;
      await sqlite.append(stream, [newEvent(), newEvent()], 'any');
    }
    const file = join(dir, 'log.ndjson');
    await pipeline(Readable.from(exportLines(sqlite)), createWriteStream(file));
    const original = await collect(sqlite.readAll());
    await sqlite.close();
    const kurrent = openKurrentDbEventStore({ connectionString: await serverUrl() });
    expect(await importLogFile(kurrent, file)).toEqual({ events: 80, appended: 80, alreadyPresent: 0 });
    expect(await importLogFile(kurrent, file)).toEqual({ events: 80, appended: 0, alreadyPresent: 80 });
    const identity = (e: RecordedEvent) => [e.streamId, e.revision, e.id, e.type, e.data, e.metadata];
    const copied = await collect(kurrent.readAll({ filter: { streamPrefixes: [`${prefix}-`] } }));
    expect(copied.map(identity)).toEqual(original.map(identity));
    await kurrent.close();
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});

describe('KurrentDB adapter without a server', () => {
  it('answers an unreachable server with StoreUnavailableError, not a hang or a client error', async () => {
    const store = openKurrentDbEventStore({ connectionString: 'kurrentdb://127.0.0.1:1?tls=false' });
    await expect(store.headPosition()).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.append(uniqueStream(), [newEvent()], 'any')).rejects.toBeInstanceOf(StoreUnavailableError);
    await store.close();
  }, 30_000);

  it('refuses a malformed connection string at open, naming it without credentials', () => {
    expect(() => openKurrentDbEventStore({ connectionString: 'kurrentdb://admin:secret@host:notaport' })).toThrow(StoreUnavailableError);
    expect(() => openKurrentDbEventStore({ connectionString: 'kurrentdb://admin:secret@host:notaport' })).toThrow(/kurrentdb:\/\/host:notaport/);
  });
});
