import type { Database } from 'better-sqlite3';
import type { IsoDate } from '../../../events/values.js';
import type { RecordedEvent } from '../../register/store/port.js';
import { checkpointStore } from '../read-models/checkpoint.js';
import { RESIDENT_STREAM_PREFIX, residentIdOfStream } from '../read-models/resident-facts.js';
import { residentRows } from '../read-models/resident-rows.js';
import { withNewFacts } from './resident-change.js';

export { ProjectionGapError } from './resident-change.js';

export type ApplyOutcome = 'applied' | 'skipped';

export interface BatchOutcome {
  readonly applied: number;
  readonly skipped: number;
}

export interface EventApplier {
  /** One event, its read-model change and the checkpoint in ONE transaction: applied exactly once across crashes. */
  apply(event: RecordedEvent, today: IsoDate): ApplyOutcome;
  /** Many events in one transaction, each touched resident's events copied and its rows recomputed once (a rebuild). */
  applyBatch(events: readonly RecordedEvent[], today: IsoDate): BatchOutcome;
  /** Residents whose row may have changed by `today` without an event (`nextChangeOn` ≤ today). */
  dueForRefresh(today: IsoDate): string[];
  /** Recomputes the residents as of `today`, in one transaction. */
  recompute(residentIds: readonly string[], today: IsoDate): void;
  /** Moves the checkpoint over events that no read model takes (other streams), never backwards. */
  advance(position: number): void;
  checkpoint(): number;
}

/**
 * The residents whose status turns by a date. Sorted in JavaScript, not by SQL: with `ORDER BY
 * resident_id` SQLite walked the whole table in key order instead of the next_change_on index —
 * minutes of random reads at national size, on every start of the register.
 */
export const DUE_FOR_REFRESH_SQL = 'SELECT resident_id FROM resident_status WHERE next_change_on <= ?';
export const createEventApplier = (db: Database): EventApplier => {
  const rows = residentRows(db);
  const checkpoint = checkpointStore(db);
  const due = db.prepare(DUE_FOR_REFRESH_SQL).pluck();

  /** The events of each resident stream, in the order the residents first appear; other streams' events are left out. */
  const byResident = (events: readonly RecordedEvent[]): Map<string, RecordedEvent[]> => {
    const grouped = new Map<string, RecordedEvent[]>();
    for (const event of events) {
      if (!event.streamId.startsWith(RESIDENT_STREAM_PREFIX)) continue;
      const residentId = residentIdOfStream(event.streamId);
      const list = grouped.get(residentId);
      if (list === undefined) grouped.set(residentId, [event]);
      else list.push(event);
    }
    return grouped;
  };

  /** Copies a resident's new events (`withNewFacts`) and recomputes its rows once; returns the events copied. */
  const applyResident = (residentId: string, events: readonly RecordedEvent[], today: IsoDate): number => {
    const known = rows.facts.factsOf(residentId);
    const facts = withNewFacts(known, events);
    const copied = facts.length - known.length;
    if (copied === 0) return 0;
    rows.facts.save(residentId, facts);
    rows.recompute(residentId, today, facts);
    return copied;
  };

  const applyBatch = db.transaction((events: readonly RecordedEvent[], today: IsoDate): BatchOutcome => {
    let applied = 0;
    byResident(events).forEach((residentEvents, residentId) => {
      applied += applyResident(residentId, residentEvents, today);
    });
    const last = events.at(-1);
    if (last !== undefined) checkpoint.advance(last.position);
    return { applied, skipped: events.length - applied };
  });

  const recompute = db.transaction((residentIds: readonly string[], today: IsoDate) => {
    residentIds.forEach((residentId) => rows.recompute(residentId, today));
  });

  return {
    apply: (event, today) => (applyBatch.immediate([event], today).applied === 1 ? 'applied' : 'skipped'),
    applyBatch: (events, today) => applyBatch.immediate(events, today),
    dueForRefresh: (today) => (due.all(today) as string[]).sort(),
    recompute: (residentIds, today) => recompute.immediate(residentIds, today),
    advance: (position) => checkpoint.advance(position),
    checkpoint: () => checkpoint.read(),
  };
};
