import type { IsoDate } from '../../../../events/values.js';
import { toFact } from '../../../register/application/command-attempt.js';
import type { Fact } from '../../../register/domain/facts.js';
import { statusAt } from '../../../register/domain/status.js';
import type { EventStore } from '../../../register/store/port.js';
import { countKeysOf } from '../../read-models/counts.js';
import { toStatusRow } from '../../read-models/status-view.js';
import type { CountDimension, CountRow } from '../../read-models/types.js';

/** Above this many events a past-date count is a batch job, not an online answer. */
export const PAST_STATISTICS_EVENT_LIMIT = 2_000_000;

export class PastStatisticsTooLargeError extends Error {
  override readonly name = 'PastStatisticsTooLargeError';
}

/** Every resident's facts, read from the whole log once; refused above the online limit. */
export const factsByResident = async (store: EventStore): Promise<Map<string, Fact[]>> => {
  const head = await store.headPosition();
  if (head > PAST_STATISTICS_EVENT_LIMIT)
    throw new PastStatisticsTooLargeError(`statistics for a past date fold every resident's log (${head} events, limit ${PAST_STATISTICS_EVENT_LIMIT}); only the current date is served online`);
  const byResident = new Map<string, Fact[]>();
  for await (const recorded of store.readAll({ filter: { streamPrefixes: ['resident-'] } })) {
    const facts = byResident.get(recorded.streamId) ?? [];
    facts.push(toFact(recorded));
    byResident.set(recorded.streamId, facts);
  }
  return byResident;
};

/**
 * Counts of mid-to-long-term residents at the end of a past date, from the log through the status
 * function — the same keys as the counts read model (architecture decision 2: as-of answers come
 * from the log, not from a guess).
 */
export const pastStatistics = async (store: EventStore, asOf: IsoDate, dimension: CountDimension): Promise<CountRow[]> => {
  const counts = new Map<string, number>();
  for (const [streamId, facts] of await factsByResident(store)) {
    const row = toStatusRow(statusAt(facts, { asOf }), streamId, facts.length - 1, null);
    const keys = countKeysOf(row);
    if (keys !== null) counts.set(keys[dimension], (counts.get(keys[dimension]) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
};
