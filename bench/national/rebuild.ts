import type { IsoDate } from '../../events/values.js';
import { rebuildProjections } from '../../services/projections/runtime/rebuild.js';
import type { EventStore } from '../../services/register/store/port.js';
import { round } from '../machine.js';

export interface RebuildFigures {
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
}

/** Phase (c): every read model rebuilt from position 0 into a fresh projections.db (`register rebuild`). */
export const rebuild = async (
  store: EventStore, dbFile: string, today: IsoDate, options: { workers?: number; cacheSizeMiB?: number } = {}, onProgress?: (position: number, head: number) => void,
): Promise<RebuildFigures> => {
  const result = await rebuildProjections({
    store, dbFile, today, onProgress: (p) => onProgress?.(p.position, p.head), ...(options.workers === undefined ? {} : { workers: options.workers }),
    ...(options.cacheSizeMiB === undefined ? {} : { cacheSizeMiB: options.cacheSizeMiB }),
  });
  return { events: result.events, seconds: round(result.seconds, 1), eventsPerSecond: result.eventsPerSecond };
};
