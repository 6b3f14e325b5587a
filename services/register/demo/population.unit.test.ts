import { describe, expect, it } from 'vitest';
import { toStoredEvent } from '../../../events/parse.js';
import { COMMAND_EVENTS } from '../domain/commands.js';
import { generatePopulation, generateResident, type GeneratedResident } from './population.js';

const take = (seed: string, residents: number, until?: string): GeneratedResident[] => [...generatePopulation({ residents, seed, ...(until === undefined ? {} : { until }) })];

/** The legal dates of a command (…On), the dates the fact took effect or was filed; not printed validities. */
const legalDates = (data: object): string[] =>
  Object.entries(data).flatMap(([key, value]) => (key.endsWith('On') && typeof value === 'string' ? [value] : []));

const jstDate = (instant: string): string => new Date(Date.parse(instant) + 9 * 3600_000).toISOString().slice(0, 10);

describe('generatePopulation: a deterministic synthetic population', () => {
  it('gives the same residents and commands for the same seed, other ones for another seed', () => {
    const first = take('same', 40);
    expect(take('same', 40)).toEqual(first);
    const other = take('other', 40);
    expect(other.map((r) => r.residentId)).not.toEqual(first.map((r) => r.residentId));
    expect(other.map((r) => r.commands.length)).not.toEqual(first.map((r) => r.commands.length));
  });

  it('generates a resident from the seed and its index alone, so a shard of the population is the same people', () => {
    const whole = take('shard', 30);
    const shard = [...generatePopulation({ residents: 10, seed: 'shard', firstIndex: 20 })];
    expect(shard).toEqual(whole.slice(20));
    expect(generateResident('shard', 7)).toEqual(whole[7]);
  });

  it('is lazy: the first resident arrives before the rest are generated', () => {
    const population = generatePopulation({ residents: 5_000_000, seed: 'lazy' });
    expect(population.next().value?.index).toBe(0);
    expect(population.next().value?.index).toBe(1);
  });

  it('cuts a story at --until without changing its beginning: keys stay bound to the same commands', () => {
    const full = take('until', 150);
    const cut = take('until', 150, '2025-06-30');
    cut.forEach((resident, i) => {
      const expected = full[i]?.commands.filter((c) => jstDate(c.recordedAt) <= '2025-06-30');
      expect(resident.commands).toEqual(expected);
    });
    expect(cut.reduce((n, r) => n + r.commands.length, 0)).toBeLessThan(full.reduce((n, r) => n + r.commands.length, 0));
  });

  it('writes only valid event data: every command parses with the catalogue schema of its event (decision 9)', () => {
    for (const resident of take('schema', 400))
      for (const { command, recordedAt } of resident.commands) {
        const event = { type: COMMAND_EVENTS[command.type], data: command.data } as Parameters<typeof toStoredEvent>[0];
        expect(() => toStoredEvent(event, { recordedAt, correlationId: 'c', causationId: 'c', source: { kind: 'officer', officerId: 'demo' } })).not.toThrow();
      }
  });

  it('records each fact on or after its legal date, in order, with one idempotency key per command (decisions 2, 4)', () => {
    for (const resident of take('order', 400)) {
      const instants = resident.commands.map((c) => c.recordedAt);
      expect(instants).toEqual([...instants].sort());
      expect(new Set(resident.commands.map((c) => c.idempotencyKey)).size).toBe(resident.commands.length);
      for (const { command, recordedAt } of resident.commands) {
        expect(command.data.residentId).toBe(resident.residentId);
        for (const date of legalDates(command.data)) expect(jstDate(recordedAt) >= date, `${command.type} ${date} recorded ${recordedAt}`).toBe(true);
      }
    }
  });

  it('records nothing after --until, and the earlier history of residents already in Japan before 2024 (migration)', () => {
    const population = take('window', 300, '2025-01-31');
    const instants = population.flatMap((r) => r.commands.map((c) => jstDate(c.recordedAt)));
    expect(instants.every((d) => d <= '2025-01-31')).toBe(true);
    const migrated = population.filter((r) => r.profile.arrival === 'already-resident');
    expect(migrated.every((r) => r.commands[0] !== undefined && jstDate(r.commands[0].recordedAt) < '2024-01-01')).toBe(true);
    expect(population.filter((r) => r.profile.arrival === 'landing').every((r) => r.commands.every((c) => jstDate(c.recordedAt) >= '2024-01-01'))).toBe(true);
  });
});
