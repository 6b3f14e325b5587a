import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import pino from 'pino';
import { Registry } from 'prom-client';
import type { IntegrationMapper } from '../../../../events/integration/message.js';
import { openSqliteEventStore } from '../../../register/store/sqlite.js';
import type { EventStore } from '../../../register/store/port.js';
import { openRelayCheckpointStore, relayDbPath, type RelayCheckpointStore } from '../checkpoint-store.js';
import { createRelayMetrics, type RelayMetrics } from '../metrics.js';
import { startRelay, type Relay, type RelayDeps } from '../relay.js';
import { topicNames, type TopicSettings } from '../topics.js';

export const testLogger = pino({ level: process.env.RELAY_TEST_LOG ?? 'silent' });

export interface RelayFixture {
  readonly dir: string;
  readonly store: EventStore;
  readonly kafka: Kafka;
  readonly topics: TopicSettings;
  readonly metrics: RelayMetrics;
  checkpointStore(): RelayCheckpointStore;
  relay(mapper: IntegrationMapper, overrides?: Partial<RelayDeps>): Relay;
  close(): Promise<void>;
}

/** A fresh log in a temp dir and topics of the test's own (a unique prefix) on `brokers`. */
export const relayFixture = (brokers: readonly string[], options: { personal?: boolean; partitions?: number } = {}): RelayFixture => {
  const dir = mkdtempSync(join(tmpdir(), 'relay-'));
  const store = openSqliteEventStore({ file: join(dir, 'register.db'), pollIntervalMs: 50 });
  const kafka = new Kafka({ clientId: 'relay-test', brokers: [...brokers], logLevel: logLevel.NOTHING });
  const topics: TopicSettings = {
    names: topicNames(`t-${randomUUID().slice(0, 8)}.`),
    partitions: options.partitions ?? 3,
    replicationFactor: 1,
    personalDataTopic: options.personal ?? false,
  };
  const metrics = createRelayMetrics(new Registry());
  const opened: RelayCheckpointStore[] = [];
  const relays: Relay[] = [];
  const checkpointStore = () => {
    const cs = openRelayCheckpointStore(relayDbPath(dir), topics.names.status);
    opened.push(cs);
    return cs;
  };
  return {
    dir, store, kafka, topics, metrics, checkpointStore,
    relay: (mapper, overrides = {}) => {
      const relay = startRelay({
        store, mapper, kafka, topics, metrics, logger: testLogger, checkpoint: checkpointStore(),
        backoff: { initialMs: 100, maxMs: 1000 }, drainTimeoutMs: 2000, ...overrides,
      });
      relays.push(relay);
      return relay;
    },
    close: async () => {
      await Promise.all(relays.map((r) => r.stop()));
      opened.forEach((cs) => cs.close());
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

/** Waits until the relay's checkpoint reached `position` (the broker acknowledged everything up to it). */
export const waitForCheckpoint = async (relay: Relay, position: number, timeoutMs = 60_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (relay.checkpoint() < position) {
    if (Date.now() > deadline) throw new Error(`relay checkpoint ${relay.checkpoint()} did not reach ${position} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};
