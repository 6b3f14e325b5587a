import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { metricValue, PROCESS_TOKENS, processEnv, spawnRegister, stopRegister, type RegisterProcess } from '../testing/register-process.js';
import { addressCommand, cardNumberOf, chiyodaRelay, driveChains, enrolment, residentIdOf, sendPlanned, type PlannedRequest } from '../testing/workload.js';
import { machineInfo, percentile, round } from './machine.js';

/**
 * `npm run soak -- --minutes 3`: sustained mixed load (issue 9.5) on `register start` as a child
 * process — commands, municipal relays and GraphQL queries at fixed rates. Every 5 s it has the
 * child run a full garbage collection (bench/gc-probe.ts, preloaded) and samples the RSS and JS heap
 * left after it, and the projection lag from /metrics. Writes bench/results/soak.json and exits 1 on
 * any error, on a JS heap trend above --max-heap-slope (MiB per minute, least squares over the
 * samples after --warmup seconds), an RSS above --max-rss MiB, or a projection lag above --max-lag.
 * RSS is held to a ceiling, not a slope: after GC it still climbs for minutes while SQLite's page
 * caches (up to 16 MiB per connection) fill with the growing files. Whether it then stays is open: a
 * 30-minute run still climbed 2.3 MiB/min while the heap had levelled off (README, "Sustained load").
 */
const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '3' },
    commands: { type: 'string', default: '10' },
    relays: { type: 'string', default: '20' },
    queries: { type: 'string', default: '20' },
    residents: { type: 'string', default: '200' },
    'max-rss': { type: 'string', default: '400' },
    'max-heap-slope': { type: 'string', default: '4' },
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
const [minutes, commandRate, relayRate, queryRate, residents, maxRss, maxHeapSlope, maxLag, warmup] =
  (['minutes', 'commands', 'relays', 'queries', 'residents', 'max-rss', 'max-heap-slope', 'max-lag', 'warmup'] as const)
    .map(numberOf) as [number, number, number, number, number, number, number, number, number];

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

/** Memory is what a full collection leaves (the probe's answer); RSS at a random moment rides the heap's saw-tooth. */
interface Sample { readonly seconds: number; readonly rssMiB: number; readonly heapMiB: number; readonly lag: number }

const GC_PROBE = fileURLToPath(new URL('./gc-probe.js', import.meta.url));
let probesSent = 0;

/** Signals the child's probe and waits for its line: RSS and heap used right after a full GC, in bytes. */
const memoryAfterGc = async (register: RegisterProcess): Promise<{ rssBytes: number; heapUsedBytes: number }> => {
  probesSent += 1;
  const expected = probesSent;
  register.child.kill('SIGUSR2');
  const deadline = performance.now() + 10_000;
  while (performance.now() < deadline) {
    for (let i = register.lines.length - 1; i >= 0; i -= 1) {
      const line = register.lines[i] ?? '';
      if (!line.startsWith('{"gcProbe":')) continue;
      const probe = JSON.parse(line) as { gcProbe: number; rssBytes: number; heapUsedBytes: number }; // our own probe's line
      if (probe.gcProbe === expected) return probe;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`the GC probe did not answer signal ${expected} within 10 s (is bench/gc-probe.js preloaded?)`);
};

const lagOf = async (register: RegisterProcess): Promise<number> =>
  metricValue(await (await fetch(`${register.url}/metrics`)).text(), 'register_projection_lag_positions') ?? Number.NaN;

const sample = async (register: RegisterProcess, started: number): Promise<Sample> => {
  const memory = await memoryAfterGc(register);
  return {
    seconds: round((performance.now() - started) / 1000, 1),
    rssMiB: round(memory.rssBytes / 2 ** 20, 1),
    heapMiB: round(memory.heapUsedBytes / 2 ** 20, 1),
    lag: await lagOf(register),
  };
};

/** Least-squares slope of one memory figure over time, in MiB per minute. */
const slopePerMinute = (points: readonly Sample[], figure: 'rssMiB' | 'heapMiB'): number => {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, p) => s + p.seconds, 0) / n;
  const my = points.reduce((s, p) => s + p[figure], 0) / n;
  const sxy = points.reduce((s, p) => s + (p.seconds - mx) * (p[figure] - my), 0);
  const sxx = points.reduce((s, p) => s + (p.seconds - mx) ** 2, 0);
  return sxx === 0 ? 0 : (sxy / sxx) * 60;
};

const trend = (samples: readonly Sample[], afterWarmup: readonly Sample[], figure: 'rssMiB' | 'heapMiB') => ({
  startMiB: samples[0]?.[figure], endMiB: samples.at(-1)?.[figure], maxMiB: Math.max(...samples.map((s) => s[figure])),
  slopeMiBPerMinute: round(slopePerMinute(samples, figure), 2), afterWarmupSlopeMiBPerMinute: round(slopePerMinute(afterWarmup, figure), 2),
  warmupSeconds: warmup,
});

