import { afterAll, beforeAll, expect, it } from 'vitest';
import { collect, dedupeById } from './testing/consume.js';
import { startDedicatedBroker, type DedicatedBroker } from './testing/dedicated-broker.js';
import { fakeMapper } from './testing/fake-mapper.js';
import { brokersOrFail, describeKafka } from './testing/kafka-env.js';
import { appendInterleaved, idsByKey } from './testing/log.js';
import { relayFixture, waitForCheckpoint } from './testing/relay-fixture.js';

// A broker of this file's own (tools/kafka-test-broker.sh, its own ports and run dir): stopping it
// mid-stream must not disturb the other Kafka tests.
describeKafka('outbox relay across a broker outage (a dedicated broker via tools/kafka-test-broker.sh)', () => {
  let broker: DedicatedBroker | undefined;
  beforeAll(async () => {
    await brokersOrFail();
    broker = await startDedicatedBroker();
  }, 180_000);
  afterAll(async () => {
    await broker?.destroy();
  }, 60_000);

  it('loses nothing when the broker stops mid-stream and comes back; repeats are only of unacknowledged batches and share their ce_id', async () => {
    if (broker === undefined) throw new Error('dedicated broker did not start');
    const f = relayFixture(broker.brokers);
    try {
      const before = await appendInterleaved(f.store, 10, 5);
      const relay = f.relay(fakeMapper(), { batchSize: 20 });
      await waitForCheckpoint(relay, before.length);

      await broker.stop();
      const during = await appendInterleaved(f.store, 10, 5);
      const total = before.length + during.length;
      const failed = async () => ((await f.metrics.failures.get()).values.find((v) => v.labels.stage === 'publish')?.value ?? 0);
      const deadline = Date.now() + 30_000;
      while ((await failed()) < 1 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await failed()).toBeGreaterThanOrEqual(1);
      expect(relay.checkpoint()).toBe(before.length);
      expect((await f.metrics.lag.get()).values[0]?.value).toBeGreaterThan(0);

      await broker.start();
      await waitForCheckpoint(relay, total, 90_000);

      const c = await collect(f.kafka, [f.topics.names.status]);
      try {
        const all = [...before, ...during];
        await c.until((r) => dedupeById(r).length >= total, 60_000);
        const deduped = dedupeById(c.received);
        expect(deduped.map((r) => r.headers.ce_id).sort()).toEqual(all.map((a) => a.eventId).sort());
        expect(idsByKey(deduped.map((r) => ({ key: r.key, id: r.headers.ce_id ?? '' })))).toEqual(
          idsByKey(all.map((a) => ({ key: a.residentId, id: a.eventId }))),
        );
        const positionOf = new Map(all.map((a, i) => [a.eventId, i + 1]));
        const repeated = c.received.filter((r) => !deduped.includes(r)).map((r) => positionOf.get(r.headers.ce_id ?? '') ?? 0);
        expect(repeated.every((p) => p > before.length)).toBe(true);
      } finally {
        await c.stop();
      }
    } finally {
      await f.close();
    }
  }, 240_000);
});
