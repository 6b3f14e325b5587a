import { afterAll, describe, expect, it } from 'vitest';
import { eventStoreContract, newEvent, uniqueStream } from '../../../testing/store-contract.js';
import { openKurrentDbEventStore } from './kurrentdb.js';
import { collect, ConcurrencyError, StoreUnavailableError } from './port.js';
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
