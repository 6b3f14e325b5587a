import { describe, expect, it } from 'vitest';
import { landingPermitted, metadata } from '../../../testing/events.js';
import type { RecordedEvent } from '../store/port.js';
import { toFact } from './command-attempt.js';
import { createFactCache, factCacheOf } from './fact-cache.js';
import { toJsonObject } from './idempotency.js';

const recorded = (over: Partial<RecordedEvent> = {}): RecordedEvent => {
  const event = landingPermitted();
  return {
    id: 'event-1', streamId: 'resident-a', revision: 0, position: 1, type: event.type,
    data: toJsonObject(event.data), metadata: toJsonObject(metadata()), ...over,
  };
};

const counting = () => {
  let calls = 0;
  const parse = (r: RecordedEvent) => {
    calls += 1;
    return toFact(r);
  };
  return { parse, calls: () => calls };
};

const stream = (streamId: string, length: number, idOf = (revision: number) => `${streamId}-e${revision}`): RecordedEvent[] =>
  Array.from({ length }, (_, revision) => recorded({ streamId, revision, position: revision + 1, id: idOf(revision) }));

describe('fact cache: each stored event parsed once per store', () => {
  it('returns the cached facts on a re-read and parses only the new events', () => {
    const cache = createFactCache(() => 10);
    const { parse, calls } = counting();
    const first = cache.factsOf(stream('resident-a', 2), parse);
    const again = cache.factsOf(stream('resident-a', 3), parse);
    expect(again[0]).toBe(first[0]);
    expect(again[1]).toBe(first[1]);
    expect(calls()).toBe(3);
    expect(again).toEqual(stream('resident-a', 3).map(toFact));
  });

  it('does not confuse the same event id at another revision or in another stream, nor another id at the same revision', () => {
    const cache = createFactCache(() => 10);
    const { parse, calls } = counting();
    const base = cache.factsOf([recorded()], parse)[0];
    const otherStream = cache.factsOf([recorded({ streamId: 'resident-b' })], parse)[0];
    const otherRevision = cache.factsOf([recorded({ revision: 3 })], parse)[0];
    const otherId = cache.factsOf([recorded({ id: 'event-2' })], parse)[0];
    expect(calls()).toBe(4);
    expect(otherRevision?.revision).toBe(3);
    expect(base?.revision).toBe(0);
    expect(otherStream).not.toBe(base);
    expect(otherId).not.toBe(base);
  });

  it('keeps at most its bound in facts, dropping the least recently read streams', () => {
    const cache = createFactCache(() => 5);
    const { parse, calls } = counting();
    cache.factsOf(stream('resident-a', 2), parse);
    cache.factsOf(stream('resident-b', 2), parse);
    cache.factsOf(stream('resident-a', 2), parse); // a is now the most recent
    expect(calls()).toBe(4);
    cache.factsOf(stream('resident-c', 2), parse); // 6 facts: drops b
    expect(cache.size).toBe(4);
    cache.factsOf(stream('resident-a', 2), parse);
    expect(calls()).toBe(6);
    cache.factsOf(stream('resident-b', 2), parse);
    expect(calls()).toBe(8);
    expect(cache.size).toBeLessThanOrEqual(5);
    cache.factsOf(stream('resident-d', 7), parse); // larger than the bound: used, not kept
    expect(cache.size).toBeLessThanOrEqual(5);
  });

  it('caches nothing at a bound of 0', () => {
    const cache = createFactCache(() => 0);
    const { parse, calls } = counting();
    cache.factsOf(stream('resident-a', 2), parse);
    cache.factsOf(stream('resident-a', 2), parse);
    expect(calls()).toBe(4);
    expect(cache.size).toBe(0);
  });

  it('gives each store its own cache', () => {
    const a = {};
    const b = {};
    expect(factCacheOf(a)).toBe(factCacheOf(a));
    expect(factCacheOf(a)).not.toBe(factCacheOf(b));
  });
});
