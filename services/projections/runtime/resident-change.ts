import type { IsoDate } from '../../../events/values.js';
import type { Fact } from '../../register/domain/facts.js';
import type { RecordedEvent } from '../../register/store/port.js';
import { factOfEvent, packFacts } from '../read-models/resident-facts.js';
import { computeResidentRows, type ResidentRowSet } from '../read-models/resident-rows.js';

/** A resident's event arrived after a missing revision: the log was not delivered in order. */
export class ProjectionGapError extends Error {
  override readonly name = 'ProjectionGapError';
}

/**
 * The resident's facts with its new events appended, each parsed once (`factOfEvent`).
 * At-least-once delivery made safe: an event at or below the revision already copied for the
 * resident is skipped; one beyond the next revision means an event was lost, and stops the projector.
 */
export const withNewFacts = (known: readonly Fact[], events: readonly RecordedEvent[]): Fact[] => {
  const facts = [...known];
  for (const event of events) {
    const applied = facts.at(-1)?.revision ?? -1;
    if (event.revision <= applied) continue;
    if (event.revision !== applied + 1)
      throw new ProjectionGapError(`${event.streamId}: revision ${event.revision} at position ${event.position} follows revision ${applied}`);
    facts.push(factOfEvent(event));
  }
  return facts;
};

/** What applying a resident's new events writes: its packed stream copy and its rows. */
export interface ResidentChange {
  /** Events copied (the others were already copied). */
  readonly copied: number;
  /** The last revision copied, and the whole stream copy as `packFacts` packs it. */
  readonly revision: number;
  facts: Uint8Array;
  readonly rows: ResidentRowSet;
}

/**
 * The pure part of applying a resident's events (parse, `statusAt`, rows, packing): no database, so
 * a worker thread can do it. Null when every event was already copied.
 */
export const residentChange = (residentId: string, known: readonly Fact[], events: readonly RecordedEvent[], today: IsoDate): ResidentChange | null => {
  const facts = withNewFacts(known, events);
  const copied = facts.length - known.length;
  if (copied === 0) return null;
  return { copied, revision: facts.at(-1)?.revision ?? -1, facts: packFacts(facts), rows: computeResidentRows(residentId, today, facts) };
};
