import express, { type Router } from 'express';
import type { Logger } from 'pino';
import { Registry } from 'prom-client';
import { createIntegrationMapper } from '../../../events/integration/map.js';
import type { KafkaConfig } from '../../register/config.js';
import type { EventStore } from '../../register/store/port.js';
import { openRelayCheckpointStore, relayDbPath } from './checkpoint-store.js';
import { createKafkaClient } from './kafka-client.js';
import { createRelayMetrics } from './metrics.js';
import { startRelay, type Relay } from './relay.js';
import { DEFAULT_TOPICS } from './topics.js';

export interface KafkaRelayDeps {
  readonly kafka: KafkaConfig;
  readonly dataDir: string;
  readonly store: EventStore;
  readonly logger: Logger;
}

export interface RunningKafkaRelay {
  readonly relay: Relay;
  /** `GET /metrics/relay`: lag, published messages and failures in Prometheus text format. */
  readonly router: Router;
  stop(): Promise<void>;
}

/**
 * The outbox relay as the register runs it (REGISTER_BUS=kafka, service `relay`): the published
 * integration mapping, the topics of schema/asyncapi.yaml, the checkpoint in `relay.db`. Starting
 * never waits for the broker: the relay keeps retrying in the background until it is there.
 */
export const startKafkaRelay = ({ kafka: config, dataDir, store, logger }: KafkaRelayDeps): RunningKafkaRelay => {
  const registry = new Registry();
  const checkpoint = openRelayCheckpointStore(relayDbPath(dataDir), DEFAULT_TOPICS.status);
  const relay = startRelay({
    store,
    mapper: createIntegrationMapper({ store, personalDataTopic: config.personalDataTopic }),
    kafka: createKafkaClient({ brokers: config.brokers, clientId: config.clientId, logger }),
    topics: {
      names: DEFAULT_TOPICS,
      partitions: config.partitions,
      replicationFactor: config.replicationFactor,
      personalDataTopic: config.personalDataTopic,
    },
    checkpoint,
    logger,
    metrics: createRelayMetrics(registry),
  });
  const router = express.Router();
  router.get('/metrics/relay', async (_req, res) => {
    res.type(registry.contentType).send(await registry.metrics());
  });
  return {
    relay,
    router,
    stop: async () => {
      await relay.stop();
      checkpoint.close();
    },
  };
};
