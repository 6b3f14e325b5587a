import { checkAppend, decideAppend, type StoredIdentity } from '../../store/append-rules.js';
import type { AppendResult, EventStore, ExpectedRevision, NewEvent, RecordedEvent } from '../../store/port.js';

/** An in-memory event store for unit tests of the command handler: the append rules of the real adapters. */
export interface MemoryStore extends EventStore {
  /** Runs before every append, e.g. to let "another node" append first and so force a conflict. */
  beforeAppend: (streamId: string) => void;
  readonly events: RecordedEvent[];
  /** Appends at once, bypassing `beforeAppend` (the other node's write). */
  appendNow(streamId: string, events: readonly NewEvent[]): void;
}

/** A fresh empty store; appends follow append-rules.ts like the SQLite adapter. */
export const createMemoryStore = (): MemoryStore => {
  const events: RecordedEvent[] = [];
  const identity = (id: string): StoredIdentity | undefined => {
    const e = events.find((event) => event.id === id);
    return e && { event_id: e.id, stream_id: e.streamId, revision: e.revision, position: e.position, type: e.type, data: JSON.stringify(e.data) };
  };
  const write = (streamId: string, batch: readonly NewEvent[], expected: ExpectedRevision): AppendResult => {
    checkAppend(streamId, batch);
    const head = events.filter((e) => e.streamId === streamId).at(-1)?.revision ?? null;
    const decision = decideAppend(streamId, batch, batch.map((e) => identity(e.id)), head, expected);
    if (decision.kind === 'replay') return decision.result;
    batch.forEach((e, i) => events.push({ ...e, streamId, revision: decision.firstRevision + i, position: events.length + 1 }));
    return { nextExpectedRevision: decision.firstRevision + batch.length - 1, position: events.length, idempotentReplay: false };
  };
  const store: MemoryStore = {
    events,
    beforeAppend: () => undefined,
    appendNow: (streamId, batch) => void write(streamId, batch, 'any'),
    append: async (streamId, batch, expected) => {
      store.beforeAppend(streamId);
      return write(streamId, batch, expected);
    },
    readStream: async function* (streamId) {
      yield* events.filter((e) => e.streamId === streamId);
    },
    readAll: async function* () {
      yield* events;
    },
    subscribeToAll: () => {
      throw new Error('not supported by the memory store');
    },
    headPosition: async () => events.length,
    close: async () => undefined,
  };
  return store;
};
