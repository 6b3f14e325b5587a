import type { Fact } from '../domain/facts.js';
import type { RecordedEvent } from '../store/port.js';

/**
 * Parsed facts of stored events, so that a command re-reading a resident's stream parses (zod,
 * upcasting) only the events it has not seen, not the whole history again. A log is append-only, so
 * within one store the event at (stream, revision) with a given id never changes; a cached fact is
 * used only when all three match. Each store has its own cache: two stores (tests, a staging store)
 * may hold the same ids with other content.
 */
export interface FactCache {
  /** The facts of one stream's events (as read, in order), parsing with `parse` only those not cached. */
  factsOf(stream: readonly RecordedEvent[], parse: (recorded: RecordedEvent) => Fact): Fact[];
  /** Facts held. */
  readonly size: number;
}

/** About 1–2 KiB a fact: a few tens of MiB for the serving process at the default. */
export const DEFAULT_FACT_CACHE_BOUND = 20_000;

let bound = DEFAULT_FACT_CACHE_BOUND;

/** Sets the bound of every store's cache (0 turns caching off); caches above it shrink on their next use. */
export const setFactCacheBound = (facts: number): void => {
  if (!Number.isInteger(facts) || facts < 0) throw new RangeError(`fact cache bound must be a whole number >= 0, got ${facts}`);
  bound = facts;
};

/** One stream's cached facts, indexed by revision, with the id each was parsed from. */
interface StreamFacts {
  readonly ids: string[];
  readonly facts: Fact[];
  count: number;
}

/**
 * Least recently used by stream (a command reads a resident's whole stream, so streams are the unit
 * of reuse), bounded in facts: the oldest streams are dropped until the total is within the bound.
 */
export const createFactCache = (maxFacts: () => number = () => bound): FactCache => {
  const streams = new Map<string, StreamFacts>();
  let size = 0;
  const evict = (max: number): void => {
    for (const [streamId, entry] of streams) {
      if (size <= max) return;
      streams.delete(streamId);
      size -= entry.count;
    }
  };
  return {
    factsOf(stream, parse) {
      const first = stream[0];
      const max = maxFacts();
      if (first === undefined || max === 0) {
        evict(max);
        return stream.map(parse);
      }
      const { streamId } = first;
      const entry = streams.get(streamId) ?? { ids: [], facts: [], count: 0 };
      streams.delete(streamId);
      const before = entry.count;
      const facts = stream.map((recorded) => {
        const { revision } = recorded;
        if (recorded.streamId !== streamId || !Number.isInteger(revision) || revision < 0) return parse(recorded);
        const cached = entry.facts[revision];
        if (cached !== undefined && entry.ids[revision] === recorded.id) return cached;
        const fact = parse(recorded);
        if (cached === undefined) entry.count += 1;
        entry.ids[revision] = recorded.id;
        entry.facts[revision] = fact;
        return fact;
      });
      streams.set(streamId, entry);
      size += entry.count - before;
      evict(max);
      return facts;
    },
    get size() {
      return size;
    },
  };
};

const byStore = new WeakMap<object, FactCache>();

/** The cache of one store (created on first use, dropped with the store). */
export const factCacheOf = (store: object): FactCache => {
  const known = byStore.get(store);
  if (known !== undefined) return known;
  const cache = createFactCache();
  byStore.set(store, cache);
  return cache;
};
