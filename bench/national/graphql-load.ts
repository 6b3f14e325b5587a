import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { createCommandHandler } from '../../services/register/application/command-handler.js';
import type { EventStore } from '../../services/register/store/port.js';
import { metricValue, PROCESS_TOKENS, processEnv, spawnRegister, stopRegister } from '../../testing/register-process.js';
import { round } from '../machine.js';
import type { PopulationSample } from './bulk-import.js';
import { freshCommands } from './fresh-commands.js';
import { sleep } from './stats.js';

export interface QueryFigures {
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** Non-2xx answers, answers with GraphQL errors, and connection errors or timeouts. */
  readonly failed: number;
}

export interface GraphqlFigures {
  readonly targetRate: number;
  readonly secondsEach: number;
  /** The child register's projector catching up on the log before the load (it starts at the rebuilt checkpoint). */
  readonly startSeconds: number;
  readonly writes: { readonly commandsPerSecond: number; readonly commands: number };
  readonly queries: Record<string, QueryFigures>;
  /** The serving process (`register start`): resident set size sampled from /metrics every second. */
  readonly servingRssMiB: { readonly idle: number; readonly peak: number };
}

type Variables = (n: number) => Record<string, unknown>;

const pick = <T>(list: readonly T[], n: number): T | undefined => list[n % Math.max(1, list.length)];

/** The four queries of issue 8 (e), each with variables drawn from the loaded population. */
const QUERIES = (sample: PopulationSample): Record<string, { query: string; variables: Variables }> => ({
  'resident(id)': {
    query: 'query R($id: ID!) { resident(id: $id) { id midToLongTermResident { is reason } stay { statusOfResidence expiresOn } } }',
    variables: (n) => ({ id: pick(sample.residentIds, n) }),
  },
  residentByCard: {
    query: 'query C($number: String!) { residentByCard(number: $number) { id stay { statusOfResidence } } }',
    variables: (n) => ({ number: pick(sample.cardNumbers, n) }),
  },
  cardValidity: {
    query: 'query V($number: String!) { cardValidity(number: $number) { validity since } }',
    variables: (n) => ({ number: pick(sample.cardNumbers, n) }),
  },
  addressLapses: {
    query: 'query L($m: String!) { addressLapses(municipality: $m, first: 50) { totalCount edges { node { residentId ground from state } } } }',
    variables: (n) => ({ m: pick(sample.municipalities, n) }),
  },
});

const metrics = async (url: string): Promise<string> => (await fetch(`${url}/metrics`)).text();

const rssMiB = async (url: string): Promise<number> => round((metricValue(await metrics(url), 'process_resident_memory_bytes') ?? 0) / 2 ** 20, 1);

const waitCaughtUp = async (url: string, timeoutMs: number): Promise<void> => {
  const until = performance.now() + timeoutMs;
  let zeros = 0;
  while (performance.now() < until) {
    const lag = metricValue(await metrics(url), 'register_projection_lag_positions');
    zeros = lag === 0 ? zeros + 1 : 0;
    if (zeros >= 2) return;
    await sleep(500);
  }
  throw new Error(`the register's projector did not catch up within ${timeoutMs} ms`);
};

const load = async (url: string, name: string, spec: { query: string; variables: Variables }, rate: number, seconds: number): Promise<QueryFigures> => {
  let n = 0;
  let graphqlErrors = 0;
  const result = await autocannon({
    url: `${url}/graphql`, method: 'POST', connections: 16, overallRate: rate, duration: seconds, timeout: 10,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${PROCESS_TOKENS.analyst}` },
    requests: [{
      setupRequest: (request) => ({ ...request, body: JSON.stringify({ query: spec.query, variables: spec.variables((n += 7919)) }) }),
      onResponse: (status, body) => {
        if (status === 200 && body.includes('"errors"')) graphqlErrors += 1;
      },
    }],
  });
  if (graphqlErrors > 0) process.stderr.write(`${name}: ${graphqlErrors} answers with GraphQL errors\n`);
  return {
    requests: result.requests.total, requestsPerSecond: round(result.requests.average, 1),
    p50Ms: result.latency.p50, p99Ms: result.latency.p99, maxMs: result.latency.max,
    failed: result.non2xx + graphqlErrors + result.errors + result.timeouts,
  };
};

/** A writer at `rate` commands/s on its own connection to the log, until `stop` is called. */
const startWriter = (store: EventStore, seed: string, firstIndex: number, rate: number) => {
  const clock = { now: '1970-01-01T00:00:00Z' };
  const handler = createCommandHandler({ store, clock: () => clock.now, newId: randomUUID });
  let running = true;
  let commands = 0;
  const started = performance.now();
  const done = (async () => {
    for (const next of freshCommands(seed, firstIndex)) {
      if (!running) return;
      const wait = started + (commands * 1000) / rate - performance.now();
      if (wait > 0) await sleep(wait);
      clock.now = next.planned.recordedAt;
      await handler.handle({ residentId: next.residentId, command: next.planned.command, idempotencyKey: next.planned.idempotencyKey, officerId: 'bench' });
      commands += 1;
    }
  })();
  return {
    stop: async () => {
      running = false;
      await done;
      const seconds = (performance.now() - started) / 1000;
      return { commands, commandsPerSecond: round(commands / seconds, 1) };
    },
  };
};

/**
 * Phase (e): `register start` as it ships (a child process on the bench's data directory), the four
 * queries with autocannon at a fixed overall rate one after another, while a writer appends commands.
 */
export const graphqlLoad = async (
  store: EventStore, dataDir: string, sample: PopulationSample,
  options: { seed: string; firstIndex: number; rate: number; seconds: number; writeRate: number },
): Promise<GraphqlFigures> => {
  const t0 = performance.now();
  const register = await spawnRegister(processEnv(dataDir, { REGISTER_GRAPHIQL: 'off' }), 120_000);
  try {
    await waitCaughtUp(register.url, 30 * 60_000);
    const startSeconds = round((performance.now() - t0) / 1000, 1);
    const idle = await rssMiB(register.url);
    let peak = idle;
    const sampler = setInterval(() => void rssMiB(register.url).then((v) => { peak = Math.max(peak, v); }, () => undefined), 1000);
    const writer = startWriter(store, options.seed, options.firstIndex, options.writeRate);
    const queries: Record<string, QueryFigures> = {};
    try {
      for (const [name, spec] of Object.entries(QUERIES(sample))) queries[name] = await load(register.url, name, spec, options.rate, options.seconds);
    } finally {
      clearInterval(sampler);
    }
    const writes = await writer.stop();
    peak = Math.max(peak, await rssMiB(register.url));
    return { targetRate: options.rate, secondsEach: options.seconds, startSeconds, writes, queries, servingRssMiB: { idle, peak } };
  } finally {
    await stopRegister(register);
  }
};
