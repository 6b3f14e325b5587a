import type { Fact } from '../../services/register/domain/facts.js';
import type { EventStore, RecordedEvent } from '../../services/register/store/port.js';

/**
 * The parsed facts of recently mapped streams. Stored events never change, so a cached prefix of a
 * stream stays true; only the revisions not seen yet are read. Catch-up maps a resident's events one
 * after another, which would otherwise read and parse the stream again for each of them.
 */
export interface StreamCache {
  /** Facts of revisions 0..revision-1 of the stream. */
  prefix(streamId: string, revision: number): Promise<readonly Fact[]>;
}

export const createStreamCache = (store: EventStore, toFact: (recorded: RecordedEvent) => Fact, maxStreams = 5_000): StreamCache => {
  const streams = new Map<string, Fact[]>();
  return {
    prefix: async (streamId, revision) => {
      const cached = streams.get(streamId) ?? [];
      streams.delete(streamId); // re-inserted below: the Map's order is the least recently used first
      if (cached.length < revision)
        for await (const recorded of store.readStream(streamId, { fromRevision: cached.length, maxCount: revision - cached.length }))
          cached.push(toFact(recorded));
      streams.set(streamId, cached);
      if (streams.size > maxStreams) {
        const oldest = streams.keys().next();
        if (oldest.done !== true) streams.delete(oldest.value);
      }
      return cached.slice(0, revision);
    },
  };
};
