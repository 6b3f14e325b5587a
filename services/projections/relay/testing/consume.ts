import { randomUUID } from 'node:crypto';
import type { Consumer, Kafka } from 'kafkajs';

export interface Received {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  readonly key: string;
  readonly value: unknown;
  readonly headers: Readonly<Record<string, string>>;
}

const headerText = (value: unknown): string =>
  Buffer.isBuffer(value) ? value.toString('utf8') : Array.isArray(value) ? value.map(headerText).join(',') : String(value);

export interface Collector {
  readonly received: Received[];
  /** Resolves when `predicate` holds for what was received; rejects after `timeoutMs`. */
  until(predicate: (received: readonly Received[]) => boolean, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** A consumer group of its own, from the beginning of `topics`, collecting every record in arrival order. */
export const collect = async (kafka: Kafka, topics: readonly string[]): Promise<Collector> => {
  const consumer: Consumer = kafka.consumer({ groupId: `test-${randomUUID()}`, sessionTimeout: 10_000, heartbeatInterval: 1000 });
  const received: Received[] = [];
  await consumer.connect();
  await consumer.subscribe({ topics: [...topics], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ topic, partition, message }) => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(message.headers ?? {})) headers[name] = headerText(value);
      received.push({
        topic,
        partition,
        offset: Number(message.offset),
        key: message.key?.toString('utf8') ?? '',
        value: JSON.parse(message.value?.toString('utf8') ?? 'null') as unknown,
        headers,
      });
    },
  });
  return {
    received,
    until: async (predicate, timeoutMs = 30_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(received)) {
        if (Date.now() > deadline) throw new Error(`consumer: condition not met within ${timeoutMs} ms (${received.length} received)`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    stop: () => consumer.disconnect(),
  };
};

/** Received records without repeats of a ce_id, first delivery kept: what a deduping subscriber sees. */
export const dedupeById = (received: readonly Received[]): Received[] => {
  const seen = new Set<string>();
  return received.filter((r) => {
    const id = r.headers.ce_id ?? '';
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
};
