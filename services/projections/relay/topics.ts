import type { Admin } from 'kafkajs';
import type { IntegrationTopic } from '../../../events/integration/message.js';

/** The Kafka topic of each integration topic; published in schema/asyncapi.yaml and the README. */
export const DEFAULT_TOPICS: Readonly<Record<IntegrationTopic, string>> = {
  status: 'register.resident-status.v1',
  personal: 'register.resident-personal.v1',
};

/** Topic names with a prefix: tests and side-by-side deployments publish to their own topics. */
export const topicNames = (prefix = ''): Readonly<Record<IntegrationTopic, string>> => ({
  status: `${prefix}${DEFAULT_TOPICS.status}`,
  personal: `${prefix}${DEFAULT_TOPICS.personal}`,
});

export interface TopicSettings {
  readonly names: Readonly<Record<IntegrationTopic, string>>;
  readonly partitions: number;
  readonly replicationFactor: number;
  /** The personal-data topic exists only where it is configured (Art. 19-36(3): least data necessary). */
  readonly personalDataTopic: boolean;
}

export const publishedTopics = (settings: TopicSettings): readonly IntegrationTopic[] =>
  settings.personalDataTopic ? ['status', 'personal'] : ['status'];

/**
 * Creates the relay's topics if they are missing (an existing topic is left as it is, whatever its
 * partition count). `min.insync.replicas` follows the replication factor so that acks=all means a
 * majority of replicas on a real cluster and still works on a single test broker.
 */
export const ensureTopics = async (admin: Admin, settings: TopicSettings): Promise<void> => {
  const existing = new Set(await admin.listTopics());
  const minIsr = String(Math.max(1, Math.min(2, settings.replicationFactor - 1)));
  const missing = publishedTopics(settings)
    .map((topic) => settings.names[topic])
    .filter((name) => !existing.has(name));
  if (missing.length === 0) return;
  await admin.createTopics({
    waitForLeaders: true,
    topics: missing.map((topic) => ({
      topic,
      numPartitions: settings.partitions,
      replicationFactor: settings.replicationFactor,
      configEntries: [{ name: 'min.insync.replicas', value: minIsr }],
    })),
  });
};
