import { describe, expect, it } from 'vitest';
import { RESIDENT_EVENT_TYPES } from '../catalogue.js';
import { BUILDERS, landingPermitted } from '../../testing/events.js';
import { mapFacts, namesOf } from '../../testing/integration-events.js';
import { MAPPING_TABLE } from './mapping-table.js';
import { INTEGRATION_EVENT_NAMES } from './types.js';

describe('the mapping table', () => {
  it('decides for every domain event type of the catalogue, and for nothing else', () => {
    expect(Object.keys(MAPPING_TABLE).sort()).toEqual([...RESIDENT_EVENT_TYPES].sort());
  });

  it('gives a reason for every decision', () => {
    for (const [type, decision] of Object.entries(MAPPING_TABLE)) expect(decision.why.length, type).toBeGreaterThan(3);
  });

  it('names only published integration events, and every one of them is yielded by some domain event', () => {
    const yielded = new Set(Object.values(MAPPING_TABLE).flatMap((d) => d.yields));
    expect([...yielded].every((name) => INTEGRATION_EVENT_NAMES.includes(name))).toBe(true);
    expect(INTEGRATION_EVENT_NAMES.filter((name) => !yielded.has(name))).toEqual([]);
  });

  it.each(RESIDENT_EVENT_TYPES)('%s yields only what the table says', async (type) => {
    const messages = await mapFacts([landingPermitted(), BUILDERS[type]()], true);
    const ofEvent = namesOf(messages.filter((m) => m.position === 2)).map((n) => n.replace(/^personal\./, ''));
    const allowed: readonly string[] = MAPPING_TABLE[type].yields;
    expect(ofEvent.filter((name) => !allowed.includes(name))).toEqual([]);
  });
});
