import { mkdirSync, mkdtempSync, readdirSync, rmSync, statfsSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectionDbPath } from '../../services/projections/runtime/projection-db.js';
import { dayAfter } from '../../services/register/domain/rules/calendar.js';
import { openSqliteEventStore } from '../../services/register/store/sqlite.js';
import { machineInfo, round } from '../machine.js';
import { BulkImportStateSchema, bulkImport, type BulkImportFigures, type PopulationSample } from './bulk-import.js';
import { clockTick, type TickFigures } from './clock-tick.js';
import { commandPath, type CommandPathFigures } from './command-path.js';
import { footprint, type FootprintFigures } from './footprint.js';
import { graphqlLoad, type GraphqlFigures } from './graphql-load.js';
import type { BenchOptions } from './options.js';
import { rebuild, type RebuildFigures } from './rebuild.js';
import { openState, type StateKeeper } from './state.js';
import { visibilityLag, type LagFigures } from './visibility-lag.js';

export interface NationalResults {
  readonly benchmark: 'national-scale register (issue 8)';
  readonly measuredAt: string;
  readonly machine: ReturnType<typeof machineInfo> & {
    readonly loadAverageAtStart: number[];
    readonly loadAverageAtEnd: number[];
    readonly diskFreeGiBAtStart: number;
  };
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
  /** Load average (1, 5, 15 min) at the end of each phase: the other work that shared the cores. */
  readonly loadAtEnd: Record<string, number[]>;
  /** Times each phase was started: 2 or more means the run was interrupted in it and the phase re-run from its start. */
  readonly attempts: Record<string, number>;
  /** When the run started (earlier than `measuredAt` by the whole run, and by the pauses of a resumed one). */
  readonly startedAt: string;
}

/**
 * The timed phases' writers take residents beyond the loaded population (at most 3.7 M): the command
 * path right after it, the others from fixed indexes; the generator's card numbers hold indexes < 6.25 M.
 * A phase re-run after an interruption takes the next slice, so it never repeats the commands of the
 * interrupted attempt (they would be idempotent replays, not work).
 */
const WRITER_INDEX = { lag: 5_000_000, graphql: 5_500_000, commandSlice: 200_000, writerSlice: 50_000 } as const;

/** Rough bytes on disk per event of the log and the read models together, for the warning before a run. */
const DISK_BYTES_PER_EVENT = 1_050;
const EVENTS_PER_RESIDENT = 16;

const load = (): number[] => loadavg().map((v) => round(v, 2));
const freeGiB = (dir: string): number => {
  const s = statfsSync(dir);
  return round((s.bavail * s.bsize) / 2 ** 30, 1);
};

type Log = (line: string) => void;

/** Runs a phase unless a previous run in the same data directory finished it; its figures go into the state. */
const phaseRunner = (keeper: StateKeeper, log: Log) => async <T>(name: string, work: (attempt: number) => Promise<T>): Promise<T> => {
  const { state } = keeper;
  if (name in state.phases) {
    log(`${name}: done in an earlier run (${state.wallSeconds[name] ?? '?'} s), figures kept`);
    return state.phases[name] as T;
  }
  const attempt = (state.attempts[name] ?? 0) + 1;
  state.attempts[name] = attempt;
  keeper.save();
  log(attempt === 1 ? `${name}…` : `${name}… (attempt ${attempt}, after an interruption)`);
  const t0 = performance.now();
  const result = await work(attempt);
  state.wallSeconds[name] = round((performance.now() - t0) / 1000, 1);
  state.loadAtEnd[name] = load();
  state.phases[name] = result;
  keeper.save();
  log(`${name}: ${state.wallSeconds[name]} s ${JSON.stringify(result, (key, value: unknown) => (key === 'sample' || key === 'eventMix' ? undefined : value)).slice(0, 400)}`);
  return result;
};

/** A progress line at most every `seconds`. */
const every = (seconds: number, log: Log) => {
  let last = 0;
  return (line: () => string): void => {
    if (performance.now() - last < seconds * 1000) return;
    last = performance.now();
    log(`  ${line()}`);
  };
};

const en = (n: number): string => n.toLocaleString('en');

/** Bytes of the files directly in `dir` (the databases and their WAL). */
const bytesIn = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile()).reduce((sum, e) => sum + statSync(join(dir, e.name)).size, 0);

/**
 * Runs phases (b), (a), (c), (f), (d), (e), (g). Without `dataDir`: in a fresh temporary directory,
 * removed afterwards. With it: the files and the progress stay there, and running again with the same
 * parameters resumes — finished phases are not run again, the bulk import continues after its last
 * committed batch, an interrupted phase starts over.
 */
