import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * What a run kept in `--data-dir` has done so far, so that a tier-L run (hours) interrupted by a
 * reboot or a closed terminal continues where it stopped instead of starting over: the figures of
 * every finished phase, the bulk import's progress, and how often each phase was started.
 */
const BenchStateSchema = z.object({
  version: z.literal(1),
  /** The run this directory belongs to: a directory is never reused for other parameters. */
  run: z.object({ tier: z.string(), residents: z.number(), seed: z.string(), asOf: z.string() }),
  startedAt: z.string(),
  loadAverageAtStart: z.array(z.number()),
  /** Figures of the finished phases, by phase name (each phase's own figures type). */
  phases: z.record(z.string(), z.unknown()),
  wallSeconds: z.record(z.string(), z.number()),
  /** Load average (1, 5, 15 min) when each phase ended: how much other work shared the cores meanwhile. */
  loadAtEnd: z.record(z.string(), z.array(z.number())).default({}),
  /** Times each phase was started; more than one means an earlier attempt was interrupted and the phase re-run. */
  attempts: z.record(z.string(), z.number()),
  /** The bulk import's cumulative progress after its last committed batch. */
  bulkProgress: z.unknown().optional(),
});
export type BenchState = z.infer<typeof BenchStateSchema>;
export type RunKey = BenchState['run'];

export class BenchStateMismatchError extends Error {
  override readonly name = 'BenchStateMismatchError';
}

const FILE = 'bench-state.json';

export interface StateKeeper {
  readonly state: BenchState;
  /** Writes the state (atomically: a crash leaves the old file or the new one, never half of one). */
  save(): void;
}

const sameRun = (a: RunKey, b: RunKey): boolean => a.tier === b.tier && a.residents === b.residents && a.seed === b.seed && a.asOf === b.asOf;

/**
 * The state of the run in `dir` (`persist` true), or a fresh one kept in memory only (a throwaway
 * temporary directory). A directory holding another run's state is refused rather than mixed.
 */
export const openState = (dir: string, run: RunKey, fresh: () => Pick<BenchState, 'startedAt' | 'loadAverageAtStart'>, persist: boolean): StateKeeper => {
  const file = join(dir, FILE);
  let state: BenchState = { version: 1, run, ...fresh(), phases: {}, wallSeconds: {}, loadAtEnd: {}, attempts: {} };
  if (persist && existsSync(file)) {
    const parsed = BenchStateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) throw new BenchStateMismatchError(`${file} is not a benchmark state file: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    if (!sameRun(parsed.data.run, run))
      throw new BenchStateMismatchError(`${dir} holds the run ${JSON.stringify(parsed.data.run)}, not ${JSON.stringify(run)}: use another --data-dir or remove it`);
    state = parsed.data;
  }
  return {
    state,
    save: () => {
      if (!persist) return;
      mkdirSync(dir, { recursive: true });
      writeFileSync(`${file}.tmp`, `${JSON.stringify(state, null, 2)}\n`);
      renameSync(`${file}.tmp`, file);
    },
  };
};

/** The legal date of the run kept in `dir`, if any: a resumed run keeps its date even on another day. */
export const savedAsOf = (dir: string): string | undefined => {
  const file = join(dir, FILE);
  if (!existsSync(file)) return undefined;
  const parsed = BenchStateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  return parsed.success ? parsed.data.run.asOf : undefined;
};