const summary = (kind: Kind) => {
  const sorted = Float64Array.from(latencies[kind]).sort();
  return { requests: sorted.length, p50Ms: round(percentile(sorted, 50), 1), p99Ms: round(percentile(sorted, 99), 1), maxMs: round(sorted.at(-1) ?? 0, 1) };
};

const main = async (): Promise<number> => {
  const dir = mkdtempSync(join(tmpdir(), 'register-soak-'));
  const register = await spawnRegister(processEnv(join(dir, 'data')), 30_000, { nodeArgs: ['--import', GC_PROBE] });
  try {
    process.stderr.write(`soak: enrolling ${residents} residents\n`);
    const enrolStarted = performance.now();
    const enrolled = await driveChains(Array.from({ length: residents }, (_, i) => enrolment(i + 1)), register, credentials, 4);
    enrolled.refused.forEach((r) => fail(`enrolment: ${r}`));
    process.stderr.write(`soak: enrolled in ${round((performance.now() - enrolStarted) / 1000, 1)} s; waiting for the projector\n`);
    for (let lag = Number.NaN; lag !== 0; lag = await lagOf(register)) await new Promise((r) => setTimeout(r, 200));

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
        process.stderr.write(`soak: ${s.seconds} s, after GC rss ${s.rssMiB} MiB heap ${s.heapMiB} MiB, lag ${s.lag}, in flight ${inFlight.size}, errors ${errorCount}\n`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    await Promise.all(inFlight);
    samples.push(await sample(register, started));
    // The bounded caches (parsed facts, SQLite pages, JIT code) fill for a while after start; the trend is judged after that.
    const afterWarmup = samples.filter((s) => s.seconds >= warmup);
    const result = {
      machine: machineInfo(),
      minutes,
      ratesPerSecond: { commands: commandRate, relays: relayRate, queries: queryRate },
      residentsAtStart: residents,
      requests: { command: summary('command'), relay: summary('relay'), query: summary('query') },
      errors: errorCount,
      firstErrors: errors,
      rss: { ...trend(samples, afterWarmup, 'rssMiB'), maxAllowedMiB: maxRss },
      heap: { ...trend(samples, afterWarmup, 'heapMiB'), maxSlope: maxHeapSlope },
      memoryMeasured: 'after a full GC in the register (bench/gc-probe.ts), every 5 s',
      projectionLag: { max: Math.max(...samples.map((s) => s.lag)), final: samples.at(-1)?.lag, maxAllowed: maxLag },
      samples,
    };
    mkdirSync(dirname(values.out), { recursive: true });
    writeFileSync(values.out, `${JSON.stringify(result, null, 2)}\n`);
    const exit = await stopRegister(register);
    const verdicts = [
      errorCount === 0 ? undefined : `${errorCount} errors, e.g. ${errors[0] ?? ''}`,
      result.rss.maxMiB <= maxRss ? undefined : `RSS after GC reached ${result.rss.maxMiB} MiB (limit ${maxRss})`,
      result.heap.afterWarmupSlopeMiBPerMinute <= maxHeapSlope ? undefined : `the JS heap after GC grows ${result.heap.afterWarmupSlopeMiBPerMinute} MiB/min after the first ${warmup} s (limit ${maxHeapSlope})`,
      result.projectionLag.max <= maxLag ? undefined : `projection lag reached ${result.projectionLag.max} positions (limit ${maxLag})`,
      exit.code === 0 ? undefined : `the register exited ${String(exit.code)} on SIGTERM`,
    ].filter((v) => v !== undefined);
    process.stdout.write(`soak: ${minutes} min, ${Object.values(counters).reduce((a, b) => a + b, 0)} requests, ${errorCount} errors, `
      + `after GC: RSS ${result.rss.startMiB}→${result.rss.endMiB} MiB (${result.rss.afterWarmupSlopeMiBPerMinute} MiB/min after warm-up), `
      + `heap ${result.heap.startMiB}→${result.heap.endMiB} MiB (${result.heap.afterWarmupSlopeMiBPerMinute} MiB/min), max lag ${result.projectionLag.max} → ${values.out}\n`);
    verdicts.forEach((v) => process.stderr.write(`soak FAILED: ${v}\n`));
    return verdicts.length === 0 ? 0 : 1;
  } finally {
    if (register.child.exitCode === null) await stopRegister(register);
    rmSync(dir, { recursive: true, force: true });
  }
};

main().then((code) => { process.exitCode = code; }, (error: unknown) => { process.stderr.write(`soak: ${(error as Error).stack ?? String(error)}\n`); process.exitCode = 1; });
