import { afterEach, beforeAll, expect, it } from 'vitest';
import { collect, dedupeById, type Collector } from './testing/consume.js';
import { fakeMapper } from './testing/fake-mapper.js';
import { brokersOrFail, describeKafka } from './testing/kafka-env.js';
import { appendInterleaved, idsByKey } from './testing/log.js';
import { relayFixture, waitForCheckpoint, type RelayFixture } from './testing/relay-fixture.js';

describeKafka('outbox relay against a real Kafka broker (KAFKA_BROKERS)', () => {
  let brokers: readonly string[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    brokers = await brokersOrFail();
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const fixture = (options?: { personal?: boolean }): RelayFixture => {
    const f = relayFixture(brokers, options);
    cleanups.push(() => f.close());
    return f;
  };
  const consumer = async (f: RelayFixture, topics: readonly string[]): Promise<Collector> => {
    const c = await collect(f.kafka, topics);
    cleanups.push(() => c.stop());
    return c;
  };

  it('delivers exactly the published events to a consumer group, in order per resident, as binary-mode CloudEvents', async () => {
    const f = fixture();
    const appended = await appendInterleaved(f.store, 20, 5);
    const relay = f.relay(fakeMapper(), { batchSize: 16 });
    await relay.ready;
    await waitForCheckpoint(relay, appended.length);
    const live = await appendInterleaved(f.store, 1, 1);
    await waitForCheckpoint(relay, appended.length + 1);

    const admin = f.kafka.admin();
    await admin.connect();
    const metadata = await admin.fetchTopicMetadata({ topics: [f.topics.names.status] });
    const topicList = await admin.listTopics();
    await admin.disconnect();
    expect(metadata.topics[0]?.partitions).toHaveLength(3);
    expect(topicList).not.toContain(f.topics.names.personal);

    const c = await consumer(f, [f.topics.names.status]);
    const all = [...appended, ...live];
    await c.until((r) => r.length >= all.length);
    expect(c.received).toHaveLength(all.length);
    expect(new Set(c.received.map((r) => r.headers.ce_id))).toEqual(new Set(all.map((a) => a.eventId)));
    const got = idsByKey(c.received.map((r) => ({ key: r.key, id: r.headers.ce_id ?? '' })));
    expect(got).toEqual(idsByKey(all.map((a) => ({ key: a.residentId, id: a.eventId }))));

    const first = c.received.find((r) => r.headers.ce_id === all[0]?.eventId);
    expect(first?.headers).toMatchObject({
      ce_specversion: '1.0',
      ce_subject: all[0]?.residentId,
      ce_sequence: '0',
      ce_source: '/resident-register/test',
      ce_time: '2026-01-10T00:00:00+09:00',
      ce_recordedtime: '2026-01-10T03:00:00Z',
      ce_dataschema: 'https://example.invalid/schema/test.v1.json',
      'content-type': 'application/json',
    });
    expect(first?.headers.ce_type).toMatch(/^jp\.go\.moj\.isa\.register\.test\./);
    expect(first?.value).toEqual({ residentId: all[0]?.residentId, revision: 0, position: 1 });
    expect(await f.metrics.published.get()).toMatchObject({ values: [{ value: all.length }] });
    expect((await f.metrics.lag.get()).values[0]?.value).toBe(0);
  });

  it('creates and fills the personal-data topic only when it is configured (Art. 19-36(3))', async () => {
    const f = fixture({ personal: true });
    const appended = await appendInterleaved(f.store, 3, 2);
    const relay = f.relay(fakeMapper({ personal: true }));
    await waitForCheckpoint(relay, appended.length);
    const c = await consumer(f, [f.topics.names.status, f.topics.names.personal]);
    await c.until((r) => r.length >= 2 * appended.length);
    expect(c.received.filter((r) => r.topic === f.topics.names.personal)).toHaveLength(appended.length);
    expect(c.received.filter((r) => r.topic === f.topics.names.status)).toHaveLength(appended.length);
  });

  it('after a crash between the broker ack and the checkpoint write, a restarted relay continues from its stored checkpoint: nothing lost, repeats only after it', async () => {
    const f = fixture();
    const appended = await appendInterleaved(f.store, 10, 6);
    let hang: () => void = () => undefined;
    const hung = new Promise<void>((resolve) => (hang = resolve));
    const realMapper = fakeMapper();
    // The first relay "dies": its checkpoint writes stop reaching the disk after two batches, and at
    // event 45 it stops doing anything at all, like a process killed with SIGKILL.
    const crashing = f.relay(async (event) => {
      if (event.position >= 45) await hung;
      return realMapper(event);
    }, {
      batchSize: 10,
      lingerMs: 60_000,
      checkpoint: (() => {
        const real = f.checkpointStore();
        let saves = 0;
        return { ...real, save: (p: number) => (saves += 1) <= 2 && real.save(p) };
      })(),
    });
    await crashing.ready;
    const c = await consumer(f, [f.topics.names.status]);
    await waitForCheckpoint(crashing, 40);
    await c.until((r) => r.length >= 40);
    const stored = f.checkpointStore().load();
    expect(stored).toBe(20);

    const restarted = f.relay(realMapper);
    expect(restarted.checkpoint()).toBe(20);
    await waitForCheckpoint(restarted, appended.length);
    await c.until((r) => dedupeById(r).length >= appended.length);
    hang();

    const positionOf = new Map(appended.map((a, i) => [a.eventId, i + 1]));
    const deduped = dedupeById(c.received);
    expect(deduped.map((r) => r.headers.ce_id).sort()).toEqual(appended.map((a) => a.eventId).sort());
    expect(idsByKey(deduped.map((r) => ({ key: r.key, id: r.headers.ce_id ?? '' })))).toEqual(
      idsByKey(appended.map((a) => ({ key: a.residentId, id: a.eventId }))),
    );
    const repeated = c.received.filter((r) => !deduped.includes(r)).map((r) => positionOf.get(r.headers.ce_id ?? '') ?? 0);
    expect(repeated.length).toBeGreaterThan(0);
    expect(repeated.every((p) => p > 20 && p < 45)).toBe(true);
  });
});
