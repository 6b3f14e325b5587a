import { z } from 'zod';
import { legalDateOf } from '../../services/register/domain/rules/calendar.js';

/** The tiers of issue 8: residents, and how long the timed phases run at that size. */
export const TIERS = {
  xs: { residents: 10_000, commandSeconds: 5, lagSeconds: 5, queryRate: 200, querySeconds: 4, writeRate: 20 },
  s: { residents: 370_000, commandSeconds: 20, lagSeconds: 20, queryRate: 1000, querySeconds: 15, writeRate: 50 },
  m: { residents: 1_000_000, commandSeconds: 30, lagSeconds: 30, queryRate: 1000, querySeconds: 20, writeRate: 50 },
  l: { residents: 3_700_000, commandSeconds: 30, lagSeconds: 30, queryRate: 1000, querySeconds: 30, writeRate: 50 },
} as const;
export type Tier = keyof typeof TIERS;

const positiveInt = (flag: string) => z.coerce.number({ error: `--${flag} must be a number` }).int(`--${flag} must be a whole number`).positive(`--${flag} must be positive`);
const positive = (flag: string) => z.coerce.number({ error: `--${flag} must be a number` }).positive(`--${flag} must be positive`);

/** What one run does; every timed figure has its own knob so that the harness test can run small. */
export const BenchOptionsSchema = z.object({
  tier: z.enum(['xs', 's', 'm', 'l'], { error: '--tier must be xs, s, m or l' }),
  residents: positiveInt('residents'),
  seed: z.string().min(1, '--seed must not be empty'),
  outDir: z.string().min(1, '--out must not be empty'),
  /** The legal date the read models are computed as of and the clock ticks to. */
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '--as-of must be YYYY-MM-DD'),
  commandSeconds: positive('command-seconds'),
  lagSeconds: positive('lag-seconds'),
  lagRate: positive('lag-rate'),
  queryRate: positive('query-rate'),
  querySeconds: positive('query-seconds'),
  writeRate: positive('write-rate'),
  /** Residents decided per bulk transaction. */
  importBatch: positiveInt('import-batch'),
  /** SQLite page cache of the bulk import's connection, MiB (the `event_id` index of a large log wants it in memory). */
  importCacheMiB: positive('import-cache-mib'),
  /** SQLite page cache of the rebuild's new projections.db, MiB (its resident-keyed indexes are written at random places). */
  rebuildCacheMiB: positive('rebuild-cache-mib'),
  /** Worker threads computing the rebuild's rows (0: on the main thread); absent: the rebuild's default (cores − 1). */
  rebuildWorkers: z.coerce.number({ error: '--rebuild-workers must be a number' }).int('--rebuild-workers must be a whole number').min(0, '--rebuild-workers must not be negative').optional(),
  /** Worker threads deciding the bulk import's batches (0: on the main thread); absent: one per core. */
  importWorkers: z.coerce.number({ error: '--import-workers must be a number' }).int('--import-workers must be a whole number').min(0, '--import-workers must not be negative').optional(),
  /** Skip the GraphQL phase (it needs `npm run build`: the register runs as a child process). */
  graphql: z.boolean(),
  /** Phase (f): the register's daily tick over the residents due (`due`), or every resident in the log (`all`). */
  tick: z.enum(['due', 'all'], { error: '--tick must be due or all' }),
  /** Where the run keeps its files and its progress; kept afterwards, and a rerun resumes it. Absent: a temporary directory, removed. */
  dataDir: z.string().min(1, '--data-dir must not be empty').optional(),
});
export type BenchOptions = z.infer<typeof BenchOptionsSchema>;

/** Defaults for a tier, with the flags given on top (strings from parseArgs). */
export const benchOptions = (flags: Record<string, string | boolean | undefined>): BenchOptions => {
  const tier = z.enum(['xs', 's', 'm', 'l'], { error: '--tier must be xs, s, m or l' }).parse(flags.tier ?? 'xs');
  const t = TIERS[tier];
  const pick = (flag: string, fallback: string | number | boolean) => flags[flag] ?? fallback;
  return BenchOptionsSchema.parse({
    tier,
    residents: pick('residents', t.residents),
    seed: pick('seed', 'bench'),
    outDir: pick('out', 'bench/results'),
    asOf: pick('as-of', legalDateOf(new Date().toISOString())),
    commandSeconds: pick('command-seconds', t.commandSeconds),
    lagSeconds: pick('lag-seconds', t.lagSeconds),
    lagRate: pick('lag-rate', 100),
    queryRate: pick('query-rate', t.queryRate),
    querySeconds: pick('query-seconds', t.querySeconds),
    writeRate: pick('write-rate', t.writeRate),
    importBatch: pick('import-batch', 500),
    importCacheMiB: pick('import-cache-mib', 4096),
    rebuildCacheMiB: pick('rebuild-cache-mib', 4096),
    graphql: flags['no-graphql'] !== true,
    tick: pick('tick', 'due'),
    ...(typeof flags['data-dir'] === 'string' ? { dataDir: flags['data-dir'] } : {}),
    ...(flags['import-workers'] === undefined ? {} : { importWorkers: flags['import-workers'] }),
    ...(flags['rebuild-workers'] === undefined ? {} : { rebuildWorkers: flags['rebuild-workers'] }),
  });
};
