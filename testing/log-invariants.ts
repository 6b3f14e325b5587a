import { parseStoredEvent } from '../events/index.js';
import type { RecordedEvent } from '../services/register/store/port.js';
import { openSqliteEventStore } from '../services/register/store/sqlite.js';

/** The whole log of a register.db, read through the store adapter (which also recovers its WAL). */
export const readWholeLog = async (file: string): Promise<RecordedEvent[]> => {
  const store = openSqliteEventStore({ file });
  try {
    const events: RecordedEvent[] = [];
    for await (const event of store.readAll({ after: 0 })) events.push(event);
    return events;
  } finally {
    await store.close();
  }
};

const causationOf = (event: RecordedEvent): string | undefined => {
  const value = event.metadata['causationId'];
  return typeof value === 'string' ? value : undefined;
};

/**
 * What a log must look like whatever happened to the process writing it: every event parses, each
 * stream's revisions run 0..n-1 without a gap, positions only grow, no event id twice, and the
 * events of one command (one causation id) sit at adjacent positions of one stream — an append is
 * all or nothing. Returns the violations found (empty when the log is sound).
 */
export const logViolations = (events: readonly RecordedEvent[]): string[] => {
  const violations: string[] = [];
  const nextRevision = new Map<string, number>();
  const ids = new Set<string>();
  const batches = new Map<string, RecordedEvent[]>();
  let lastPosition = 0;
  for (const event of events) {
    if (event.position <= lastPosition) violations.push(`position ${event.position} after ${lastPosition}`);
    lastPosition = event.position;
    if (ids.has(event.id)) violations.push(`event id ${event.id} stored twice`);
    ids.add(event.id);
    const expected = nextRevision.get(event.streamId) ?? 0;
    if (event.revision !== expected) violations.push(`${event.streamId}: revision ${event.revision} where ${expected} was next`);
    nextRevision.set(event.streamId, event.revision + 1);
    try {
      parseStoredEvent({ type: event.type, data: event.data, metadata: event.metadata });
    } catch (error) {
      violations.push(`position ${event.position} does not parse: ${(error as Error).message}`);
    }
    const causation = causationOf(event);
    if (causation !== undefined) batches.set(causation, [...(batches.get(causation) ?? []), event]);
  }
  for (const [causation, batch] of batches) {
    const split = batch.some((e, i) => i > 0 && (e.position !== (batch[i - 1]?.position ?? 0) + 1 || e.streamId !== batch[0]?.streamId));
    if (split) violations.push(`the events of ${causation} are not one contiguous append`);
  }
  return violations;
};
