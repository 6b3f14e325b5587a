import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allResidentIds, tick } from '../../services/projections/clock/index.js';
import { toFact } from '../../services/register/application/command-attempt.js';
import { generatePopulation } from '../../services/register/demo/population.js';
import { runDemo } from '../../services/register/demo/run-demo.js';
import { statusAt } from '../../services/register/domain/status.js';
import { collect, type EventStore } from '../../services/register/store/port.js';
import { openSqliteEventStore } from '../../services/register/store/sqlite.js';
import { createIntegrationMapper } from './map.js';
import type { IntegrationMessage } from './message.js';

/**
 * The mapping over a synthetic population with real lifecycles (`register demo`) and the clock's
 * findings (`register tick`): what subscribers see must agree with the status function.
 */
const AS_OF = '2026-11-20';
const BECAME = 'jp.go.isa.register.became-mid-to-long-term-resident.v1';
const CEASED = 'jp.go.isa.register.ceased-to-be-mid-to-long-term-resident.v1';
const PERSONAL_KEYS = /"(name|line|postalCode|address|person|dateOfBirth|sex|nationality)":/;

let dir: string;
let store: EventStore;
let messages: IntegrationMessage[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'integration-population-'));
  store = openSqliteEventStore({ file: join(dir, 'register.db') });
  const demo = await runDemo(generatePopulation({ residents: 200, seed: 7, until: AS_OF }), { store });
  expect(demo.rejected).toBe(0);
  await tick({ store, residentIds: allResidentIds(store), asOf: AS_OF, clock: () => `${AS_OF}T15:00:00Z`, logger: pino({ level: 'silent' }) });
  const mapper = createIntegrationMapper({ store, personalDataTopic: false });
  messages = [];
  for (const event of await collect(store.readAll())) messages.push(...(await mapper(event)));
}, 120_000);
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('integration events of a demo population after a clock tick', () => {
  it('gives every message its own id, and keeps each resident\'s messages in stream order', () => {
    expect(new Set(messages.map((m) => m.attributes.id)).size).toBe(messages.length);
    const lastSequence = new Map<string, number>();
    for (const m of messages) {
      expect(Number(m.attributes.sequence)).toBeGreaterThanOrEqual(lastSequence.get(m.key) ?? 0);
      lastSequence.set(m.key, Number(m.attributes.sequence));
    }
  });

  it('alternates became and ceased for every resident, starting with became (MLTR-2, MLTR-3)', () => {
    expect(messages.filter((m) => m.attributes.type === CEASED).length).toBeGreaterThan(10);
    const state = new Map<string, boolean>();
    for (const m of messages.filter((x) => x.attributes.type === BECAME || x.attributes.type === CEASED)) {
      const becomes = m.attributes.type === BECAME;
      expect(state.get(m.key) ?? false, `${m.key} at position ${m.position}`).toBe(!becomes);
      state.set(m.key, becomes);
    }
  });

  it('leaves each resident where the status function puts them on the as-of date (Art. 19-3)', async () => {
    const published = new Map<string, boolean>();
    for (const m of messages) if (m.attributes.type === BECAME || m.attributes.type === CEASED) published.set(m.key, m.attributes.type === BECAME);
    const disagreements: string[] = [];
    for await (const residentId of allResidentIds(store)) {
      const facts = (await collect(store.readStream(`resident-${residentId}`))).map(toFact);
      const mltr = statusAt(facts, { asOf: AS_OF }).midToLongTermResident;
      if ((published.get(residentId) ?? false) !== mltr.is) disagreements.push(`${residentId}: status says ${mltr.is} (${mltr.reason})`);
    }
    expect(disagreements).toEqual([]);
  });

  it('carries no name or street address on the status topic (Art. 19-36(3))', () => {
    expect(messages.every((m) => m.topic === 'status')).toBe(true);
    expect(messages.filter((m) => PERSONAL_KEYS.test(JSON.stringify(m.data))).map((m) => m.attributes.type)).toEqual([]);
  });

  it('includes the clock\'s findings: card invalidations', () => {
    expect(messages.some((m) => m.attributes.type === 'jp.go.isa.register.residence-card-invalidated.v1')).toBe(true);
  });
});
