import { round } from '../machine.js';
import type { NationalResults } from './run.js';
import { TIERS } from './options.js';

/** One goal of issue 8 §3 (tier L on 2 cores) against what this run measured. */
export interface TargetCheck {
  readonly figure: string;
  readonly target: string;
  readonly measured: string;
  /** Tier L extrapolated linearly by population where the figure grows with it (basis in `basis`). */
  readonly atTierL: string | null;
  readonly met: boolean;
  /** How far off: the factor by which the figure must improve (1 when met). */
  readonly gapFactor: number;
  readonly basis: string;
}

const L = TIERS.l.residents;
const fmt = (n: number, unit: string): string => `${n.toLocaleString('en', { maximumFractionDigits: 2 })} ${unit}`;

const atLeast = (figure: string, measured: number, target: number, unit: string, basis: string): TargetCheck => ({
  figure, target: `≥ ${fmt(target, unit)}`, measured: fmt(measured, unit), atTierL: null, met: measured >= target,
  gapFactor: measured >= target ? 1 : round(target / Math.max(measured, 1e-9), 1), basis,
});

const atMost = (figure: string, measured: number, target: number, unit: string, basis: string, atTierL: number | null = null): TargetCheck => {
  const judged = atTierL ?? measured;
  return {
    figure, target: `≤ ${fmt(target, unit)}`, measured: fmt(measured, unit), atTierL: atTierL === null ? null : fmt(round(atTierL, 1), unit),
    met: judged <= target, gapFactor: judged <= target ? 1 : round(judged / target, 1), basis,
  };
};

/** Every target of issue 8 §3 judged on this run; size-dependent ones extrapolated to tier L. */
export const checkTargets = (results: NationalResults): TargetCheck[] => {
  const { phases } = results;
  const scale = L / results.parameters.residents;
  const lEvents = phases.bulkImport.eventsPerResident * L;
  const checks: TargetCheck[] = [
    atLeast('command path, commands/s', phases.commandPath.commandsPerSecond, 5000, 'commands/s', 'measured at this size; one writer'),
    atMost('command path, p99', phases.commandPath.latencyMs.p99, 2, 'ms', 'measured at this size'),
    atLeast('bulk import, events/s (decide + append)', phases.bulkImport.eventsPerSecond, 150_000, 'events/s', 'measured at this size; decide-bound, and the append alone slows as the log\'s unique indexes outgrow the page cache (see appendEventsPerSecond)'),
    atMost('full rebuild, total time', phases.rebuild.seconds, 180, 's', `time × ${round(lEvents / Math.max(1, phases.rebuild.events), 1)} (tier L ≈ ${fmt(Math.round(lEvents), 'events')} at this run's rate)`, phases.rebuild.seconds * (lEvents / Math.max(1, phases.rebuild.events))),
    atMost('visibility lag p99 at 100 events/s', phases.visibilityLag.lagMs.p99, 20, 'ms', 'measured at this size'),
    atMost('clock tick over the population', phases.clockTick.seconds, 30, 's', `time × ${round(scale, 1)} (residents)`, phases.clockTick.seconds * scale),
  ];
  const graphql = phases.graphql;
  if (graphql !== null) {
    const resident = graphql.queries['resident(id)'];
    const lapses = graphql.queries.addressLapses;
    const rate = `at ${graphql.targetRate} req/s offered, with ${graphql.writes.commandsPerSecond} commands/s written`;
    if (resident !== undefined) {
      checks.push(atMost('resident(id) p50', resident.p50Ms, 1, 'ms', rate), atMost('resident(id) p99', resident.p99Ms, 5, 'ms', rate));
    }
    if (lapses !== undefined) checks.push(atMost('addressLapses page p99', lapses.p99Ms, 50, 'ms', rate));
    checks.push(atMost('serving RSS (register start), peak', graphql.servingRssMiB.peak * 1.048576, 400, 'MB', 'sampled every second during (e); grows with the read models kept in SQLite page cache, not with the population'));
  }
  return checks;
};
