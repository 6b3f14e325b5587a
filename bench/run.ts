import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchOptions } from './national/options.js';
import { runNationalBench } from './national/run.js';
import { savedAsOf } from './national/state.js';
import { renderSummary } from './national/summary.js';
import { checkTargets } from './national/targets.js';

/**
 * `npm run bench -- --tier xs|s|m|l`: the national-scale benchmark of issue 8 on the embedded default.
 * Writes bench/results/<tier>.json and <tier>.md. Figures are measured, never asserted.
 */
const { values } = parseArgs({
  options: {
    tier: { type: 'string' }, residents: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' }, 'as-of': { type: 'string' },
    'command-seconds': { type: 'string' }, 'lag-seconds': { type: 'string' }, 'lag-rate': { type: 'string' },
    'query-rate': { type: 'string' }, 'query-seconds': { type: 'string' }, 'write-rate': { type: 'string' },
    'import-batch': { type: 'string' }, 'no-graphql': { type: 'boolean' }, tick: { type: 'string' }, 'data-dir': { type: 'string' }, 'import-workers': { type: 'string' }, 'rebuild-workers': { type: 'string' }, 'import-cache-mib': { type: 'string' }, 'rebuild-cache-mib': { type: 'string' },
  },
});
// A resumed run keeps the legal date it started with, even when resumed on a later day.
const keptAsOf = values['as-of'] === undefined && values['data-dir'] !== undefined ? savedAsOf(values['data-dir']) : undefined;
const options = benchOptions(keptAsOf === undefined ? values : { ...values, 'as-of': keptAsOf });
// Ctrl-C: exit normally (so that --cpu-prof still writes its profile); a kept run resumes from its saved progress.
process.once('SIGINT', () => {
  process.stderr.write(options.dataDir === undefined
    ? '\ninterrupted\n'
    : `\ninterrupted: the progress is kept in ${options.dataDir}; run the same command again to resume\n`);
  process.exit(130);
});
const results = await runNationalBench(options, (line) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`));
const checks = checkTargets(results);
mkdirSync(options.outDir, { recursive: true });
const base = join(options.outDir, options.residents === Number(values.residents) ? `${options.tier}-${options.residents}` : options.tier);
writeFileSync(`${base}.json`, `${JSON.stringify({ ...results, targets: checks }, null, 2)}\n`);
writeFileSync(`${base}.md`, renderSummary(results, checks));
process.stdout.write(`${renderSummary(results, checks)}\nwritten to ${base}.json and ${base}.md\n`);
