import { EventEmitter } from 'node:events';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { startCatchUp, type LogPage } from './catch-up.js';
import { checkAppend, decideAppend, type StoredIdentity } from './append-rules.js';
import {
  StoreUnavailableError,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StreamFilter,
  type SubscribeOptions,
  type Subscription,
} from './port.js';
import { applyPragmas, migrate } from './sqlite-schema.js';

/** One stream's share of a bulk append (`appendMany`). */
export interface StreamAppend {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  readonly expected: ExpectedRevision;
}

/** The embedded store, with a bulk path the port does not need (import, benchmarks). */
export interface SqliteEventStore extends EventStore {
  /**
   * Many streams' appends in ONE transaction (one fsync): each checked exactly as `append` checks it
   * (expected revision, idempotent replay), and all or none written.
   */
  appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]>;
}

const bulkAppends = new WeakMap<EventStore, SqliteEventStore['appendMany']>();

/** The bulk append of a store opened by `openSqliteEventStore`, undefined for any other store (KurrentDB). */
export const bulkAppendOf = (store: EventStore): SqliteEventStore['appendMany'] | undefined => bulkAppends.get(store);

export interface SqliteEventStoreOptions {
  /** Path of the database file; `:memory:` only for throwaway use (no other process can see it). */
  readonly file: string;
  /** How often a subscription looks for appends made by other processes. */
  readonly pollIntervalMs?: number;
  readonly pageSize?: number;
  /**
   * SQLite's page cache for this connection (default: better-sqlite3's 16 MiB). A bulk load into a
   * large log wants gigabytes: every event inserts into the random-ordered `event_id` index, and
   * with the index's pages out of cache each insert reads one from disk.
   */
  readonly cacheSizeMiB?: number;
}

interface EventRow {
  position: number;
  event_id: string;
  stream_id: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
}

const toRecorded = (row: EventRow): RecordedEvent => ({
  id: row.event_id,
  streamId: row.stream_id,
  revision: row.revision,
  position: row.position,
  type: row.type,
  data: JSON.parse(row.data) as RecordedEvent['data'],
  metadata: JSON.parse(row.metadata) as RecordedEvent['metadata'],
});

const matches = (filter: StreamFilter | undefined, streamId: string): boolean =>
  filter === undefined || filter.streamPrefixes.some((prefix) => streamId.startsWith(prefix));

const openDatabase = (file: string): Database => {
  try {
    const db = new BetterSqlite3(file);
    applyPragmas(db);
    migrate(db);
    return db;
  } catch (error) {
    throw new StoreUnavailableError(`cannot open the event store at ${file}: ${(error as Error).message}`, {
      cause: error,
    });
  }
};

