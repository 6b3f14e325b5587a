import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { endLine, eventLine, headerLine, LogEnd, LogFileError, LogHeader, LogLine, parseJsonLine, parseWith } from './log-file.js';
import { ConcurrencyError, IdempotencyConflictError, type EventStore, type NewEvent } from './port.js';

/**
 * Moving a log between stores (SQLite ↔ KurrentDB, SQLite → SQLite) through the NDJSON export
 * format of `log-file.ts`: streamed both ways, order, ids, revisions, data and metadata preserved.
 * Global positions are the target's own (KurrentDB's are log offsets), so they are not carried over.
 */

export interface TransferProgress {
  readonly done: number;
  readonly total: number;
}

/** Header, every event up to the head at the start (a consistent snapshot even under writes), end line. */
export async function* exportLines(store: EventStore, onProgress?: (p: TransferProgress) => void): AsyncIterable<string> {
  const head = await store.headPosition();
  yield `${headerLine()}\n`;
  let events = 0;
  for await (const event of store.readAll()) {
    if (event.position > head) break;
    events += 1;
    yield `${eventLine(event)}\n`;
    onProgress?.({ done: event.position, total: head });
  }
  yield `${endLine(events)}\n`;
}

interface NumberedLine {
  readonly text: string;
  readonly n: number;
}

export async function* readLines(file: string): AsyncIterable<NumberedLine> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  for await (const text of lines) {
    n += 1;
    yield { text, n };
  }
}

interface FileEvent extends NewEvent {
  readonly streamId: string;
  readonly revision: number;
  readonly line: number;
}

/**
 * Every line checked before anything is written: a header, events in strictly increasing positions
 * with each stream's revisions consecutive from 0, and the end line with the right count.
 */
async function* checkedEvents(lines: AsyncIterable<NumberedLine>, file: string): AsyncIterable<FileEvent> {
  const revisions = new Map<string, number>();
  let lastPosition = 0;
  let count = 0;
  let ended: number | undefined;
  let header = false;
  let lastLine = 0;
  for await (const { text, n } of lines) {
    lastLine = n;
    if (text.trim() === '') continue;
    if (ended !== undefined) throw new LogFileError(file, n, `text after the end line (line ${ended})`);
    const value = parseJsonLine(text, file, n);
    if (!header) {
      parseWith(LogHeader, value, file, n, 'the header of a register log export');
      header = true;
      continue;
    }
    if (typeof value === 'object' && value !== null && 'end' in value) {
      const end = parseWith(LogEnd, value, file, n, 'an end line');
      if (end.events !== count) throw new LogFileError(file, n, `the end line counts ${end.events} events but the file holds ${count}`);
      ended = n;
      continue;
    }
    const e = parseWith(LogLine, value, file, n, 'a recorded event');
    if (e.position <= lastPosition) throw new LogFileError(file, n, `position ${e.position} does not follow ${lastPosition}: events are out of log order`);
    const expected = (revisions.get(e.streamId) ?? -1) + 1;
    if (e.revision !== expected) throw new LogFileError(file, n, `${e.streamId} revision ${e.revision} where ${expected} was due: an event is missing or repeated`);
    revisions.set(e.streamId, e.revision);
    lastPosition = e.position;
    count += 1;
    yield { streamId: e.streamId, revision: e.revision, id: e.id, type: e.type, data: e.data, metadata: e.metadata, line: n };
  }
  if (!header) throw new LogFileError(file, 1, 'empty file: not a register log export');
  if (ended === undefined) throw new LogFileError(file, lastLine, `the file ends after ${count} events without its end line: it is truncated`);
}

/** Checks a whole export file without writing anything; resolves to its number of events. */
export const checkLogFile = async (file: string): Promise<number> => {
  let events = 0;
  for await (const _ of checkedEvents(readLines(file), file)) events += 1;
  return events;
};

/** The import could not be applied: the target holds another history for a stream of the file. */
export class ImportConflictError extends Error {
  override readonly name = 'ImportConflictError';
}

export interface ImportResult {
  readonly events: number;
  readonly appended: number;
  /** Events the target already held with the same id and content (a repeated or resumed import). */
  readonly alreadyPresent: number;
}

const MAX_BATCH = 100;

/**
 * Appends the file's events in file order, a run of consecutive events of one stream per append,
 * each expecting the revision before its first event. The batches are the same on every run, so a
 * repeated or interrupted-and-restarted import finds each batch whole or absent: nothing is doubled.
 */
export const importLogFile = async (store: EventStore, file: string, onProgress?: (p: TransferProgress) => void): Promise<ImportResult> => {
  const total = await checkLogFile(file);
  let appended = 0;
  let alreadyPresent = 0;
  let done = 0;
  let batch: FileEvent[] = [];
  const flush = async (): Promise<void> => {
    const first = batch[0];
    if (first === undefined) return;
    const events = batch.map(({ id, type, data, metadata }) => ({ id, type, data, metadata }));
    try {
      const result = await store.append(first.streamId, events, first.revision === 0 ? 'no-stream' : first.revision - 1);
      if (result.idempotentReplay) alreadyPresent += events.length;
      else appended += events.length;
    } catch (error) {
      if (error instanceof ConcurrencyError || error instanceof IdempotencyConflictError)
        throw new ImportConflictError(`${file}, line ${first.line}: ${first.streamId} cannot take revisions ${first.revision}–${first.revision + events.length - 1}: ${error.message} (the target holds another history for this stream)`, { cause: error });
      throw error;
    }
    done += events.length;
    onProgress?.({ done, total });
    batch = [];
  };
  for await (const event of checkedEvents(readLines(file), file)) {
    if (batch.length > 0 && (batch[0]?.streamId !== event.streamId || batch.length >= MAX_BATCH)) await flush();
    batch.push(event);
  }
  await flush();
  return { events: total, appended, alreadyPresent };
};
