import { Kafka, logLevel } from 'kafkajs';
import { describe } from 'vitest';

/**
 * Which broker the Kafka integration tests use: `KAFKA_BROKERS` (e.g. from
 * `tools/kafka-test-broker.sh start`). Without it they skip with a visible line; with
 * `REQUIRE_KAFKA=1` (CI) a missing or unreachable broker fails the run instead.
 */
export const kafkaBrokers = (): readonly string[] | undefined => {
  const value = process.env.KAFKA_BROKERS?.trim();
  return value === undefined || value === '' ? undefined : value.split(',').map((b) => b.trim());
};

export const kafkaRequired = (): boolean => process.env.REQUIRE_KAFKA === '1';

/** Tests run when a broker is named, or when one is demanded (then a missing one fails in `brokersOrFail`). */
export const kafkaTestsEnabled = (): boolean => {
  const enabled = kafkaBrokers() !== undefined || kafkaRequired();
  if (!enabled)
    console.warn('[kafka] KAFKA_BROKERS is not set: skipping the Kafka integration tests (tools/kafka-test-broker.sh start, then KAFKA_BROKERS=127.0.0.1:9092)');
  return enabled;
};

/** `describe` that skips visibly without a broker and fails when REQUIRE_KAFKA=1 demands one. */
export const describeKafka = (name: string, body: () => void): void => {
  describe.skipIf(!kafkaTestsEnabled())(name, body);
};

/** The brokers, checked reachable; throws (fails the test) when they are missing or down. */
export const brokersOrFail = async (): Promise<readonly string[]> => {
  const brokers = kafkaBrokers();
  if (brokers === undefined) throw new Error('REQUIRE_KAFKA=1 but KAFKA_BROKERS is not set: start a broker (tools/kafka-test-broker.sh start)');
  const admin = new Kafka({ clientId: 'probe', brokers: [...brokers], logLevel: logLevel.NOTHING, retry: { retries: 2 }, connectionTimeout: 2000 }).admin();
  try {
    await admin.connect();
    await admin.describeCluster();
  } catch (error) {
    throw new Error(`KAFKA_BROKERS=${brokers.join(',')} is not reachable: ${(error as Error).message}`, { cause: error });
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
  return brokers;
};
