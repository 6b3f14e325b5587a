import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { landingPermitted, residenceCardIssued } from '../../../testing/events.js';
import { appendFacts } from '../../../testing/integration-events.js';
import { loadConfig } from '../../register/config.js';
import { startRegister, type RunningRegister } from '../../register/main.js';
import { openSqliteEventStore } from '../../register/store/sqlite.js';
import { openRelayCheckpointStore, relayDbPath } from './checkpoint-store.js';
import { collect } from './testing/consume.js';
import { brokersOrFail, describeKafka } from './testing/kafka-env.js';
import { DEFAULT_TOPICS } from './topics.js';

describeKafka('register start with KAFKA_BROKERS publishes the integration events (the real mapping)', () => {
  let brokers: readonly string[] = [];
  let dir = '';
  let register: RunningRegister | undefined;
  beforeAll(async () => {
    brokers = await brokersOrFail();
    dir = mkdtempSync(join(tmpdir(), 'register-kafka-'));
  });
  afterAll(async () => {
    await register?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('publishes a landing and a card issue as became-mid-to-long-term-resident and residence-card-issued, keyed by the resident id', async () => {
    const config = loadConfig({
      KAFKA_BROKERS: brokers.join(','), REGISTER_DATA_DIR: dir, REGISTER_PORT: '0', REGISTER_BRIDGE_PORT: '0', REGISTER_KAFKA_PARTITIONS: '3',
    });
    expect(config.bus).toBe('kafka');
    register = await startRegister(config, pino({ level: 'silent' }));

    const residentId = crypto.randomUUID();
    const store = openSqliteEventStore({ file: join(dir, 'register.db') });
    await appendFacts(store, [landingPermitted({ residentId }), residenceCardIssued({ residentId })]);
    const head = await store.headPosition();
    await store.close();

    const kafka = new Kafka({ clientId: 'register-kafka-test', brokers: [...brokers], logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    const deadline = Date.now() + 30_000;
    await admin.connect();
    while (!(await admin.listTopics()).includes(DEFAULT_TOPICS.status) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await admin.disconnect();
    const c = await collect(kafka, [DEFAULT_TOPICS.status]);
    try {
      await c.until((r) => r.filter((m) => m.key === residentId).length >= 2);
      const mine = c.received.filter((m) => m.key === residentId);
      expect(mine.map((m) => m.headers.ce_type)).toEqual([
        'jp.go.isa.register.became-mid-to-long-term-resident.v1',
        'jp.go.isa.register.residence-card-issued.v1',
      ]);
      expect(mine.every((m) => m.headers.ce_subject === residentId && m.headers['content-type'] === 'application/json')).toBe(true);
      expect(mine[0]?.value).toMatchObject({ residentId, via: 'landing' });
    } finally {
      await c.stop();
    }

    const metrics = await (await fetch(`${register.url}/metrics/relay`)).text();
    expect(metrics).toMatch(/register_relay_messages_published_total\{topic="register\.resident-status\.v1"\} [1-9]/);
    await register.stop();
    register = undefined;
    const checkpoint = openRelayCheckpointStore(relayDbPath(dir), DEFAULT_TOPICS.status);
    expect(checkpoint.load()).toBe(head);
    checkpoint.close();
  }, 90_000);
});
