import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { Registry } from 'prom-client';
import type { IntegrationMapper } from '../events/integration/message.js';
import { openRelayCheckpointStore, relayDbPath } from '../services/projections/relay/checkpoint-store.js';
import { createKafkaClient } from '../services/projections/relay/kafka-client.js';
import { createRelayMetrics } from '../services/projections/relay/metrics.js';
import { startRelay } from '../services/projections/relay/relay.js';
import { topicNames } from '../services/projections/relay/topics.js';
import { openSqliteEventStore } from '../services/register/store/sqlite.js';
import { machineInfo, progressReporter, round } from './machine.js';
import { realisticEvent } from './realistic-events.js';

/**
 * `npm run bench:relay -- --brokers 127.0.0.1:9092`: the outbox relay publishing a generated SQLite log
 * to a real broker with the idempotent producer and acks=all, from checkpoint 0 to the head. Each
 * event becomes one message of the event's size (a pass-through mapping: this measures the relay and
 * the broker, not the integration mapping). Writes bench/results/relay.json. Measured, not asserted.
 */
const { values } = parseArgs({
  options: {
    brokers: { type: 'string', default: '127.0.0.1:9092' },
    events: { type: 'string', default: '100000' },
    residents: { type: 'string', default: '10000' },
    partitions: { type: 'string', default: '12' },
    batch: { type: 'string', default: '500' },
    out: { type: 'string', default: 'bench/results/relay.json' },
  },
});
const [total, residentCount, partitions, batchSize] = [values.events, values.residents, values.partitions, values.batch].map(Number);
if (![total, residentCount, partitions, batchSize].every((n) => Number.isInteger(n) && n !== undefined && n > 0))
  throw new Error('--events, --residents, --partitions and --batch must be positive integers');
const count = total ?? 0;

const passThrough: IntegrationMapper = async (event) => {
  const residentId = event.streamId.slice('resident-'.length);
  return [{
    position: event.position,
    topic: 'status',
    key: residentId,
    attributes: {
      specversion: '1.0', id: event.id, source: '/resident-register/bench', type: `bench.${event.type}`, subject: residentId,
      time: '2026-04-20T00:00:00+09:00', recordedtime: '2026-04-20T01:02:03Z', sequence: String(event.revision),
      datacontenttype: 'application/json', dataschema: 'urn:bench',
    },
    data: event.data,
  }];
};

const dir = mkdtempSync(join(tmpdir(), 'bench-relay-'));
try {
  const store = openSqliteEventStore({ file: join(dir, 'register.db') });
  const residents = Array.from({ length: residentCount ?? 1 }, () => randomUUID());
  const generated = progressReporter('generating the log', count);
  for (let i = 0; i < count; i += 50) {
    const residentId = residents[(i / 50) % residents.length] ?? '';
    const events = Array.from({ length: Math.min(50, count - i) }, (_, k) => realisticEvent(i + k, residentId));
    await store.append(`resident-${residentId}`, events, 'any');
    generated(Math.min(count, i + 50));
  }
  const head = await store.headPosition();

  const logger = pino({ level: 'warn' });
  const topics = topicNames(`bench-${randomUUID().slice(0, 8)}.`);
  const checkpoint = openRelayCheckpointStore(relayDbPath(dir), topics.status);
  const kafka = createKafkaClient({ brokers: (values.brokers ?? '').split(','), clientId: 'bench-relay', logger });
  const relay = startRelay({
    store, mapper: passThrough, kafka, checkpoint, logger, metrics: createRelayMetrics(new Registry()), batchSize,
    topics: { names: topics, partitions: partitions ?? 1, replicationFactor: 1, personalDataTopic: false },
  });
  await relay.ready;
  const started = performance.now();
  const published = progressReporter('publishing (acks=all)', head);
  while (relay.checkpoint() < head) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    published(relay.checkpoint());
  }
  const seconds = (performance.now() - started) / 1000;
  await relay.stop();
  checkpoint.close();
  await store.close();
  const admin = kafka.admin();
  await admin.connect();
  await admin.deleteTopics({ topics: [topics.status] });
  await admin.disconnect();

  const results = {
    benchmark: 'Kafka outbox relay: SQLite log → kafkajs idempotent producer, acks=all, checkpoint after each acknowledged batch',
    measuredAt: new Date().toISOString(),
    machine: machineInfo(),
    broker: 'single-node Apache Kafka 3.9.1 (KRaft) from tools/kafka-test-broker.sh, same machine',
    parameters: { events: head, residents: residentCount, partitions, batchSize, approxValueBytes: JSON.stringify(realisticEvent(0, residents[0] ?? '').data).length },
    seconds: round(seconds, 1),
    messagesPerSecond: Math.round(head / seconds),
  };
  mkdirSync(join(values.out ?? '', '..'), { recursive: true });
  writeFileSync(values.out ?? 'bench/results/relay.json', `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(results, null, 2)}\nwritten to ${values.out}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
