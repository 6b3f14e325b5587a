import { Kafka, Partitioners, logLevel, type LogEntry, type Producer } from 'kafkajs';
import type { Logger } from 'pino';

/** kafkajs logs through the register's pino logger, warnings and errors only. */
const logCreator = (logger: Logger) => () => ({ namespace, level, log }: LogEntry) => {
  const { message, ...extra } = log;
  const child = { component: 'kafkajs', namespace, ...extra };
  // Limiting kafkajs's retries is deliberate (see createIdempotentProducer): not worth a warning per producer.
  if (message.startsWith('Limiting retries')) logger.debug(child, message);
  else if (level === logLevel.ERROR) logger.error(child, message);
  else if (level === logLevel.WARN) logger.warn(child, message);
  else logger.debug(child, message);
};

export interface KafkaClientOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
  readonly logger: Logger;
}

export const createKafkaClient = ({ brokers, clientId, logger }: KafkaClientOptions): Kafka =>
  new Kafka({
    clientId,
    brokers: [...brokers],
    connectionTimeout: 3000,
    logLevel: logLevel.WARN,
    logCreator: logCreator(logger),
    // The relay's own loop retries forever with capped backoff, logs and counts; kafkajs only
    // rides out short blips before handing the failure back to it.
    retry: { retries: 2, initialRetryTime: 100, maxRetryTime: 1000 },
  });

/**
 * The idempotent producer: the broker drops a resent batch it already wrote (same producer id and
 * sequence), so kafkajs's internal retries never duplicate. kafkajs tracks sequence numbers per
 * partition only for one request in flight: with maxInFlightRequests 1 a retried batch can never
 * overtake the next one, so each resident's events stay in order on their partition.
 */
export const createIdempotentProducer = (kafka: Kafka): Producer =>
  kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    // murmur2 of the key, as the Java client: a resident lands on the same partition whoever produces.
    createPartitioner: Partitioners.DefaultPartitioner,
    retry: { retries: 2, initialRetryTime: 100, maxRetryTime: 1000 },
  });
