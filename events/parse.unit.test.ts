import { describe, expect, it } from 'vitest';
import { CARD_NUMBER, landingPermitted, metadata, residenceCardIssued, storedEvent } from '../testing/events.js';
import { EventSchemaError, EventVersionError, UnknownEventTypeError } from './errors.js';
import { parseStoredEvent, toStoredEvent } from './parse.js';

const errorOf = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('parseStoredEvent', () => {
  it('returns the typed event and the metadata as stored', () => {
    const event = residenceCardIssued();
    const parsed = parseStoredEvent(storedEvent(event.type, event.data));
    expect(parsed.event).toEqual(event);
    expect(parsed.metadata).toEqual(metadata());
  });

  it('raises EventSchemaError naming the type, the field path and the rule', () => {
    const data = { ...residenceCardIssued().data, cardNumber: 'AB0000010CD' };
    const error = errorOf(() => parseStoredEvent(storedEvent('ResidenceCardIssued', data)));
    expect(error).toBeInstanceOf(EventSchemaError);
    expect(error).toHaveProperty('message', expect.stringMatching(/^ResidenceCardIssued: data\.cardNumber: must be a residence card number/));
    expect(error).toHaveProperty('issues', [expect.objectContaining({ path: 'data.cardNumber' })]);
  });

  it('names a nested field in the path (Art. 19-4(1)(i) date of birth)', () => {
    const data = { ...landingPermitted().data, person: { ...landingPermitted().data.person, dateOfBirth: '1995-02-30' } };
    expect(() => parseStoredEvent(storedEvent('LandingPermitted', data))).toThrow(
      'LandingPermitted: data.person.dateOfBirth: must be a real calendar date',
    );
  });

  it('raises UnknownEventTypeError for a type the catalogue does not know', () => {
    const error = errorOf(() => parseStoredEvent(storedEvent('CardDestroyed', { cardNumber: CARD_NUMBER })));
    expect(error).toBeInstanceOf(UnknownEventTypeError);
    expect(error).toHaveProperty('message', 'unknown event type "CardDestroyed"');
  });

  it('names the metadata field when recordedAt is not an instant with an offset', () => {
    const stored = { ...storedEvent('ResidentDied', { residentId: landingPermitted().data.residentId, diedOn: '2026-02-10' }) };
    const error = errorOf(() => parseStoredEvent({ ...stored, metadata: { ...stored.metadata, recordedAt: '2026-02-10 09:00' } }));
    expect(error).toBeInstanceOf(EventSchemaError);
    expect(error).toHaveProperty('message', expect.stringMatching(/^ResidentDied: metadata\.recordedAt: /));
  });

  it('names the metadata field when the municipal source has a bad check digit (Art. 19-7(1))', () => {
    const source = { kind: 'municipality', municipalityCode: '131017', receiptId: 'r-1' };
    const stored = storedEvent('ResidentDied', { residentId: landingPermitted().data.residentId, diedOn: '2026-02-10' });
    expect(() => parseStoredEvent({ ...stored, metadata: { ...stored.metadata, source } })).toThrow(
      'ResidentDied: metadata.source.municipalityCode: check digit of the local government code is wrong',
    );
  });

  it('names metadata.schemaVersion when it is missing', () => {
    const { schemaVersion: _omitted, ...withoutVersion } = metadata();
    const stored = storedEvent('ResidentDied', { residentId: landingPermitted().data.residentId, diedOn: '2026-02-10' });
    expect(() => parseStoredEvent({ ...stored, metadata: withoutVersion })).toThrow('ResidentDied: metadata.schemaVersion:');
  });

  it('rejects data stored at a version newer than the code knows, naming type and version', () => {
    const event = residenceCardIssued();
    const error = errorOf(() => parseStoredEvent(storedEvent(event.type, event.data, { schemaVersion: 2 })));
    expect(error).toBeInstanceOf(EventVersionError);
    expect(error).toHaveProperty('message', 'ResidenceCardIssued v2: is newer than the current version 1');
  });
});

describe('toStoredEvent', () => {
  it('stamps the current schema version on the metadata', () => {
    const { schemaVersion: _ignored, ...rest } = metadata({ schemaVersion: 7 });
    expect(toStoredEvent(residenceCardIssued(), rest).metadata.schemaVersion).toBe(1);
  });

  it('refuses to store an event that breaks its schema (a typed but invalid card number, CARD-2)', () => {
    const { schemaVersion: _ignored, ...rest } = metadata();
    const event = residenceCardIssued();
    const invalid = { ...event, data: { ...event.data, cardNumber: 'XX' } };
    expect(() => toStoredEvent(invalid, rest)).toThrow('ResidenceCardIssued: data.cardNumber:');
  });
});
