import type { Database } from 'better-sqlite3';
import type { IsoDate } from '../../../events/values.js';
import type { RecordedEvent } from '../../register/store/port.js';
import { checkpointStore } from '../read-models/checkpoint.js';
import { RESIDENT_STREAM_PREFIX, residentIdOfStream } from '../read-models/resident-facts.js';
import { residentRows } from '../read-models/resident-rows.js';

/** A resident's event arrived after a missing revision: the log was not delivered in order. */
export class ProjectionGapError extends Error {
  override readonly name = 'ProjectionGapError';
}

export type ApplyOutcome = 'applied' | 'skipped';

export interface BatchOutcome {
  readonly applied: number;
  readonly skipped: number;
}

export interface EventApplier {
  /** One event, its read-model change and the checkpoint in ONE transaction: applied exactly once across crashes. */
  apply(event: RecordedEvent, today: IsoDate): ApplyOutcome;
  /** Many events in one transaction, each touched resident recomputed once at the end (a rebuild). */
  applyBatch(events: readonly RecordedEvent[], today: IsoDate): BatchOutcome;
  /** Residents whose row may have changed by `today` without an event (`nextChangeOn` ≤ today). */
  dueForRefresh(today: IsoDate): string[];
  /** Recomputes the residents as of `today`, in one transaction. */
  recompute(residentIds: readonly string[], today: IsoDate): void;
  /** Moves the checkpoint over events that no read model takes (other streams), never backwards. */
  advance(position: number): void;
  checkpoint(): number;
}

export const createEventApplier = (db: Database): EventApplier => {
  const rows = residentRows(db);
  const checkpoint = checkpointStore(db);
  const due = db.prepare('SELECT resident_id FROM resident_status WHERE next_change_on <= ? ORDER BY resident_id').pluck();

  /**
   * At-least-once delivery made safe: an event at or below the revision already copied for the
   * resident is skipped; one beyond the next revision means an event was lost, and stops the projector.
   */
  const copy = (event: RecordedEvent): string | null => {
    if (!event.streamId.startsWith(RESIDENT_STREAM_PREFIX)) return null;
    const residentId = residentIdOfStream(event.streamId);
    const applied = rows.facts.appliedRevision(residentId);
    if (event.revision <= applied) return null;
    if (event.revision !== applied + 1)
      throw new ProjectionGapError(`${event.streamId}: revision ${event.revision} at position ${event.position} follows revision ${applied}`);
    rows.facts.insert(event);
    return residentId;
  };

  const apply = db.transaction((event: RecordedEvent, today: IsoDate): ApplyOutcome => {
    const residentId = copy(event);
    if (residentId !== null) rows.recompute(residentId, today);
    checkpoint.advance(event.position);
    return residentId === null ? 'skipped' : 'applied';
  });

  const applyBatch = db.transaction((events: readonly RecordedEvent[], today: IsoDate): BatchOutcome => {
    const touched = new Set<string>();
    let applied = 0;
    for (const event of events) {
      const residentId = copy(event);
      if (residentId === null) continue;
      touched.add(residentId);
      applied += 1;
    }
    touched.forEach((residentId) => rows.recompute(residentId, today));
    const last = events.at(-1);
    if (last !== undefined) checkpoint.advance(last.position);
    return { applied, skipped: events.length - applied };
  });

  const recompute = db.transaction((residentIds: readonly string[], today: IsoDate) => {
    residentIds.forEach((residentId) => rows.recompute(residentId, today));
  });

  return {
    apply: (event, today) => apply.immediate(event, today),
    applyBatch: (events, today) => applyBatch.immediate(events, today),
    dueForRefresh: (today) => due.all(today) as string[],
    recompute: (residentIds, today) => recompute.immediate(residentIds, today),
    advance: (position) => checkpoint.advance(position),
    checkpoint: () => checkpoint.read(),
  };
};
