import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseStoredEvent } from '../../../events/parse.js';
import { landingPermitted, reentered, RESIDENT_ID } from '../../../testing/events.js';
import { commandFor } from '../../../testing/decider.js';
import { collect } from '../store/port.js';
import { openSqliteEventStore } from '../store/sqlite.js';
import { generatePopulation, type GeneratedResident } from './population.js';
import { runDemo, type DemoCounts } from './run-demo.js';

const dir = mkdtempSync(join(tmpdir(), 'register-demo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('runDemo: a generated population through the command path into a real SQLite file', () => {
  it('appends every resident’s events, recorded at the planned instants; the same run again appends nothing (decision 4)', async () => {
    const file = join(dir, 'demo.db');
    const population = [...generatePopulation({ residents: 50, seed: 'int' })];
    const store = openSqliteEventStore({ file });
    const progress: DemoCounts[] = [];
    const first = await runDemo(population, { store, onProgress: (counts) => progress.push(counts) });
    expect(first.rejections).toEqual([]);
    expect(first.residents).toBe(50);
    expect(first.commands).toBe(population.reduce((n, r) => n + r.commands.length, 0));
    expect(first.eventsAppended).toBeGreaterThan(first.commands * 0.95);
    expect(await store.headPosition()).toBe(first.eventsAppended);
    expect(progress.map((p) => p.residents)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));

    const resident = population.find((r) => r.commands.length > 5) ?? population[0];
    const stream = await collect(store.readStream(`resident-${resident?.residentId ?? ''}`));
    const recordedAt = stream.map((e) => parseStoredEvent(e).metadata.recordedAt);
    expect(recordedAt[0]).toBe(resident?.commands[0]?.recordedAt);
    expect(stream.every((e) => (e.metadata.source as { officerId?: string }).officerId === 'demo')).toBe(true);
    await store.close();

    const reopened = openSqliteEventStore({ file });
    const again = await runDemo(generatePopulation({ residents: 50, seed: 'int' }), { store: reopened });
    expect(again).toMatchObject({ residents: 50, commands: first.commands, eventsAppended: 0, rejected: 0 });
    expect(await reopened.headPosition()).toBe(first.eventsAppended);
    await reopened.close();
  }, 180_000);

  it('reports a refused command with its code, and skips the rest of that resident only', async () => {
    const store = openSqliteEventStore({ file: join(dir, 'refused.db') });
    const planned = (command: GeneratedResident['commands'][number]['command'], i: number) => ({ command, recordedAt: `2026-01-1${i}T01:00:00Z`, idempotencyKey: `k-${i}` });
    const broken: GeneratedResident = {
      index: 0, residentId: RESIDENT_ID,
      profile: { status: 'engineer-specialist', nationality: 'VNM', municipalityCode: '131016', dateOfBirth: '1995-04-12', arrival: 'landing', arrivedOn: '2026-01-10' },
      commands: [planned(commandFor(landingPermitted()), 0), planned(commandFor(reentered()), 1), planned(commandFor(landingPermitted()), 2)],
    };
    const result = await runDemo([broken, ...generatePopulation({ residents: 2, seed: 'after' })], { store });
    expect(result.rejected).toBe(1);
    expect(result.rejections[0]).toMatchObject({ residentIndex: 0, commandType: 'RecordReentry', idempotencyKey: 'k-1', code: 'NOT_ABROAD' });
    expect(result.residents).toBe(3);
    expect(await collect(store.readStream(`resident-${RESIDENT_ID}`))).toHaveLength(1);
    await store.close();
  }, 60_000);
});
