import type { Instant, IsoDate } from '../../../events/values.js';
import { toFact } from '../../register/application/command-attempt.js';
import { residentStreamId } from '../../register/application/command-handler.js';
import { statusAt } from '../../register/domain/status.js';
import type { ResidentStatus } from '../../register/domain/status-types.js';
import { collect, type EventStore, type RecordedEvent } from '../../register/store/port.js';
import type { ReadModels } from '../read-models/types.js';

/** Answers for a date other than the read models' own come from the log (architecture decision 2). */

export const residentStream = async (store: EventStore, residentId: string): Promise<RecordedEvent[]> =>
  collect(store.readStream(residentStreamId(residentId)));

/** REG-2, DT-8: the status at the end of `asOf`, as known at `knownAt`; null when the log has no such resident. */
export const statusFromLog = async (
  store: EventStore,
  residentId: string,
  asOf: IsoDate,
  knownAt?: Instant | null,
): Promise<ResidentStatus | null> => {
  const stream = await residentStream(store, residentId);
  if (stream.length === 0) return null;
  const facts = stream.map(toFact);
  return statusAt(facts, knownAt === null || knownAt === undefined ? { asOf } : { asOf, knownAt });
};

/**
 * The status the continuous-status view already holds, when it answers the question: the same date,
 * no knowledge time, and the row has applied the stream's last event (one backwards read of one
 * event checks it, so a command just appended is never answered from a stale row). The row was
 * computed by the same `statusAt`; anything else is computed from the log.
 */
export const statusFromViewOrLog = async (
  sources: { readonly store: EventStore; readonly readModels: ReadModels },
  residentId: string,
  asOf: IsoDate,
  knownAt?: Instant | null,
): Promise<ResidentStatus | null> => {
  if (knownAt === null || knownAt === undefined) {
    const row = sources.readModels.statusOf(residentId);
    if (row !== null && row.asOf === asOf) {
      const [last] = await collect(sources.store.readStream(residentStreamId(residentId), { direction: 'backwards', maxCount: 1 }));
      if (last !== undefined && last.revision === row.revision) return row.status;
    }
  }
  return statusFromLog(sources.store, residentId, asOf, knownAt);
};
