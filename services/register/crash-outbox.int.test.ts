import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createIntegrationMapper } from '../../events/integration/map.js';
import { metricValue, PROCESS_TOKENS, processEnv, spawnRegister, stopRegister, type RegisterProcess } from '../../testing/register-process.js';
import { addressCommand, driveChains, enrolment, type DriveResult, type PlannedRequest } from '../../testing/workload.js';
import { collect } from '../projections/relay/testing/consume.js';
import { brokersOrFail, describeKafka } from '../projections/relay/testing/kafka-env.js';
import { DEFAULT_TOPICS } from '../projections/relay/topics.js';
import { seededRandom } from './demo/prng.js';
import { openSqliteEventStore } from './store/sqlite.js';

/**
 * Crash safety of the outbox relay (issue 9.1): the whole register, relay included, killed with
 * SIGKILL mid-load and restarted; at the end every integration message the log maps to has
 * reached Kafka (at least once: consumers dedupe by ce_id). Needs a broker (KAFKA_BROKERS).
 */

const dir = mkdtempSync(join(tmpdir(), 'register-crash-outbox-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const credentials = { officer: PROCESS_TOKENS.officer, office: PROCESS_TOKENS.chiyoda };

const relayCaughtUp = async (running: RegisterProcess): Promise<void> => {
  const deadline = Date.now() + 60_000;
  while (metricValue(await (await fetch(`${running.url}/metrics/relay`)).text(), 'register_relay_lag_positions') !== 0) {
    if (Date.now() > deadline) throw new Error('the outbox relay did not catch up within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

describeKafka('crash safety of the outbox relay (issue 9.1, KAFKA_BROKERS)', () => {
  let brokers: readonly string[] = [];
  beforeAll(async () => {
    brokers = await brokersOrFail();
  });

  it('after SIGKILLs under load and restarts, every integration message of the log is on Kafka', async () => {
    const data = join(dir, 'data');
    const env = processEnv(data, { KAFKA_BROKERS: brokers.join(','), REGISTER_KAFKA_CLIENT_ID: 'crash-outbox-test' });
    const rng = seededRandom('crash-outbox-2026');
    const ledger: DriveResult = { acknowledged: new Map(), refused: [] };
    const planned: PlannedRequest[] = [];
    for (let round = 0; round < 3; round += 1) {
      const running = await spawnRegister(env);
      await driveChains([planned.filter((r) => !ledger.acknowledged.has(r.name))], running, credentials, 4, ledger);
      const chains = Array.from({ length: 15 }, (_, i) => round * 15 + i + 1).map((n) => [...enrolment(n), addressCommand(n, 0)]);
      planned.push(...chains.flat());
      // Killed once a seeded share (10–90 %) of this round is answered: mid-load on any machine.
      const killAt = ledger.acknowledged.size + Math.round(chains.flat().length * rng.int(10, 90) / 100);
      let loadDone = false;
      const load = driveChains(chains, running, credentials, 6, ledger).then(() => { loadDone = true; });
      while (ledger.acknowledged.size < killAt && !loadDone) await new Promise((resolve) => setTimeout(resolve, 1));
      expect(loadDone).toBe(false);
      running.child.kill('SIGKILL');
      await load;
      expect((await running.exited).signal).toBe('SIGKILL');
    }
    const last = await spawnRegister(env);
    await driveChains([planned.filter((r) => !ledger.acknowledged.has(r.name))], last, credentials, 4, ledger);
    expect(ledger.refused).toEqual([]);
    expect(planned.filter((r) => !ledger.acknowledged.has(r.name))).toEqual([]);
    await relayCaughtUp(last);
    expect(await stopRegister(last)).toEqual({ code: 0, signal: null });

    const store = openSqliteEventStore({ file: join(data, 'register.db') });
    const mapper = createIntegrationMapper({ store, personalDataTopic: false });
    const expected = new Set<string>();
    for await (const event of store.readAll({ after: 0 })) for (const message of await mapper(event)) expected.add(message.attributes.id);
    await store.close();
    expect(expected.size).toBeGreaterThanOrEqual(planned.length / 3);

    const kafka = new Kafka({ clientId: 'crash-outbox-check', brokers: [...brokers], logLevel: logLevel.NOTHING });
    const consumer = await collect(kafka, [DEFAULT_TOPICS.status]);
    try {
      const received = () => new Set(consumer.received.map((r) => r.headers['ce_id'] ?? ''));
      await consumer.until(() => [...expected].every((id) => received().has(id)), 60_000).catch(() => undefined);
      expect([...expected].filter((id) => !received().has(id))).toEqual([]);
    } finally {
      await consumer.stop();
    }
  }, 240_000);
});
