import { describe, expect, it } from 'vitest';
import { BUILDERS, metadata, storedEvent } from '../testing/events.js';
import { RESIDENT_EVENT_REGISTRY, RESIDENT_EVENT_TYPES, ResidentEvent } from './catalogue.js';
import { parseStoredEvent, toStoredEvent } from './parse.js';

const { recordedAt, correlationId, causationId, source } = metadata();

describe('the event catalogue (REG-1)', () => {
  it('lists every registered type once, and the registry holds exactly those types', () => {
    expect(new Set(RESIDENT_EVENT_TYPES).size).toBe(RESIDENT_EVENT_TYPES.length);
    expect([...RESIDENT_EVENT_TYPES].sort()).toEqual(Object.keys(RESIDENT_EVENT_REGISTRY).sort());
    expect([...RESIDENT_EVENT_TYPES].sort()).toEqual(Object.keys(BUILDERS).sort());
  });

  it.each(RESIDENT_EVENT_TYPES)('a valid %s parses and survives a store round trip', (type) => {
    const event = BUILDERS[type]();
    expect(event.type).toBe(type);
    expect(ResidentEvent.parse(event)).toEqual(event);
    const stored = toStoredEvent(event, { recordedAt, correlationId, causationId, source });
    expect(stored.metadata.schemaVersion).toBe(RESIDENT_EVENT_REGISTRY[type].currentVersion);
    const roundTrip = parseStoredEvent(JSON.parse(JSON.stringify(stored)));
    expect(roundTrip.event).toEqual(event);
    expect(roundTrip.metadata).toEqual(stored.metadata);
  });

  it.each(RESIDENT_EVENT_TYPES)('a %s without residentId is rejected naming data.residentId', (type) => {
    const { residentId: _omitted, ...withoutResident } = BUILDERS[type]().data;
    expect(() => parseStoredEvent(storedEvent(type, withoutResident))).toThrow(`${type}: data.residentId:`);
  });

  it('strips unknown keys from data rather than storing them (Art. 19-36(3): no data beyond the minimum)', () => {
    const event = BUILDERS.ResidentDied();
    const parsed = parseStoredEvent(storedEvent('ResidentDied', { ...event.data, notes: 'free text' }));
    expect(parsed.event.data).toEqual(event.data);
    expect(parsed.event.data).not.toHaveProperty('notes');
  });

  it('rejects a type the union does not know', () => {
    expect(ResidentEvent.safeParse({ type: 'PersonDeported', data: {} }).success).toBe(false);
  });
});
