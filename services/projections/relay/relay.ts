import type { Admin, Kafka, Producer, TopicMessages } from 'kafkajs';
import type { Logger } from 'pino';
import type { IntegrationMapper, IntegrationMessage, IntegrationTopic } from '../../../events/integration/message.js';
import type { EventStore, RecordedEvent, Subscription } from '../../register/store/port.js';
import { RelayStoppedError, retryForever, type Backoff } from './backoff.js';
import type { RelayCheckpointStore } from './checkpoint-store.js';
import { toKafkaMessage } from './headers.js';
import { createIdempotentProducer } from './kafka-client.js';
import type { RelayMetrics } from './metrics.js';
import { ensureTopics, publishedTopics, type TopicSettings } from './topics.js';

export interface RelayDeps {
  readonly store: EventStore;
  readonly mapper: IntegrationMapper;
  readonly kafka: Kafka;
  readonly topics: TopicSettings;
  readonly checkpoint: RelayCheckpointStore;
  readonly logger: Logger;
  readonly metrics?: RelayMetrics;
  /** Messages per produce request; a full batch makes the subscription wait (back-pressure). */
  readonly batchSize?: number;
  /** How long a partial batch waits for more events before it is sent. */
  readonly lingerMs?: number;
  readonly backoff?: Backoff;
  /** How long stop() keeps trying to deliver what is buffered before leaving it to the next start. */
  readonly drainTimeoutMs?: number;
}

export interface Relay {
  /** Resolves once the topics exist and the subscription started (retries while the broker is away). */
  readonly ready: Promise<void>;
  /** The last position whose messages the broker acknowledged and the relay stored. */
  checkpoint(): number;
  /** Stops reading, delivers what is buffered (up to drainTimeoutMs), disconnects. Idempotent. */
  stop(): Promise<void>;
}

