import type { Database } from 'better-sqlite3';
import type { IsoDate } from '../../../events/values.js';
import type { RecordedEvent } from '../../register/store/port.js';
import { checkpointStore } from '../read-models/checkpoint.js';
import { residentIdOfStream } from '../read-models/resident-facts.js';
import { residentRows } from '../read-models/resident-rows.js';
import { slimEvent, type JobChanges, type JobResident } from './rebuild-job.js';
import type { RebuildPool } from './rebuild-pool.js';

export interface ParallelReplay {
  /** Hands over the next events of the log, in log order (at least one); waits while the pipeline is full. */
  add(events: readonly RecordedEvent[]): Promise<void>;
  /** Applies everything handed over; returns the events applied. */
  finish(): Promise<number>;
}

interface InFlight {
  readonly residents: readonly string[];
  /** Every event at or below it is applied once the job is written (events held back lie above it). */
  readonly position: number;
  readonly changes: Promise<JobChanges>;
}

const groupByResident = (events: readonly RecordedEvent[]): Map<string, RecordedEvent[]> => {
  const grouped = new Map<string, RecordedEvent[]>();
  for (const event of events) {
    const residentId = residentIdOfStream(event.streamId);
    const list = grouped.get(residentId);
    if (list === undefined) grouped.set(residentId, [event]);
    else list.push(event);
  }
  return grouped;
};

/**
 * The rebuild with the pure compute (parse, `statusAt`, rows, packing) in worker threads and the
 * SQLite reads and writes on this thread's one connection. Jobs are written in the order they were
 * handed over, each in one transaction; up to `depth` are computed meanwhile.
 *
 * A job reads each resident's stream copy as written so far, so a resident is in one unwritten job
 * at a time: events of a resident whose job is still out are held back and go with a later job
 * (a live log spreads a resident's events; a bulk-imported one, cut at resident boundaries, never does).
 */
export const parallelReplay = (
  db: Database,
  pool: RebuildPool,
  options: { readonly today: IsoDate; readonly depth: number; readonly onWritten: (events: number, position: number) => void },
): ParallelReplay => {
  const rows = residentRows(db);
  const checkpoint = checkpointStore(db);
  const inFlight: InFlight[] = [];
  const busy = new Set<string>();
  let heldBack: RecordedEvent[] = [];
  let lastPosition = 0;
  let events = 0;

  const write = db.transaction((changes: JobChanges, position: number): number => {
    let copied = 0;
    for (const change of changes) {
      if (change === null) continue;
      rows.facts.savePacked(change.rows.status.resident_id, change.revision, change.facts);
      rows.write(change.rows);
      copied += change.copied;
    }
    checkpoint.advance(position);
    return copied;
  });

  const writeOldest = async (): Promise<void> => {
    const job = inFlight.shift();
    if (job === undefined) return;
    const changes = await job.changes;
    events += write.immediate(changes, job.position);
    job.residents.forEach((residentId) => busy.delete(residentId));
    options.onWritten(events, job.position);
  };

  const dispatch = async (events: readonly RecordedEvent[]): Promise<void> => {
    while (inFlight.length >= options.depth) await writeOldest();
    const residents: JobResident[] = [];
    const waiting: RecordedEvent[] = [];
    groupByResident([...heldBack, ...events]).forEach((residentEvents, residentId) => {
      if (busy.has(residentId)) waiting.push(...residentEvents);
      else residents.push({ residentId, known: rows.facts.packedOf(residentId) ?? null, events: residentEvents.map(slimEvent) });
    });
    heldBack = waiting;
    if (residents.length === 0) return;
    residents.forEach(({ residentId }) => busy.add(residentId));
    const position = waiting.reduce((lowest, event) => Math.min(lowest, event.position - 1), lastPosition);
    const changes = pool.run({ today: options.today, residents });
    changes.catch(() => undefined); // awaited in order by `writeOldest`; a failure before then must not go unhandled
    inFlight.push({ residents: residents.map((r) => r.residentId), position, changes });
  };

  return {
    add: async (batch) => {
      lastPosition = batch.at(-1)?.position ?? lastPosition;
      await dispatch(batch);
    },
    finish: async () => {
      while (heldBack.length > 0) {
        while (inFlight.length > 0) await writeOldest();
        await dispatch([]);
      }
      while (inFlight.length > 0) await writeOldest();
      return events;
    },
  };
};