export const runNationalBench = async (options: BenchOptions, log: Log = () => undefined): Promise<NationalResults> => {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'bench-national-'));
  mkdirSync(dataDir, { recursive: true });
  const keeper = openState(dataDir, { tier: options.tier, residents: options.residents, seed: options.seed, asOf: options.asOf },
    () => ({ startedAt: new Date().toISOString(), loadAverageAtStart: load() }), options.dataDir !== undefined);
  const { state } = keeper;
  const diskFreeGiBAtStart = freeGiB(dataDir);
  // A resumed run has written part of it already: what it still needs is the whole less the files there.
  const needGiB = round(Math.max(0, options.residents * EVENTS_PER_RESIDENT * DISK_BYTES_PER_EVENT - bytesIn(dataDir)) / 2 ** 30, 1);
  log(`data directory ${dataDir}: ${diskFreeGiBAtStart} GiB free, the run needs about ${needGiB} GiB more${needGiB > diskFreeGiBAtStart ? ' — NOT ENOUGH, expect it to fail for lack of space' : ''}`);
  if (Object.keys(state.attempts).length > 0) log(`resuming: phases done ${Object.keys(state.phases).join(', ') || 'none'}`);
  const phase = phaseRunner(keeper, log);
  const registerDb = join(dataDir, 'register.db');
  const projectionsDb = projectionDbPath(dataDir);
  const progress = every(10, log);
  const saved = BulkImportStateSchema.safeParse(state.bulkProgress);
  // The bulk load has a connection of its own with a large page cache (see `cacheSizeMiB`); every
  // later phase uses the store as `register start` opens it.
  const dropTemporary = (): void => {
    if (options.dataDir === undefined) rmSync(dataDir, { recursive: true, force: true });
  };
  const { figures: bulk, sample } = await phase('bulk import', async () => {
    if (saved.success) log(`  resuming the bulk import after ${en(saved.data.residentsDone)} residents`);
    const bulkStore = openSqliteEventStore({ file: registerDb, cacheSizeMiB: options.importCacheMiB });
    try {
      const { figures, sample: kept } = await bulkImport(bulkStore, {
        residents: options.residents, seed: options.seed, batch: options.importBatch,
        ...(options.importWorkers === undefined ? {} : { workers: options.importWorkers }),
        ...(saved.success ? { resume: saved.data } : {}),
        onBatch: (progressNow) => {
          state.bulkProgress = progressNow;
          keeper.save();
        },
      }, (residents, events) => progress(() => `${en(residents)} residents, ${en(events)} events`));
      return { figures, sample: kept };
    } finally {
      await bulkStore.close();
    }
  }).catch((error: unknown) => {
    dropTemporary();
    throw error;
  }) as { figures: BulkImportFigures; sample: PopulationSample };
  const store = openSqliteEventStore({ file: registerDb });
  try {
    const command = await phase('command path', (attempt) =>
      commandPath(store, { seed: options.seed, firstIndex: options.residents + (attempt - 1) * WRITER_INDEX.commandSlice, seconds: options.commandSeconds }));
    const rebuilt = await phase('rebuild', () => rebuild(store, projectionsDb, options.asOf, {
      cacheSizeMiB: options.rebuildCacheMiB, ...(options.rebuildWorkers === undefined ? {} : { workers: options.rebuildWorkers }),
    }, (position, head) =>
      progress(() => `rebuilt to position ${en(position)} of ${en(head)}`)));
    // The read models are as of `asOf` (c); the daily tick is the next midnight's, as `register start` runs it.
    const tickDay = dayAfter(options.asOf);
    const ticked = await phase('clock tick', () => clockTick(store, { asOf: tickDay, selection: options.tick, projectionsDb }, (examined) =>
      progress(() => `${en(examined)} residents examined`)));
    const lag = await phase('visibility lag', (attempt) => visibilityLag(store, projectionsDb, {
      today: tickDay, seed: options.seed, firstIndex: WRITER_INDEX.lag + (attempt - 1) * WRITER_INDEX.writerSlice, rate: options.lagRate, seconds: options.lagSeconds,
    }));
    const graphql = !options.graphql ? null : await phase('graphql', (attempt) => graphqlLoad(store, dataDir, sample, {
      seed: options.seed, firstIndex: WRITER_INDEX.graphql + (attempt - 1) * WRITER_INDEX.writerSlice, rate: options.queryRate, seconds: options.querySeconds, writeRate: options.writeRate,
    }));
    const head = await store.headPosition();
    return {
      benchmark: 'national-scale register (issue 8)',
      measuredAt: new Date().toISOString(),
      startedAt: state.startedAt,
      machine: { ...machineInfo(), loadAverageAtStart: state.loadAverageAtStart, loadAverageAtEnd: load(), diskFreeGiBAtStart },
      parameters: options,
      phases: {
        commandPath: command, bulkImport: bulk, rebuild: rebuilt, visibilityLag: lag, graphql, clockTick: ticked,
        footprint: footprint(registerDb, projectionsDb, head),
      },
      wallSeconds: state.wallSeconds,
      loadAtEnd: state.loadAtEnd,
      attempts: state.attempts,
    };
  } finally {
    await store.close();
    dropTemporary();
  }
};