interface Pending {
  readonly messages: IntegrationMessage[];
  /** The last event taken into this batch (its messages, possibly none, are in `messages`). */
  position: number;
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The outbox relay (architecture decision 8): follows the log from its checkpoint, maps each event
 * to integration messages, publishes them in batches with an idempotent producer and acks=all, and
 * stores the checkpoint only after the broker acknowledged the whole batch. A broker outage is
 * retried forever with capped backoff; nothing is skipped. A crash between publish and checkpoint
 * publishes that batch again on restart: at least once, and subscribers dedupe by ce_id.
 */
export const startRelay = (deps: RelayDeps): Relay => {
  const { store, mapper, kafka, topics, checkpoint, logger, metrics } = deps;
  const batchSize = deps.batchSize ?? 500;
  const lingerMs = deps.lingerMs ?? 5;
  const backoff = deps.backoff ?? { initialMs: 250, maxMs: 30_000 };
  const enabled = new Set<IntegrationTopic>(publishedTopics(topics));
  const log = logger.child({ component: 'relay' });

  let committed = checkpoint.load();
  let pending: Pending = { messages: [], position: committed };
  let chain: Promise<void> = Promise.resolve();
  let linger: NodeJS.Timeout | undefined;
  let producer: Producer | undefined;
  let subscription: Subscription | undefined;
  let aborted = false;
  let stopping: Promise<void> | undefined;
  let abort: () => void = () => undefined;
  const abortSignal = new Promise<void>((resolve) => (abort = resolve));

  const retry = <T>(stage: string, attempt: () => Promise<T>): Promise<T> =>
    retryForever(attempt, {
      backoff,
      aborted: () => aborted,
      abortSignal,
      onFailure: async (error, n, delayMs) => {
        metrics?.failures.inc({ stage });
        await updateLag().catch(() => undefined);
        log.warn({ stage, attempt: n, retryInMs: delayMs, checkpoint: committed, err: errorText(error) }, 'relay attempt failed; retrying');
        // A fresh producer (new producer id) after a failure: kafkajs cannot always recover its
        // sequence numbers after a broker restart; a resend may then duplicate (at least once).
        const old = producer;
        producer = undefined;
        await old?.disconnect().catch(() => undefined);
      },
    });

  const connectedProducer = async (): Promise<Producer> => {
    if (producer !== undefined) return producer;
    const fresh = createIdempotentProducer(kafka);
    await fresh.connect();
    producer = fresh;
    return fresh;
  };

  const updateLag = async (): Promise<void> => {
    if (metrics !== undefined) metrics.lag.set(Math.max(0, (await store.headPosition()) - committed));
  };

  const send = async (messages: readonly IntegrationMessage[]): Promise<void> => {
    if (messages.length === 0) return;
    const byTopic = new Map<string, TopicMessages>();
    for (const message of messages) {
      const topic = topics.names[message.topic];
      const entry = byTopic.get(topic) ?? { topic, messages: [] };
      entry.messages.push(toKafkaMessage(message));
      byTopic.set(topic, entry);
    }
    const p = await connectedProducer();
    await p.sendBatch({ acks: -1, topicMessages: [...byTopic.values()] });
  };

  /** Sends what is buffered, then stores the checkpoint; flushes run one after another. */
  const flush = (): Promise<void> => {
    if (linger !== undefined) clearTimeout(linger);
    linger = undefined;
    chain = chain.then(async () => {
      const batch = pending;
      if (batch.position === committed) return;
      pending = { messages: [], position: batch.position };
      await retry('publish', () => send(batch.messages));
      checkpoint.save(batch.position);
      committed = batch.position;
      for (const m of batch.messages) metrics?.published.inc({ topic: topics.names[m.topic] });
      await updateLag();
    });
    return chain;
  };

  const lingerFlush = (): void => {
    linger = undefined;
    flush().catch((error: unknown) => {
      if (!(error instanceof RelayStoppedError)) log.error({ err: errorText(error) }, 'relay flush failed');
    });
  };

  const onEvent = async (event: RecordedEvent): Promise<void> => {
    const messages = await retry('map', () => mapper(event));
    pending.messages.push(...messages.filter((m) => enabled.has(m.topic)));
    pending.position = event.position;
    if (pending.messages.length >= batchSize) await flush();
    else linger ??= setTimeout(lingerFlush, lingerMs);
  };

  const run = async (admin: Admin): Promise<void> => {
    await retry('topics', async () => {
      await admin.connect();
      await ensureTopics(admin, topics);
    });
    await admin.disconnect().catch(() => undefined);
    if (aborted || stopping !== undefined) return;
    log.info({ checkpoint: committed, topics: publishedTopics(topics).map((t) => topics.names[t]) }, 'relay started');
    subscription = store.subscribeToAll({
      after: committed,
      filter: { streamPrefixes: ['resident-'] },
      onEvent,
      onCaughtUp: (position) => log.info({ position }, 'relay caught up with the log'),
    });
    subscription.done.catch((error: unknown) => {
      if (!(error instanceof RelayStoppedError)) log.error({ err: errorText(error) }, 'relay subscription failed');
    });
    await updateLag();
  };

  const ready = run(kafka.admin());
  ready.catch(() => undefined);

  const stop = async (): Promise<void> => {
    if (subscription === undefined) {
      // Not started yet (the broker has been away since start): nothing is buffered, give up at once.
      aborted = true;
      abort();
    }
    const drain = setTimeout(() => {
      aborted = true;
      abort();
    }, deps.drainTimeoutMs ?? 10_000);
    await ready.catch(() => undefined);
    await subscription?.stop();
    await flush().catch(() => undefined);
    clearTimeout(drain);
    aborted = true;
    abort();
    await producer?.disconnect().catch(() => undefined);
    if (pending.position !== committed)
      log.warn({ checkpoint: committed, buffered: pending.position }, 'relay stopped before the broker acknowledged everything; the rest is sent on the next start');
    log.info({ checkpoint: committed }, 'relay stopped');
  };

  return {
    ready,
    checkpoint: () => committed,
    stop: () => (stopping ??= stop()),
  };
};
