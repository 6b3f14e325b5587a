import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import { openSqliteEventStore } from '../services/register/store/sqlite.js';
import type { EventStore } from '../services/register/store/port.js';
import { machineInfo, percentile, progressReporter, round } from './machine.js';
import { realisticEvent } from './realistic-events.js';

/**
 * `npm run bench:store`: durable appends to the embedded SQLite store, one event per append and
 * in batches, over many resident streams. Writes bench/results/store.json. Measured, not asserted.
 */
const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '1000000' },
    streams: { type: 'string', default: '100000' },
    batch: { type: 'string', default: '50' },
    out: { type: 'string', default: 'bench/results/store.json' },
  },
});
const total = Number(values.events);
const streamCount = Number(values.streams);
const batchSize = Number(values.batch);
if (![total, streamCount, batchSize].every((n) => Number.isInteger(n) && n > 0))
  throw new Error('--events, --streams and --batch must be positive integers');

const residents = Array.from({ length: streamCount }, () => randomUUID());
const revisions = new Int32Array(streamCount).fill(-1);

const phase = async (store: EventStore, label: string, perAppend: number, offset: number) => {
  const latencies = new Float64Array(Math.ceil(total / perAppend));
  const report = progressReporter(label, total);
  const started = performance.now();
  let appended = 0;
  for (let call = 0; appended < total; call += 1) {
    const s = (offset + call) % streamCount;
    const residentId = residents[s] ?? '';
    const count = Math.min(perAppend, total - appended);
    const events = Array.from({ length: count }, (_, k) => realisticEvent(offset + appended + k, residentId));
    const expected = revisions[s] === -1 ? 'no-stream' : (revisions[s] ?? 0);
    const t0 = performance.now();
    const result = await store.append(`resident-${residentId}`, events, expected);
    latencies[call] = performance.now() - t0;
    revisions[s] = result.nextExpectedRevision;
    appended += count;
    report(appended);
  }
  const seconds = (performance.now() - started) / 1000;
  latencies.sort();
  return {
    events: total,
    eventsPerAppend: perAppend,
    appends: latencies.length,
    seconds: round(seconds, 1),
    eventsPerSecond: Math.round(total / seconds),
    appendLatencyMs: { p50: round(percentile(latencies, 50)), p99: round(percentile(latencies, 99)), max: round(percentile(latencies, 100)) },
  };
};

const dir = mkdtempSync(join(tmpdir(), 'bench-store-'));
const file = join(dir, 'bench.db');
try {
  const store = openSqliteEventStore({ file });
  const single = await phase(store, 'single appends', 1, 0);
  const batched = await phase(store, `batches of ${batchSize}`, batchSize, total);
  await store.close();
  const bytes = statSync(file).size;
  const results = {
    benchmark: 'event store appends (embedded SQLite, WAL, synchronous=FULL)',
    measuredAt: new Date().toISOString(),
    machine: machineInfo(),
    parameters: { eventsPerPhase: total, streams: streamCount, batchSize, approxPayloadBytes: JSON.stringify(realisticEvent(0, residents[0] ?? '').data).length },
    single,
    batched,
    database: { bytes, bytesPerEvent: Math.round(bytes / (2 * total)) },
  };
  mkdirSync(join(values.out, '..'), { recursive: true });
  writeFileSync(values.out, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(results, null, 2)}\nwritten to ${values.out}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
