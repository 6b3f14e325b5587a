import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { createIntegrationMapper } from '../events/integration/map.js';
import { readPage } from '../services/projections/feed/follow.js';
import { generatePopulation } from '../services/register/demo/population.js';
import { runDemo } from '../services/register/demo/run-demo.js';
import { openSqliteEventStore } from '../services/register/store/sqlite.js';
import { machineInfo, round } from './machine.js';

/**
 * `npm run bench:integration -- --residents 1000`: the integration mapping over a `register demo`
 * population (real lifecycles through the command path), from position 0 to the head, as the feed
 * and the Kafka relay run it on catch-up. Writes bench/results/integration-map.json. Measured, not asserted.
 */
const { values } = parseArgs({
  options: {
    residents: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string', default: 'bench/results/integration-map.json' },
  },
});
const residents = Number(values.residents);
if (!Number.isInteger(residents) || residents <= 0) throw new Error('--residents must be a positive integer');

const dir = mkdtempSync(join(tmpdir(), 'bench-integration-'));
try {
  const store = openSqliteEventStore({ file: join(dir, 'register.db') });
  const demo = await runDemo(generatePopulation({ residents, seed: values.seed }), { store });
  const head = await store.headPosition();
  process.stdout.write(`log: ${head} events of ${residents} residents\n`);

  const mapper = createIntegrationMapper({ store, personalDataTopic: false });
  const started = performance.now();
  let messages = 0;
  const byType = new Map<string, number>();
  for await (const event of store.readAll({ filter: { streamPrefixes: ['resident-'] } })) {
    for (const message of await mapper(event)) {
      messages += 1;
      byType.set(message.attributes.type, (byType.get(message.attributes.type) ?? 0) + 1);
    }
  }
  const mapSeconds = (performance.now() - started) / 1000;

  // The feed's JSON pages over the same log, 500 messages a page, as a catching-up subscriber reads them.
  const feedStarted = performance.now();
  let after = 0;
  let pages = 0;
  for (;;) {
    const page = await readPage({ store, mapper }, after, 500);
    pages += 1;
    if (page.next === after) break;
    after = page.next;
  }
  const feedSeconds = (performance.now() - feedStarted) / 1000;
  await store.close();

  const result = {
    benchmark: 'integration-map',
    machine: machineInfo(),
    residents, seed: values.seed, events: head, demoRejected: demo.rejected, messages,
    mapping: { seconds: round(mapSeconds), eventsPerSecond: Math.round(head / mapSeconds), messagesPerSecond: Math.round(messages / mapSeconds) },
    feedPages: { pages, seconds: round(feedSeconds), eventsPerSecond: Math.round(head / feedSeconds) },
    messagesByType: Object.fromEntries([...byType].sort(([a], [b]) => (a < b ? -1 : 1))),
  };
  mkdirSync(dirname(values.out), { recursive: true });
  writeFileSync(values.out, `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(result.mapping)} feed: ${JSON.stringify(result.feedPages)}\nwrote ${values.out}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
