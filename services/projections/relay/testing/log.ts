import { randomUUID } from 'node:crypto';
import type { EventStore } from '../../../register/store/port.js';

export interface Appended {
  readonly residentId: string;
  readonly eventId: string;
  readonly revision: number;
}

/**
 * Appends `perResident` events to each of `residents` fresh resident streams, interleaved (one event
 * per resident per round) so that partitions and keys mix; returns them in log order.
 */
export const appendInterleaved = async (store: EventStore, residents: number, perResident: number): Promise<Appended[]> => {
  const ids = Array.from({ length: residents }, () => randomUUID());
  const out: Appended[] = [];
  for (let revision = 0; revision < perResident; revision += 1)
    for (const residentId of ids) {
      const eventId = randomUUID();
      await store.append(`resident-${residentId}`, [{ id: eventId, type: 'TestFact', data: { revision }, metadata: {} }], revision === 0 ? 'no-stream' : revision - 1);
      out.push({ residentId, eventId, revision });
    }
  return out;
};

/** Per key, the ce_ids in the order given. */
export const idsByKey = (records: readonly { key: string; id: string }[]): Map<string, string[]> => {
  const map = new Map<string, string[]>();
  for (const { key, id } of records) map.set(key, [...(map.get(key) ?? []), id]);
  return map;
};
