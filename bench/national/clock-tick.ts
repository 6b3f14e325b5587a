import { pino } from 'pino';
import type { IsoDate } from '../../events/values.js';
import { allResidentIds, tick } from '../../services/projections/clock/index.js';
import type { EventStore } from '../../services/register/store/port.js';
import { bulkAppendOf } from '../../services/register/store/sqlite.js';
import { round } from '../machine.js';

export interface TickFigures {
  readonly asOf: IsoDate;
  readonly residentsExamined: number;
  readonly eventsAppended: number;
  readonly seconds: number;
  readonly residentsPerSecond: number;
}

/**
 * Phase (f): the clock over the whole population — every resident in the log, as the first tick
 * after a start examines them (later daily ticks look only at residents due and those changed).
 */
export const clockTick = async (store: EventStore, asOf: IsoDate, onProgress?: (examined: number) => void): Promise<TickFigures> => {
  const started = performance.now();
  const result = await tick({
    store, residentIds: allResidentIds(store), asOf, clock: () => new Date().toISOString(), logger: pino({ level: 'silent' }), appendMany: bulkAppendOf(store),
    onProgress: (p) => onProgress?.(p.residentsExamined),
  });
  const seconds = (performance.now() - started) / 1000;
  return { asOf, residentsExamined: result.residentsExamined, eventsAppended: result.eventsAppended, seconds: round(seconds, 1), residentsPerSecond: Math.round(result.residentsExamined / seconds) };
};
