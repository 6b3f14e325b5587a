import { beforeAll, describe, expect, it } from 'vitest';
import { municipalityCheckDigit } from '../../../events/values.js';
import type { ResidentCommand } from '../domain/commands.js';
import { generatePopulation, type GeneratedResident } from './population.js';
import { STATUS_PROFILES } from './status-profiles.js';

const N = 2000;
let population: GeneratedResident[] = [];
beforeAll(() => {
  population = [...generatePopulation({ residents: N, seed: 'shares' })];
});

/** TITP (i)/(ii) and SSW (i)/(ii) are one status family each in the statistics. */
const family = (status: string): string => status.replace(/-(i|ii|iii)(-[ab])?$/, '');
const share = (predicate: (r: GeneratedResident) => boolean): number => population.filter(predicate).length / N;
const commandsOf = (type: ResidentCommand['type']) => population.flatMap((r) => r.commands.filter((c) => c.command.type === type).map((c) => ({ resident: r, ...c })));

describe('the demo population looks like Japan’s mid-to-long-term residents (2,000 residents)', () => {
  it('holds the statuses of residence in their real shares, within 3 points (rules.md §13)', () => {
    const targets = new Map<string, number>();
    for (const profile of STATUS_PROFILES) targets.set(family(profile.status), (targets.get(family(profile.status)) ?? 0) + profile.share / 100);
    for (const [status, target] of [...targets].filter(([, t]) => t >= 0.04))
      expect(Math.abs(share((r) => family(r.profile.status) === status) - target), status).toBeLessThan(0.03);
    expect(share((r) => r.profile.status === 'permanent-resident')).toBeGreaterThan(0.22);
  });

  it('spreads people over at least 50 real municipalities, each code with its check digit (Art. 19-7(1))', () => {
    const codes = new Set(population.map((r) => r.profile.municipalityCode));
    for (const r of population)
      for (const { command } of r.commands)
        if (command.type === 'NotifyResidenceAddress') codes.add(command.data.address.municipalityCode);
    expect(codes.size).toBeGreaterThanOrEqual(50);
    for (const code of codes) expect(municipalityCheckDigit(code.slice(0, 5)), code).toBe(Number(code.charAt(5)));
    const topFive = share((r) => /^(13|23|27|14|11)/.test(r.profile.municipalityCode));
    expect(topFive).toBeGreaterThan(0.45);
    expect(topFive).toBeLessThan(0.6);
  });

  it('draws nationalities with China and Viet Nam first and many others after', () => {
    const count = (code: string): number => share((r) => r.profile.nationality === code);
    expect(count('CHN')).toBeGreaterThan(0.2);
    expect(count('VNM')).toBeGreaterThan(0.12);
    expect(new Set(population.map((r) => r.profile.nationality)).size).toBeGreaterThanOrEqual(15);
  });

  it('includes children under 16 and a few people born on 29 February (DT-7, S13)', () => {
    const under16 = share((r) => r.profile.dateOfBirth > '2008-01-01');
    expect(under16).toBeGreaterThan(0.04);
    expect(under16).toBeLessThan(0.12);
    expect(population.filter((r) => r.profile.dateOfBirth.endsWith('-02-29')).length).toBeGreaterThanOrEqual(2);
    expect(share((r) => r.profile.arrival === 'birth')).toBeGreaterThan(0);
  });

  it('makes departures on special re-entry permits and returns about half of all commands (DRP-1)', () => {
    const all = population.reduce((n, r) => n + r.commands.length, 0);
    const travel = commandsOf('ConfirmDeparture').length + commandsOf('RecordReentry').length;
    expect(travel / all).toBeGreaterThan(0.4);
    expect(travel / all).toBeLessThan(0.6);
    expect(commandsOf('ConfirmDeparture').filter((c) => c.command.type === 'ConfirmDeparture' && c.command.data.reentry.kind === 'none').length).toBeGreaterThan(10);
  });

  it('mostly files the residence notification in time; some late, a few never (NOTIF-1, ground (viii))', () => {
    const landed = population.filter((r) => r.profile.arrival === 'landing' && r.profile.arrivedOn !== null && r.profile.arrivedOn < '2026-06-01');
    const never = landed.filter((r) => !r.commands.some((c) => c.command.type === 'NotifyResidenceAddress'));
    expect(never.length).toBeGreaterThan(0);
    expect(never.length / landed.length).toBeLessThan(0.06);
  });

  it('has moves with 19-9 notifications, moves out without a new address (ground (ix)), late and duplicate relays (MUNI-3)', () => {
    expect(commandsOf('NotifyResidenceAddress').filter((c) => c.command.type === 'NotifyResidenceAddress' && c.command.data.basis === '19-9').length).toBeGreaterThan(100);
    const vanished = population.filter((r) => {
      const last = r.commands.filter((c) => c.command.type === 'NotifyResidenceAddress' || c.command.type === 'RecordMoveOut').at(-1)?.command;
      return last?.type === 'RecordMoveOut' && last.data.reason === 'moving-out-notice';
    });
    expect(vanished.length).toBeGreaterThan(0);
    const late = commandsOf('NotifyResidenceAddress').filter((c) => c.command.type === 'NotifyResidenceAddress' && c.recordedAt >= '2024' && Date.parse(c.recordedAt) - Date.parse(c.command.data.notifiedOn) > 30 * 86400_000);
    expect(late.length).toBeGreaterThan(10);
    const duplicates = population.flatMap((r) => r.commands.map((c) => JSON.stringify(c.command)).filter((json, i, all) => all.indexOf(json) !== i));
    expect(duplicates.length).toBeGreaterThan(5);
  });

  it('has extensions, changes of status, permanent residence, affiliation notices, card losses and a death (APP, AFF, NOTIF-6)', () => {
    const kinds = new Set(commandsOf('GrantStatusPermission').map((c) => (c.command.type === 'GrantStatusPermission' ? c.command.data.kind : '')));
    expect([...kinds].sort()).toEqual(expect.arrayContaining(['acquisition', 'change-of-status', 'extension', 'permanent-residence']));
    expect(commandsOf('NotifyAffiliation').length).toBeGreaterThan(50);
    expect(commandsOf('ReportCardLost').length).toBeGreaterThan(0);
    expect(commandsOf('RecordDeath').length).toBeGreaterThan(0);
    expect(commandsOf('RenewResidenceCard').length).toBeGreaterThan(50);
  });
});
