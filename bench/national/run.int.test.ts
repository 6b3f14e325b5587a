import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { benchOptions } from './options.js';
import { runNationalBench } from './run.js';
import { renderSummary } from './summary.js';
import { BenchStateMismatchError } from './state.js';
import { checkTargets } from './targets.js';

// Keeps the harness from rotting: every phase at a tiny size with short durations. No figure is
// asserted (performance is measured by `npm run bench`, never by tests), only that each is there and
// well-formed. Phase (e) runs `register start` compiled: `npm run build` first (npm test does).
const out = mkdtempSync(join(tmpdir(), 'bench-national-test-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const finite = (value: number): boolean => Number.isFinite(value) && value >= 0;

describe('npm run bench (national-scale harness) at 150 residents', () => {
  it('runs phases (a) to (g) and produces well-formed figures, targets and a summary', async () => {
    const options = benchOptions({
      tier: 'xs', residents: '150', out, 'command-seconds': '0.5', 'lag-seconds': '0.5', 'query-seconds': '1', 'query-rate': '20', 'write-rate': '5',
    });
    const results = await runNationalBench(options);
    const { phases } = results;
    expect(phases.bulkImport).toMatchObject({ residents: 150, rejected: 0 });
    expect(phases.bulkImport.events).toBeGreaterThan(150);
    expect(Object.keys(phases.bulkImport.eventMix)).toContain('LandingPermitted');
    expect(phases.commandPath.commands).toBeGreaterThan(0);
    expect(finite(phases.commandPath.latencyMs.p99)).toBe(true);
    expect(phases.rebuild.events).toBeGreaterThanOrEqual(phases.bulkImport.events);
    expect(phases.clockTick).toMatchObject({ selection: 'due' });
    expect(phases.clockTick.residentsExamined).toBeGreaterThan(0);
    expect(phases.visibilityLag).toMatchObject({ unseen: 0 });
    expect(phases.visibilityLag.lagMs.count).toBeGreaterThan(0);
    expect(Object.keys(phases.graphql?.queries ?? {})).toEqual(['resident(id)', 'residentByCard', 'cardValidity', 'addressLapses']);
    Object.values(phases.graphql?.queries ?? {}).forEach((q) => {
      expect(q.requests).toBeGreaterThan(0);
      expect(q.failed).toBe(0);
    });
    expect(phases.graphql?.servingRssMiB.peak).toBeGreaterThan(0);
    expect(phases.footprint.registerDbBytesPerMillionEvents).toBeGreaterThan(0);
    expect(results.machine.loadAverageAtStart).toHaveLength(3);

    const checks = checkTargets(results);
    expect(checks.map((c) => c.figure)).toContain('resident(id) p99');
    checks.forEach((c) => expect(c.gapFactor).toBeGreaterThanOrEqual(1));
    const json = JSON.parse(JSON.stringify({ ...results, targets: checks })) as typeof results;
    expect(json.phases.rebuild.seconds).toBe(phases.rebuild.seconds);
    const summary = renderSummary(results, checks);
    expect(summary).toContain('## Targets (issue 8 §3: tier L on 2 cores)');
    expect(summary).toContain('| (f) daily clock tick (the residents the deadline index has due) |');
  }, 60_000);
});

describe('a run kept in --data-dir', () => {
  const small = { tier: 'xs', residents: '60', out, 'command-seconds': '0.3', 'lag-seconds': '0.3', 'no-graphql': true } as const;

  it('resumes after an interruption: finished phases are kept, the interrupted one starts over with fresh writers', async () => {
    const dataDir = join(out, 'kept');
    const first = await runNationalBench(benchOptions({ ...small, 'data-dir': dataDir }));
    // As if the process had died during the clock tick: the state names it started, not finished.
    const stateFile = join(dataDir, 'bench-state.json');
    const state = JSON.parse(readFileSync(stateFile, 'utf8')) as { phases: Record<string, unknown>; attempts: Record<string, number> };
    // …and as if the bulk import's last batch had committed but its phase had not been recorded.
    ['bulk import', 'clock tick', 'visibility lag'].forEach((name) => delete state.phases[name]);
    delete state.attempts['visibility lag'];
    writeFileSync(stateFile, JSON.stringify(state));

    const resumed = await runNationalBench(benchOptions({ ...small, 'data-dir': dataDir }));
    expect(resumed.phases.bulkImport).toMatchObject({ residents: 60, events: first.phases.bulkImport.events, commands: first.phases.bulkImport.commands });
    expect(resumed.phases.rebuild).toEqual(first.phases.rebuild);
    expect(resumed.attempts).toMatchObject({ 'bulk import': 2, rebuild: 1, 'clock tick': 2, 'visibility lag': 1 });
    expect(resumed.phases.visibilityLag.commands).toBeGreaterThan(0);
    expect(resumed.phases.footprint.logEvents).toBeGreaterThan(first.phases.footprint.logEvents);
    expect(renderSummary(resumed, checkTargets(resumed))).toContain('clock tick (2 attempts');
  }, 90_000);

  it('refuses a directory that holds another run', async () => {
    const dataDir = join(out, 'kept');
    await expect(runNationalBench(benchOptions({ ...small, residents: '61', 'data-dir': dataDir }))).rejects.toThrow(BenchStateMismatchError);
  });
});
