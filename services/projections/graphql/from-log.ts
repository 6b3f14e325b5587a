import type { Instant, IsoDate } from '../../../events/values.js';
import { toFact } from '../../register/application/command-attempt.js';
import { residentStreamId } from '../../register/application/command-handler.js';
import { statusAt } from '../../register/domain/status.js';
import type { ResidentStatus } from '../../register/domain/status-types.js';
import { collect, type EventStore, type RecordedEvent } from '../../register/store/port.js';

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
