import { ConcurrencyError, type AppendResult, type EventStore, type ExpectedRevision, type NewEvent, type RecordedEvent } from '../../services/register/store/port.js';
import type { StreamAppend } from '../../services/register/store/sqlite.js';

/**
 * An in-memory stand-in for the event store for the bulk import: the command handler reads and
 * appends here (every event still decided by `decide` on the resident's facts), then `drain` hands
 * the new streams over to one `appendMany` on the real store. Only for streams the real store does
 * not hold yet (a fresh import), so every drained stream is appended with `no-stream`.
 */
export interface StagingStore extends EventStore {
  /** The streams staged since the last drain, each to be appended whole; the staging store is emptied. */
  drain(): StreamAppend[];
  /** Events staged and not drained yet. */
  staged(): number;
}

const unsupported = (what: string): never => {
  throw new Error(`the staging store does not support ${what}`);
};

const matchesExpected = (expected: ExpectedRevision, head: number): boolean =>
  expected === 'any' || (expected === 'no-stream' && head < 0) || (expected === 'stream-exists' && head >= 0) || expected === head;

export const createStagingStore = (): StagingStore => {
  let streams = new Map<string, RecordedEvent[]>();
  let count = 0;
  let position = 0;
  return {
    async append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
      const stream = streams.get(streamId) ?? [];
      const head = stream.length - 1;
      if (!matchesExpected(expected, head)) throw new ConcurrencyError(streamId, expected, head < 0 ? 'no-stream' : head);
      events.forEach((event, i) => {
        position += 1;
        stream.push({ ...event, streamId, revision: head + 1 + i, position });
      });
      streams.set(streamId, stream);
      count += events.length;
      return { nextExpectedRevision: stream.length - 1, position, idempotentReplay: false };
    },
    async *readStream(streamId: string): AsyncIterable<RecordedEvent> {
      yield* streams.get(streamId) ?? [];
    },
    readAll: () => unsupported('readAll'),
    subscribeToAll: () => unsupported('subscribeToAll'),
    headPosition: async () => position,
    close: async () => undefined,
    drain: () => {
      const appends = [...streams].map(([streamId, events]) => ({ streamId, events: events.map(({ id, type, data, metadata }) => ({ id, type, data, metadata })), expected: 'no-stream' as const }));
      streams = new Map();
      count = 0;
      return appends;
    },
    staged: () => count,
  };
};
