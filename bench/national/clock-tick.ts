import BetterSqlite3 from 'better-sqlite3';
import { pino } from 'pino';
import type { IsoDate } from '../../events/values.js';
import { allResidentIds, tick } from '../../services/projections/clock/index.js';
import { createReadModels } from '../../services/projections/read-models/queries.js';
import type { EventStore } from '../../services/register/store/port.js';
import { bulkAppendOf } from '../../services/register/store/sqlite.js';
import { round } from '../machine.js';

/** `due`: the residents the deadline index names (the register's daily tick); `all`: every resident in the log. */
export type TickSelection = 'due' | 'all';

export interface TickFigures {
  readonly asOf: IsoDate;
  readonly selection: TickSelection;
  readonly residentsExamined: number;
  readonly eventsAppended: number;
  /** Selecting the residents (a query of the deadline index, or reading the whole log). */
  readonly selectSeconds: number;
  readonly seconds: number;
  readonly residentsPerSecond: number;
}

/** The register's selection (read-side.ts `clockSelection`): deadlines due by the date and open lapse candidates. */
const dueResidents = (projectionsDb: string, asOf: IsoDate): readonly string[] => {
  const db = new BetterSqlite3(projectionsDb, { readonly: true });
  try {
    return createReadModels(db).residentsDueBy(asOf);
  } finally {
    db.close();
  }
};

/**
 * Phase (f): the daily clock tick at national size, as of the day after the read models' date. `due`
 * is the tick `register start` runs at every midnight (the residents the read models rebuilt in (c)
 * name as due by that day); `all` examines every resident in the log, as the very first tick after a
 * migration does (it also appends the clock events of the whole migrated history).
 */
export const clockTick = async (
  store: EventStore, options: { asOf: IsoDate; selection: TickSelection; projectionsDb: string }, onProgress?: (examined: number) => void,
): Promise<TickFigures> => {
  const started = performance.now();
  const residentIds = options.selection === 'due' ? dueResidents(options.projectionsDb, options.asOf) : allResidentIds(store);
  const selectSeconds = (performance.now() - started) / 1000;
  const result = await tick({
    store, residentIds, asOf: options.asOf, clock: () => new Date().toISOString(), logger: pino({ level: 'silent' }), appendMany: bulkAppendOf(store),
    onProgress: (p) => onProgress?.(p.residentsExamined),
  });
  const seconds = (performance.now() - started) / 1000;
  return {
    asOf: options.asOf, selection: options.selection, residentsExamined: result.residentsExamined, eventsAppended: result.eventsAppended,
    selectSeconds: round(selectSeconds, 1), seconds: round(seconds, 1), residentsPerSecond: Math.round(result.residentsExamined / seconds),
  };
};
