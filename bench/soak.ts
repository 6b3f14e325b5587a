import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { metricValue, PROCESS_TOKENS, processEnv, spawnRegister, stopRegister, type RegisterProcess } from '../testing/register-process.js';
import { addressCommand, cardNumberOf, chiyodaRelay, driveChains, enrolment, residentIdOf, sendPlanned, type PlannedRequest } from '../testing/workload.js';
import { machineInfo, percentile, round } from './machine.js';

/**
 * `npm run soak -- --minutes 3`: sustained mixed load (issue 9.5) on `register start` as a child
 * process — commands, municipal relays and GraphQL queries at fixed rates — sampling the child's
 * RSS and projection lag from /metrics every 5 s. Writes bench/results/soak.json and exits 1 on any
 * error, on a memory growth trend above --max-rss-slope (MiB per minute, least squares over the
 * samples after --warmup seconds) or a projection lag above --max-lag positions.
 */
const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '3' },
    commands: { type: 'string', default: '10' },
    relays: { type: 'string', default: '20' },
    queries: { type: 'string', default: '20' },
    residents: { type: 'string', default: '200' },
    'max-rss-slope': { type: 'string', default: '8' },
    warmup: { type: 'string', default: '30' },
    'max-lag': { type: 'string', default: '2000' },
    out: { type: 'string', default: 'bench/results/soak.json' },
  },
});
const numberOf = (name: keyof typeof values): number => {
  const value = Number(values[name]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number (got ${String(values[name])})`);
  return value;
};
const [minutes, commandRate, relayRate, queryRate, residents, maxSlope, maxLag, warmup] =
  (['minutes', 'commands', 'relays', 'queries', 'residents', 'max-rss-slope', 'max-lag', 'warmup'] as const).map(numberOf) as [number, number, number, number, number, number, number, number];

const credentials = { officer: PROCESS_TOKENS.officer, office: PROCESS_TOKENS.chiyoda };
type Kind = 'command' | 'relay' | 'query';
const latencies: Record<Kind, number[]> = { command: [], relay: [], query: [] };
const errors: string[] = [];
let errorCount = 0;
const fail = (what: string): void => {
  errorCount += 1;
  if (errors.length < 20) errors.push(what);
};

const QUERIES = [
  (n: number) => `{ resident(id: "${residentIdOf(n)}") { id } }`,
  (n: number) => `{ cardValidity(number: "${cardNumberOf(n)}") { validity } }`,
  () => '{ residents(first: 20) { totalCount edges { node { id } } } }',
  () => '{ statistics(groupBy: STATUS_OF_RESIDENCE) { key count } }',
  () => '{ deadlines(dueBetween: { from: "2026-01-01", to: "2027-12-31" }, first: 20) { totalCount } }',
];

const timed = async (kind: Kind, run: () => Promise<string | undefined>): Promise<void> => {
  const started = performance.now();
  try {
    const problem = await run();
    if (problem !== undefined) fail(`${kind}: ${problem}`);
  } catch (error) {
    fail(`${kind}: ${(error as Error).message}`);
  }
  latencies[kind].push(performance.now() - started);
};

const sendRequest = (kind: Kind, request: PlannedRequest, register: RegisterProcess): Promise<void> =>
  timed(kind, async () => {
    const sent = await sendPlanned(request, register, credentials);
    return sent.status >= 200 && sent.status < 300 ? undefined : `${request.name} ${sent.status} ${JSON.stringify(sent.body).slice(0, 300)}`;
  });

const sendQuery = (register: RegisterProcess, i: number): Promise<void> =>
  timed('query', async () => {
    const query = QUERIES[i % QUERIES.length]?.((i % residents) + 1) ?? '';
    const res = await fetch(`${register.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${PROCESS_TOKENS.analyst}` }, body: JSON.stringify({ query }),
    });
    const text = await res.text();
    return res.status === 200 && !text.includes('"errors"') ? undefined : `${res.status} ${text.slice(0, 300)}`;
  });

interface Sample { readonly seconds: number; readonly rssMiB: number; readonly lag: number }

const sample = async (register: RegisterProcess, started: number): Promise<Sample> => {
  const text = await (await fetch(`${register.url}/metrics`)).text();
  return {
    seconds: round((performance.now() - started) / 1000, 1),
    rssMiB: round((metricValue(text, 'process_resident_memory_bytes') ?? Number.NaN) / 2 ** 20, 1),
    lag: metricValue(text, 'register_projection_lag_positions') ?? Number.NaN,
  };
};

/** Least-squares slope of RSS over time, in MiB per minute. */
const slopePerMinute = (points: readonly Sample[]): number => {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, p) => s + p.seconds, 0) / n;
  const my = points.reduce((s, p) => s + p.rssMiB, 0) / n;
  const sxy = points.reduce((s, p) => s + (p.seconds - mx) * (p.rssMiB - my), 0);
  const sxx = points.reduce((s, p) => s + (p.seconds - mx) ** 2, 0);
  return sxx === 0 ? 0 : (sxy / sxx) * 60;
};

const summary = (kind: Kind) => {
  const sorted = Float64Array.from(latencies[kind]).sort();
  return { requests: sorted.length, p50Ms: round(percentile(sorted, 50), 1), p99Ms: round(percentile(sorted, 99), 1), maxMs: round(sorted.at(-1) ?? 0, 1) };
};

const main = async (): Promise<number> => {
  const dir = mkdtempSync(join(tmpdir(), 'register-soak-'));
  const register = await spawnRegister(processEnv(join(dir, 'data')));
  try {
    process.stderr.write(`soak: enrolling ${residents} residents\n`);
    const enrolStarted = performance.now();
    const enrolled = await driveChains(Array.from({ length: residents }, (_, i) => enrolment(i + 1)), register, credentials, 4);
    enrolled.refused.forEach((r) => fail(`enrolment: ${r}`));
    process.stderr.write(`soak: enrolled in ${round((performance.now() - enrolStarted) / 1000, 1)} s; waiting for the projector\n`);
    for (let lag = Number.NaN; lag !== 0; lag = (await sample(register, performance.now())).lag) await new Promise((r) => setTimeout(r, 200));

    const started = performance.now();
    const endAt = started + minutes * 60_000;
    const samples: Sample[] = [await sample(register, started)];
    const inFlight = new Set<Promise<void>>();
    const launch = (p: Promise<void>): void => { inFlight.add(p); void p.finally(() => inFlight.delete(p)); };
    let tickNo = 0;
    let fresh = residents;
    const counters = { command: 0, relay: 0, query: 0 };
    // Every 100 ms: the requests due by now at each fixed rate (open loop: a slow answer does not slow the load).
    while (performance.now() < endAt) {
      tickNo += 1;
      const elapsed = (performance.now() - started) / 1000;
      while (counters.command < commandRate * elapsed) {
        counters.command += 1;
        if (counters.command % 5 === 0) {
          fresh += 1;
          const chain = enrolment(fresh);
          launch((async () => { for (const request of chain) await sendRequest('command', request, register); })());
        } else launch(sendRequest('command', addressCommand((counters.command % residents) + 1, counters.command), register));
      }
      while (counters.relay < relayRate * elapsed) {
        counters.relay += 1;
        launch(sendRequest('relay', chiyodaRelay((counters.relay % residents) + 1, counters.relay), register));
      }
      while (counters.query < queryRate * elapsed) {
        counters.query += 1;
        launch(sendQuery(register, counters.query));
      }
      if (tickNo % 50 === 0) {
        const s = await sample(register, started);
        samples.push(s);
        process.stderr.write(`soak: ${s.seconds} s, rss ${s.rssMiB} MiB, lag ${s.lag}, in flight ${inFlight.size}, errors ${errorCount}\n`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    await Promise.all(inFlight);
    samples.push(await sample(register, started));
    // The heap and SQLite's page caches grow for a while after start; the trend is judged after that.
    const afterWarmup = samples.filter((s) => s.seconds >= warmup);
    const result = {
      machine: machineInfo(),
      minutes,
      ratesPerSecond: { commands: commandRate, relays: relayRate, queries: queryRate },
      residentsAtStart: residents,
      requests: { command: summary('command'), relay: summary('relay'), query: summary('query') },
      errors: errorCount,
      firstErrors: errors,
      rss: {
        startMiB: samples[0]?.rssMiB, endMiB: samples.at(-1)?.rssMiB, maxMiB: Math.max(...samples.map((s) => s.rssMiB)),
        slopeMiBPerMinute: round(slopePerMinute(samples), 2), afterWarmupSlopeMiBPerMinute: round(slopePerMinute(afterWarmup), 2), warmupSeconds: warmup, maxSlope,
      },
      projectionLag: { max: Math.max(...samples.map((s) => s.lag)), final: samples.at(-1)?.lag, maxAllowed: maxLag },
      samples,
    };
    mkdirSync(dirname(values.out), { recursive: true });
    writeFileSync(values.out, `${JSON.stringify(result, null, 2)}\n`);
    const exit = await stopRegister(register);
    const verdicts = [
      errorCount === 0 ? undefined : `${errorCount} errors, e.g. ${errors[0] ?? ''}`,
      result.rss.afterWarmupSlopeMiBPerMinute <= maxSlope ? undefined : `RSS grows ${result.rss.afterWarmupSlopeMiBPerMinute} MiB/min after the first ${warmup} s (limit ${maxSlope})`,
      result.projectionLag.max <= maxLag ? undefined : `projection lag reached ${result.projectionLag.max} positions (limit ${maxLag})`,
      exit.code === 0 ? undefined : `the register exited ${String(exit.code)} on SIGTERM`,
    ].filter((v) => v !== undefined);
    process.stdout.write(`soak: ${minutes} min, ${Object.values(counters).reduce((a, b) => a + b, 0)} requests, ${errorCount} errors, `
      + `RSS ${result.rss.startMiB}→${result.rss.endMiB} MiB (slope after warm-up ${result.rss.afterWarmupSlopeMiBPerMinute} MiB/min), max lag ${result.projectionLag.max} → ${values.out}\n`);
    verdicts.forEach((v) => process.stderr.write(`soak FAILED: ${v}\n`));
    return verdicts.length === 0 ? 0 : 1;
  } finally {
    if (register.child.exitCode === null) await stopRegister(register);
    rmSync(dir, { recursive: true, force: true });
  }
};

main().then((code) => { process.exitCode = code; }, (error: unknown) => { process.stderr.write(`soak: ${(error as Error).stack ?? String(error)}\n`); process.exitCode = 1; });
