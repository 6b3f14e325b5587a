import { describe, expect, it } from 'vitest';
import type { ResidentEvent } from '../../../events/catalogue.js';
import type { ResidentCommand } from '../domain/commands.js';
import { decide } from '../domain/decide.js';
import { evolve, initialState, type Resident } from '../domain/resident.js';
import { generatePopulation, type GeneratedResident } from './population.js';

/** Every command type and rare episode the generator writes, to be sure the sample covers it. */
const FEATURES: readonly [string, (c: ResidentCommand) => boolean][] = [
  ['birth', (c) => c.type === 'RecordResidentRecordEntry'],
  ['death', (c) => c.type === 'RecordDeath'],
  ['naturalisation', (c) => c.type === 'RecordNaturalisation'],
  ['correction', (c) => c.type === 'CorrectResidenceAddress'],
  ['card found', (c) => c.type === 'RecordCardFound'],
  ['card reissue', (c) => c.type === 'ReissueResidenceCard'],
  ['ssw report', (c) => c.type === 'ReportSpecifiedSkilledWorkerOrganization'],
  ['denied', (c) => c.type === 'DecideApplication' && c.data.outcome === 'denied'],
  ['permanent residence', (c) => c.type === 'GrantStatusPermission' && c.data.kind === 'permanent-residence' && c.data.applicationId !== undefined],
  ['change of status', (c) => c.type === 'GrantStatusPermission' && c.data.kind === 'change-of-status' && c.data.applicationId !== undefined],
  ['renewal', (c) => c.type === 'RenewResidenceCard'],
  ['divorce', (c) => c.type === 'NotifyAffiliation' && c.data.category === 'spouse'],
  ['transfer', (c) => c.type === 'NotifyAffiliation' && c.data.category === 'activity-institution'],
];

const hasDuplicate = (r: GeneratedResident): boolean => {
  const seen = r.commands.map((c) => JSON.stringify(c.command));
  return seen.some((json, i) => seen.indexOf(json) !== i);
};

/** The first 300 residents, and from a larger pool two residents showing each rare feature. */
const sample = (): GeneratedResident[] => {
  const pool = [...generatePopulation({ residents: 4000, seed: 'decider' })];
  const chosen = new Set(pool.slice(0, 300));
  for (const [, matches] of FEATURES) pool.filter((r) => r.commands.some((c) => matches(c.command))).slice(0, 2).forEach((r) => chosen.add(r));
  pool.filter(hasDuplicate).slice(0, 3).forEach((r) => chosen.add(r));
  return [...chosen];
};

/** Folds the resident's commands through the pure decider, as the command path would (without the store). */
const replay = (resident: GeneratedResident): { events: ResidentEvent[]; noOps: number } => {
  let state: Resident = initialState;
  const events: ResidentEvent[] = [];
  let noOps = 0;
  for (const { command, recordedAt } of resident.commands) {
    const decided = decide(command, state);
    if (decided.length === 0) noOps += 1;
    for (const event of decided) state = evolve(state, { event, recordedAt, revision: events.push(event) - 1 });
  }
  return { events, noOps };
};

describe('every generated command is one the resident decider accepts (architecture decision 3)', () => {
  it('accepts all commands of a sample covering every episode; a duplicate relay is the only no-op (MUNI-3)', () => {
    const residents = sample();
    for (const [name, matches] of FEATURES) expect(residents.some((r) => r.commands.some((c) => matches(c.command))), name).toBe(true);
    let duplicates = 0;
    for (const resident of residents) {
      const { events, noOps } = replay(resident);
      const dup = resident.commands.filter((c, i) => resident.commands.findIndex((d) => JSON.stringify(d.command) === JSON.stringify(c.command)) !== i).length;
      duplicates += dup;
      expect(noOps, `resident ${resident.index}`).toBe(dup);
      expect(events.length).toBe(resident.commands.length - dup);
    }
    expect(duplicates).toBeGreaterThan(0);
  }, 120_000);
});

describe('a landing just before the window, notified inside it (found by the tier-s benchmark)', () => {
  it('leaves nothing for good before the residence notification is filed (seed bench, resident #129055)', () => {
    const [resident] = [...generatePopulation({ residents: 1, seed: 'bench', firstIndex: 129055 })];
    if (resident === undefined) throw new Error('no resident generated');
    const notified = resident.commands.find((c) => c.command.type === 'NotifyResidenceAddress');
    const departed = resident.commands.find((c) => c.command.type === 'ConfirmDeparture');
    if (notified !== undefined && departed !== undefined) expect(departed.recordedAt > notified.recordedAt).toBe(true);
    expect(() => replay(resident)).not.toThrow();
  });
});
