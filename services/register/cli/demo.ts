import { loadConfig } from '../config.js';
import { prepareDataDir } from '../data-dir.js';
import { generatePopulation } from '../demo/population.js';
import { runDemo, type DemoResult } from '../demo/run-demo.js';
import { openStore } from '../store/open.js';
import type { CliCommand, CliIo } from './command.js';
import { COMMON_ENV_FLAGS, COMMON_OPTIONS, COMMON_USAGE } from './common-flags.js';
import { MAX_DEMO_RESIDENTS, parseDemoFlags } from './demo-flags.js';
import { demoProgress } from './demo-progress.js';

const report = (io: CliIo, result: DemoResult, seconds: number): void => {
  io.stdout(`residents: ${result.residents}\ncommands: ${result.commands}\nevents appended: ${result.eventsAppended}\n`);
  io.stdout(`seconds: ${seconds.toFixed(2)}\nevents/s: ${(result.eventsAppended / Math.max(seconds, 1e-9)).toFixed(1)}\n`);
  if (result.rejected === 0) return;
  io.stderr(`register: the register refused ${result.rejected} generated command(s) (a generator bug); the first:\n`);
  for (const r of result.rejections)
    io.stderr(`  resident ${r.residentIndex} (${r.residentId}) ${r.commandType} [${r.idempotencyKey}] at ${r.recordedAt}: ${r.code} ${r.message}\n`);
};

/**
 * `register demo`: a synthetic population executed through the command path into the embedded store
 * (the same file `register start` serves, under the data directory). Same seed, same population:
 * a re-run appends nothing.
 */
export const demoCommand: CliCommand = {
  name: 'demo',
  summary: 'fill the register with a synthetic population through the command path',
  usage: `  --residents <n>       how many residents, 1 to ${MAX_DEMO_RESIDENTS.toLocaleString('en')} (required)
  --seed <s>            names the population; the same seed gives the same people (default 1)
  --until <date>        last day of their history, YYYY-MM-DD (default 2026-11-20)
${COMMON_USAGE}`,
  options: { ...COMMON_OPTIONS, residents: { type: 'string' }, seed: { type: 'string' }, until: { type: 'string' } },
  envFlags: COMMON_ENV_FLAGS,
  run: async (invocation, io) => {
    const flags = parseDemoFlags(invocation);
    const config = loadConfig(invocation.env);
    prepareDataDir(config.dataDir);
    const store = openStore(config); // the store main.ts opens (REGISTER_STORE)
    const progress = demoProgress(flags.residents, process.stderr);
    const started = performance.now();
    try {
      const result = await runDemo(generatePopulation(flags), { store, onProgress: (counts) => progress.update(counts) });
      progress.stop();
      report(io, result, (performance.now() - started) / 1000);
      return result.rejected === 0 ? 0 : 1;
    } finally {
      await store.close();
    }
  },
};
