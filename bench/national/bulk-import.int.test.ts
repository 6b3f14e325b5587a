import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { collect } from '../../services/register/store/port.js';
import { openSqliteEventStore, type SqliteEventStore } from '../../services/register/store/sqlite.js';
import { bulkImport, BulkImportStateSchema, type BulkImportState } from './bulk-import.js';

// The worker threads run the compiled worker (dist/): `npm run build` first, as for run.int.test.ts.
const dir = mkdtempSync(join(tmpdir(), 'bulk-import-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const RUN = { residents: 90, seed: 'bulk-test', batch: 15 } as const;
let files = 0;
const openStore = (): SqliteEventStore => openSqliteEventStore({ file: join(dir, `log-${(files += 1)}.db`) });

/** The log as a sequence: stream, event id and type of every event in position order. */
const logOf = async (store: SqliteEventStore): Promise<string[]> =>
  (await collect(store.readAll())).map((e) => `${e.position} ${e.streamId} ${e.revision} ${e.id} ${e.type}`);

class Interrupted extends Error {}

describe('bulk import (phase b): worker threads, batch order, resume', () => {
  it('an import interrupted after a committed batch whose state was lost, then resumed, yields the log of an uninterrupted one', async () => {
    const whole = openStore();
    const uninterrupted = await bulkImport(whole, { ...RUN, workers: 0 });
    expect(uninterrupted.figures).toMatchObject({ residents: 90, rejected: 0, workers: 0, batchesFoundInLog: 0 });

    // Saved after batches 1 and 2; batch 3 is committed, then the process "dies" before saving it.
    const store = openStore();
    let saved: string | undefined;
    let batches = 0;
    await expect(bulkImport(store, {
      ...RUN, workers: 2,
      onBatch: (state) => {
        batches += 1;
        if (batches === 3) throw new Interrupted('killed');
        saved = JSON.stringify(state);
      },
    })).rejects.toThrow(Interrupted);
    expect(saved).toBeDefined();
    const resume: BulkImportState = BulkImportStateSchema.parse(JSON.parse(saved ?? '{}'));
    expect(resume.residentsDone).toBe(30);

    const resumed = await bulkImport(store, { ...RUN, workers: 2, resume });
    expect(resumed.figures.batchesFoundInLog).toBe(1);
    expect(await logOf(store)).toEqual(await logOf(whole));
    const { seconds: _a, decideSeconds: _b, appendSeconds: _c, eventsPerSecond: _d, appendEventsPerSecond: _e, workers: _f, batchesFoundInLog: _g, ...counted } = resumed.figures;
    expect(uninterrupted.figures).toMatchObject(counted);
    expect(resumed.sample).toEqual(uninterrupted.sample);
    expect(resumed.figures.events).toBe(await store.headPosition());
    await Promise.all([whole.close(), store.close()]);
  }, 60_000);

  it('refuses to resume on a log that does not hold what the state says', async () => {
    const store = openStore();
    const { state } = await bulkImport(store, { ...RUN, residents: 30, workers: 0 });
    const empty = openStore();
    await expect(bulkImport(empty, { ...RUN, workers: 0, resume: state })).rejects.toThrow(/fewer than/);
    await expect(bulkImport(store, { ...RUN, seed: 'other', workers: 0, resume: state })).rejects.toThrow(/seed/);
    await Promise.all([store.close(), empty.close()]);
  });

  it('fails with the worker\'s message when a worker reports an error or crashes, instead of hanging', async () => {
    const reporting = join(dir, 'reporting-worker.mjs');
    writeFileSync(reporting, "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => parentPort.postMessage({ kind: 'failed', message: 'EventSchemaError: decide exploded' }));\n");
    const crashing = join(dir, 'crashing-worker.mjs');
    writeFileSync(crashing, "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => { throw new Error('boom in the worker'); });\n");
    const store = openStore();
    await expect(bulkImport(store, { ...RUN, workers: 2, workerScript: pathToFileURL(reporting) })).rejects.toThrow(/decide exploded/);
    await expect(bulkImport(store, { ...RUN, workers: 2, workerScript: pathToFileURL(crashing) })).rejects.toThrow(/boom in the worker/);
    expect(await store.headPosition()).toBe(0);
    await store.close();
  });
});