/** The embedded default event store: one SQLite file, usable by several processes at once. */
export const openSqliteEventStore = (options: SqliteEventStoreOptions): SqliteEventStore => {
  const db = openDatabase(options.file);
  if (options.cacheSizeMiB !== undefined) db.pragma(`cache_size = ${-Math.round(options.cacheSizeMiB * 1024)}`);
  const pageSize = options.pageSize ?? 500;
  const pollMs = options.pollIntervalMs ?? 200;
  const appended = new EventEmitter();
  appended.setMaxListeners(0);
  const subscriptions = new Set<Subscription>();
  let closed = false;

  const sql = {
    byId: db.prepare('SELECT event_id, stream_id, revision, position, type, data FROM events WHERE event_id = ?'),
    head: db.prepare('SELECT MAX(revision) AS revision FROM events WHERE stream_id = ?'),
    insert: db.prepare(
      'INSERT INTO events (event_id, stream_id, revision, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    forwards: db.prepare(
      'SELECT * FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision ASC LIMIT ?',
    ),
    backwards: db.prepare(
      'SELECT * FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?',
    ),
    all: db.prepare('SELECT * FROM events WHERE position > ? ORDER BY position ASC LIMIT ?'),
    headPosition: db.prepare('SELECT COALESCE(MAX(position), 0) AS position FROM events'),
  };

  const ensureOpen = (): void => {
    if (closed) throw new StoreUnavailableError(`the event store at ${options.file} is closed`);
  };

  const guard = <T>(work: () => T): T => {
    ensureOpen();
    try {
      return work();
    } catch (error) {
      if (error instanceof BetterSqlite3.SqliteError)
        throw new StoreUnavailableError(`event store ${options.file}: ${error.message}`, { cause: error });
      throw error;
    }
  };

  const appendRows = (streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): AppendResult => {
    const stored = events.map((e) => sql.byId.get(e.id) as StoredIdentity | undefined);
    const headRow = sql.head.get(streamId) as { revision: number | null };
    const decision = decideAppend(streamId, events, stored, headRow.revision, expected);
    if (decision.kind === 'replay') return decision.result;
    let position = 0;
    events.forEach((event, i) => {
      const info = sql.insert.run(
        event.id,
        streamId,
        decision.firstRevision + i,
        event.type,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata),
      );
      position = Number(info.lastInsertRowid);
    });
    return { nextExpectedRevision: decision.firstRevision + events.length - 1, position, idempotentReplay: false };
  };
  const appendTx = db.transaction(appendRows);
  const appendManyTx = db.transaction((appends: readonly StreamAppend[]) => appends.map((a) => appendRows(a.streamId, a.events, a.expected)));

  const readPage = (after: number, filter: StreamFilter | undefined, limit: number): LogPage => {
    const rows = guard(() => sql.all.all(after, limit) as EventRow[]);
    const last = rows.at(-1);
    return {
      events: rows.filter((row) => matches(filter, row.stream_id)).map(toRecorded),
      scannedUpTo: last === undefined ? after : last.position,
      exhausted: rows.length < limit,
    };
  };

  const waitForAppend = (ms: number): { promise: Promise<void>; cancel: () => void } => {
    let cancel: () => void = () => undefined;
    const promise = new Promise<void>((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        appended.off('append', wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      appended.on('append', wake);
      cancel = wake;
    });
    return { promise, cancel };
  };

  const store: SqliteEventStore = {
    async append(streamId, events, expected): Promise<AppendResult> {
      checkAppend(streamId, events);
      const result = guard(() => appendTx.immediate(streamId, events, expected));
      if (!result.idempotentReplay) appended.emit('append');
      return result;
    },

    async appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
      appends.forEach((a) => checkAppend(a.streamId, a.events));
      const results = guard(() => appendManyTx.immediate(appends));
      if (results.some((r) => !r.idempotentReplay)) appended.emit('append');
      return results;
    },

    async *readStream(streamId: string, readOptions: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
      const backwards = readOptions.direction === 'backwards';
      let remaining = readOptions.maxCount ?? Number.POSITIVE_INFINITY;
      let cursor = readOptions.fromRevision ?? (backwards ? Number.MAX_SAFE_INTEGER : 0);
      while (remaining > 0 && cursor >= 0) {
        const limit = Math.min(pageSize, remaining);
        const statement = backwards ? sql.backwards : sql.forwards;
        const rows = guard(() => statement.all(streamId, cursor, limit) as EventRow[]);
        for (const row of rows) yield toRecorded(row);
        const last = rows.at(-1);
        if (last === undefined || rows.length < limit) return;
        remaining -= rows.length;
        cursor = backwards ? last.revision - 1 : last.revision + 1;
      }
    },

    async *readAll(readOptions: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
      let remaining = readOptions.maxCount ?? Number.POSITIVE_INFINITY;
      let after = readOptions.after ?? 0;
      while (remaining > 0) {
        const page = readPage(after, readOptions.filter, pageSize);
        for (const event of page.events.slice(0, remaining)) yield event;
        remaining -= page.events.length;
        after = page.scannedUpTo;
        if (page.exhausted) return;
      }
    },

    subscribeToAll(subscribeOptions: SubscribeOptions): Subscription {
      ensureOpen();
      const source = { readPage: (after: number) => readPage(after, subscribeOptions.filter, pageSize), waitForAppend };
      const subscription = startCatchUp(source, subscribeOptions, pollMs);
      subscriptions.add(subscription);
      void subscription.done.catch(() => undefined).finally(() => subscriptions.delete(subscription));
      return subscription;
    },

    async headPosition(): Promise<number> {
      return guard(() => (sql.headPosition.get() as { position: number }).position);
    },

    async close(): Promise<void> {
      if (closed) return;
      await Promise.all([...subscriptions].map((s) => s.stop()));
      closed = true;
      db.close();
    },
  };
  bulkAppends.set(store, (appends) => store.appendMany(appends));
  return store;
};
