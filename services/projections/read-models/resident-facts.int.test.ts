import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { EventSchemaError, EventVersionError } from '../../../events/errors.js';
import { toFact } from '../../register/application/command-attempt.js';
import { statusAt } from '../../register/domain/status.js';
import type { RecordedEvent } from '../../register/store/port.js';
import { ensureReadModelSchema } from '../runtime/projection-db.js';
import { ANNA, realisticHistories, toNewEvent } from '../testing/histories.js';
import { packJson, unpackJson } from './packed-json.js';
import { factOfEvent, residentFactsStore } from './resident-facts.js';

const recorded = (residentId: string): RecordedEvent[] =>
  (realisticHistories().get(residentId) ?? []).map((step, revision) => ({
    ...toNewEvent(step), streamId: `resident-${residentId}`, revision, position: revision + 1,
  }));

const emptyDb = () => {
  const db = new BetterSqlite3(':memory:');
  ensureReadModelSchema(db);
  return db;
};

describe('the copy of a resident stream', () => {
  it('gives back the facts the register parses from the log, and the same status', () => {
    const events = recorded(ANNA);
    const store = residentFactsStore(emptyDb());
    store.save(ANNA, events.map(factOfEvent));
    const fromLog = events.map(toFact);
    expect(store.factsOf(ANNA)).toEqual(fromLog);
    expect(statusAt(store.factsOf(ANNA), { asOf: '2026-07-01' })).toEqual(statusAt(fromLog, { asOf: '2026-07-01' }));
    expect(store.factsOf('someone-else')).toEqual([]);
  });

  it('parses again data stored at another version than the current one, instead of taking it as it is', () => {
    const db = emptyDb();
    const [first] = recorded(ANNA);
    if (first === undefined) throw new Error('no event');
    db.prepare('INSERT INTO resident_facts VALUES (?, 0, ?)').run(ANNA, packJson([[0, first.type, '2026-01-10T10:00:00+09:00', 99, first.data]]));
    expect(() => residentFactsStore(db).factsOf(ANNA)).toThrow(EventVersionError);
  });

  it('refuses an event whose recording time is not an instant', () => {
    const [first] = recorded(ANNA);
    if (first === undefined) throw new Error('no event');
    expect(() => factOfEvent({ ...first, metadata: { ...first.metadata, recordedAt: 'yesterday' } })).toThrow(EventSchemaError);
  });
});

describe('packed JSON', () => {
  it('round-trips a value and takes less room than its JSON when keys repeat', () => {
    const value = { cards: Array.from({ length: 5 }, (_, i) => ({ cardNumber: `AA0000000${i}AA`, valid: i === 4, invalidity: [] })), knownAt: null };
    const blob = packJson(value);
    expect(unpackJson(blob)).toEqual(value);
    expect(blob.length).toBeLessThan(JSON.stringify(value).length / 2);
  });
});
