import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { loadavg } from 'node:os';
import type { IsoDate } from '../events/values.js';
import { factsOfCommands } from '../services/register/demo/facts-of.js';
import { generatePopulation } from '../services/register/demo/population.js';
import { statusAt } from '../services/register/domain/status.js';
import { machineInfo, round } from './machine.js';

/**
 * `npm run bench:status`: calls of the status function `statusAt` (REG-2) per second over a fixed
 * sample of generated residents, their facts folded through `decide` as the command path does, at
 * several as-of dates. Writes bench/results/status-at.json. Measured, not asserted.
 */
const { values } = parseArgs({
  options: {
    residents: { type: 'string', default: '2000' },
    seed: { type: 'string', default: 'status-bench' },
    rounds: { type: 'string', default: '3' },
    out: { type: 'string', default: 'bench/results/status-at.json' },
  },
});
const residentCount = Number(values.residents);
const rounds = Number(values.rounds);
if (![residentCount, rounds].every((n) => Number.isInteger(n) && n > 0)) throw new Error('--residents and --rounds must be positive integers');

/** Before the window, in it (the decide path's dates), its end (rebuild, tick) and later ones (`resident(id)` for other dates). */
const AS_OF: readonly IsoDate[] = ['2024-03-01', '2025-06-30', '2026-11-20', '2028-01-15'];


const t0 = performance.now();
const sample = [...generatePopulation({ residents: residentCount, seed: values.seed })].map((r) => factsOfCommands(r.commands));
const prepareSeconds = (performance.now() - t0) / 1000;
const facts = sample.reduce((n, f) => n + f.length, 0);

interface Figure { readonly callsPerSecond: number; readonly callsPerCpuSecond: number; readonly perCallMicros: number }

const cpuMillis = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/**
 * One pass over every resident at one date; the best of `rounds` passes. Wall time and this process's
 * CPU time both: on a loaded machine the CPU figure is the one that compares runs.
 */
const measure = (asOf: IsoDate): Figure => {
  let bestWall = Infinity;
  let bestCpu = Infinity;
  let sink = 0;
  for (let round_ = 0; round_ < rounds; round_ += 1) {
    const wall = performance.now();
    const cpu = cpuMillis();
    // A fresh copy per call, as the rebuild and the projector pass: nothing cached per fact list carries over between calls.
    for (const f of sample) sink += statusAt([...f], { asOf }).obligations.length;
    bestCpu = Math.min(bestCpu, cpuMillis() - cpu);
    bestWall = Math.min(bestWall, performance.now() - wall);
  }
  if (sink < 0) throw new Error('unreachable');
  return {
    callsPerSecond: Math.round((sample.length * 1000) / bestWall),
    callsPerCpuSecond: Math.round((sample.length * 1000) / bestCpu),
    perCallMicros: round((bestWall * 1000) / sample.length, 1),
  };
};

const loadAtStart = loadavg();
measure('2026-11-20'); // warm-up: the JIT's tiers before any figure is kept
const byDate = Object.fromEntries(AS_OF.map((asOf) => [asOf, measure(asOf)]));
/** The harmonic mean over the dates: calls per second of a workload asking each date equally often. */
const harmonic = (pick: (f: Figure) => number): number =>
  Math.round(AS_OF.length / AS_OF.reduce((s, d) => s + 1 / pick(byDate[d] ?? { callsPerSecond: Infinity, callsPerCpuSecond: Infinity, perCallMicros: 0 }), 0));
const overall = harmonic((f) => f.callsPerSecond);
const overallCpu = harmonic((f) => f.callsPerCpuSecond);
const result = {
  benchmark: 'status-at', when: new Date().toISOString(), machine: machineInfo(),
  loadAverage: { start: loadAtStart.map((l) => round(l, 2)), end: loadavg().map((l) => round(l, 2)) },
  sample: { residents: sample.length, seed: values.seed, facts, factsPerResident: round(facts / sample.length, 1), prepareSeconds: round(prepareSeconds, 1) },
  rounds, callsPerSecond: overall, callsPerCpuSecond: overallCpu, byAsOf: byDate,
};
mkdirSync(dirname(values.out), { recursive: true });
writeFileSync(values.out, `${JSON.stringify(result, null, 2)}\n`);
console.log(`statusAt: ${overall} calls/s (${overallCpu} per CPU-second) over ${sample.length} residents (${result.sample.factsPerResident} facts each), load ${loadAtStart[0]?.toFixed(1)}`);
for (const [asOf, r] of Object.entries(byDate)) console.log(`  as of ${asOf}: ${r.callsPerSecond} calls/s (${r.callsPerCpuSecond} per CPU-second), ${r.perCallMicros} µs/call`);
