import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectionDbPath } from '../../services/projections/runtime/projection-db.js';
import { openSqliteEventStore } from '../../services/register/store/sqlite.js';
import { machineInfo, round } from '../machine.js';
import { bulkImport, type BulkImportFigures } from './bulk-import.js';
import { clockTick, type TickFigures } from './clock-tick.js';
import { commandPath, type CommandPathFigures } from './command-path.js';
import { footprint, type FootprintFigures } from './footprint.js';
import { graphqlLoad, type GraphqlFigures } from './graphql-load.js';
import type { BenchOptions } from './options.js';
import { rebuild, type RebuildFigures } from './rebuild.js';
import { visibilityLag, type LagFigures } from './visibility-lag.js';

export interface NationalResults {
  readonly benchmark: 'national-scale register (issue 8)';
  readonly measuredAt: string;
  readonly machine: ReturnType<typeof machineInfo> & { readonly loadAverageAtStart: number[]; readonly loadAverageAtEnd: number[] };
  readonly parameters: BenchOptions;
  readonly phases: {
    readonly commandPath: CommandPathFigures;
    readonly bulkImport: BulkImportFigures;
    readonly rebuild: RebuildFigures;
    readonly visibilityLag: LagFigures;
    readonly graphql: GraphqlFigures | null;
    readonly clockTick: TickFigures;
    readonly footprint: FootprintFigures;
  };
  /** Seconds each phase took on the wall clock, in the order run. */
  readonly wallSeconds: Record<string, number>;
}

/**
 * The timed phases' writers take residents beyond the loaded population (at most 3.7 M): the command
 * path right after it, the others from fixed indexes; the generator's card numbers hold indexes < 6.25 M.
 */
const WRITER_INDEX = { lag: 5_000_000, graphql: 5_500_000 } as const;

const load = (): number[] => loadavg().map((v) => round(v, 2));

/** Runs phases (b), (a), (c), (f), (d), (e), (g) on a fresh data directory (removed afterwards). */
export const runNationalBench = async (options: BenchOptions, log: (line: string) => void = () => undefined): Promise<NationalResults> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-national-'));
  const wallSeconds: Record<string, number> = {};
  const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    log(`${name}…`);
    const t0 = performance.now();
    const result = await work();
    wallSeconds[name] = round((performance.now() - t0) / 1000, 1);
    log(`${name}: ${wallSeconds[name]} s ${JSON.stringify(result, (key, value: unknown) => (key === 'sample' || key === 'eventMix' ? undefined : value)).slice(0, 400)}`);
    return result;
  };
  const loadAverageAtStart = load();
  const registerDb = join(dataDir, 'register.db');
  const store = openSqliteEventStore({ file: registerDb });
  try {
    let lastReport = 0;
    const { figures: bulk, sample } = await timed('bulk import', () => bulkImport(store, { residents: options.residents, seed: options.seed, batch: options.importBatch }, (residents, events) => {
      if (performance.now() - lastReport < 5000) return;
      lastReport = performance.now();
      log(`  ${residents.toLocaleString('en')} residents, ${events.toLocaleString('en')} events`);
    }));
    const first = options.residents;
    const command = await timed('command path', () => commandPath(store, { seed: options.seed, firstIndex: first, seconds: options.commandSeconds }));
    const rebuilt = await timed('rebuild', () => rebuild(store, projectionDbPath(dataDir), options.asOf));
    const ticked = await timed('clock tick', () => clockTick(store, options.asOf));
    const lag = await timed('visibility lag', () => visibilityLag(store, projectionDbPath(dataDir), {
      today: options.asOf, seed: options.seed, firstIndex: WRITER_INDEX.lag, rate: options.lagRate, seconds: options.lagSeconds,
    }));
    const graphql = !options.graphql ? null : await timed('graphql', () => graphqlLoad(store, dataDir, sample, {
      seed: options.seed, firstIndex: WRITER_INDEX.graphql, rate: options.queryRate, seconds: options.querySeconds, writeRate: options.writeRate,
    }));
    const head = await store.headPosition();
    return {
      benchmark: 'national-scale register (issue 8)',
      measuredAt: new Date().toISOString(),
      machine: { ...machineInfo(), loadAverageAtStart, loadAverageAtEnd: load() },
      parameters: options,
      phases: {
        commandPath: command, bulkImport: bulk, rebuild: rebuilt, visibilityLag: lag, graphql, clockTick: ticked,
        footprint: footprint(registerDb, projectionDbPath(dataDir), head),
      },
      wallSeconds,
    };
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
};
