import type { IsoDate } from '../../../events/values.js';
import type { RecordedEvent } from '../../register/store/port.js';
import { factOfEvent, unpackFacts } from '../read-models/resident-facts.js';
import { residentChange, type ResidentChange } from './resident-change.js';

/** One resident of a rebuild job: its stream copy so far (packed; null when none) and its new events (`slimEvent`). */
export interface JobResident {
  readonly residentId: string;
  readonly known: Uint8Array | null;
  readonly events: readonly RecordedEvent[];
}

/**
 * The event with only the metadata a fact takes (`factOfEvent` picks `recordedAt` and `schemaVersion`
 * and ignores the rest): the correlation, source and request hash are most of an event's bytes, and
 * each byte posted to a worker is copied twice.
 */
export const slimEvent = (event: RecordedEvent): RecordedEvent => {
  const { metadata } = event;
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) return event;
  const slim: RecordedEvent['metadata'] = {};
  if ('recordedAt' in metadata) slim['recordedAt'] = metadata['recordedAt'];
  if ('schemaVersion' in metadata) slim['schemaVersion'] = metadata['schemaVersion'];
  return { ...event, metadata: slim };
};

export interface RebuildJob {
  readonly today: IsoDate;
  readonly residents: readonly JobResident[];
}

/** The job's changes, in the order of its residents (null: nothing new for the resident). */
export type JobChanges = (ResidentChange | null)[];

export type JobReply = { readonly kind: 'done'; readonly changes: JobChanges } | { readonly kind: 'failed'; readonly name: string; readonly message: string };

/** The event a failure is about: the first of the resident's events that does not parse, else the resident's stream. */
const culprit = (resident: JobResident): string => {
  for (const event of resident.events) {
    try {
      factOfEvent(event);
    } catch {
      return `event ${event.id} (${event.streamId} revision ${event.revision}, position ${event.position})`;
    }
  }
  const first = resident.events[0];
  return first === undefined ? `resident ${resident.residentId}` : `${first.streamId} from position ${first.position}`;
};

/**
 * The pure part of a rebuild batch, as a worker thread runs it: each resident's change, or the first
 * failure with the event it is about named (the error's class does not survive the thread boundary; its name does).
 */
export const runJob = (job: RebuildJob): JobReply => {
  const changes: JobChanges = [];
  for (const resident of job.residents) {
    try {
      changes.push(residentChange(resident.residentId, resident.known === null ? [] : unpackFacts(resident.known), resident.events, job.today));
    } catch (error) {
      const { name, message } = error instanceof Error ? error : new Error(String(error));
      return { kind: 'failed', name, message: `${message} [${culprit(resident)}]` };
    }
  }
  return { kind: 'done', changes };
};

/**
 * Copies every packed BLOB of the changes into one fresh buffer and points the changes at it, so that
 * posting them transfers one buffer: a BLOB from zlib is a view of a 16 KiB buffer that a post would copy whole.
 */
export const gatherBlobs = (changes: JobChanges): ArrayBuffer => {
  const blobs = changes.flatMap((c) => (c === null ? [] : [c.facts, c.rows.status.status]));
  const whole = new Uint8Array(blobs.reduce((total, blob) => total + blob.byteLength, 0));
  let offset = 0;
  const place = (blob: Uint8Array): Uint8Array => {
    whole.set(blob, offset);
    offset += blob.byteLength;
    return whole.subarray(offset - blob.byteLength, offset);
  };
  for (const change of changes) {
    if (change === null) continue;
    change.facts = place(change.facts);
    change.rows.status.status = place(change.rows.status.status);
  }
  return whole.buffer;
};
