import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import type { IsoDate } from '../../../events/values.js';
import type { EventStore, RecordedEvent } from '../../register/store/port.js';
import { checkpointStore } from '../read-models/checkpoint.js';
import { RESIDENT_STREAM_PREFIX } from '../read-models/resident-facts.js';
import { createEventApplier } from './event-applier.js';
import { openProjectionDatabase } from './projection-db.js';
import { parallelReplay } from './rebuild-parallel.js';
import { rebuildPool } from './rebuild-pool.js';

/** The projection database is open in another process (a running register): it must be stopped first. */
export class ProjectionDbInUseError extends Error {
  override readonly name = 'ProjectionDbInUseError';
}

export interface RebuildProgress {
  /** Position of the last event applied, and the head of the log (the total to reach). */
  readonly position: number;
  readonly head: number;
  readonly events: number;
  readonly elapsedMs: number;
  readonly eventsPerSecond: number;
}

export interface RebuildOptions {
  readonly store: EventStore;
  /** The projection database to replace, e.g. `<dataDir>/projections.db`. */
  readonly dbFile: string;
  /** The legal date the rows are computed as of. */
  readonly today: IsoDate;
  /** Called after every batch of events. */
  readonly onProgress?: (progress: RebuildProgress) => void;
  /** Events per transaction (default 5000); each touched resident is recomputed once per batch. */
  readonly batchSize?: number;
  /**
   * Worker threads that compute the rows while this thread reads the log and writes SQLite (default
   * `os.availableParallelism() - 1`, at least 1: this thread is busy a third of the time itself, and a
   * thread more than the cores measured slower); 0 computes on this thread, one batch after the other.
   */
  readonly workers?: number;
  /** SQLite page cache of the new database, MiB (default 64); a national-scale rebuild runs faster with a few GiB. */
  readonly cacheSizeMiB?: number;
}

export interface RebuildResult {
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  readonly checkpoint: number;
}

const removeDatabase = (file: string): void => ['', '-wal', '-shm', '-journal'].forEach((suffix) => rmSync(`${file}${suffix}`, { force: true }));

const fsyncPath = (path: string): void => {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
};

/**
 * Folds the old database's write-ahead log into it and closes it: SQLite removes the -wal file when
 * the last connection closes, so a -wal file left behind means another process still has it open.
 */
const releaseOld = (file: string): void => {
  if (!existsSync(file)) return;
  const old = new BetterSqlite3(file);
  old.pragma('wal_checkpoint(TRUNCATE)');
  old.close();
  if (existsSync(`${file}-wal`)) throw new ProjectionDbInUseError(`the projection database ${file} is in use; stop the register before rebuilding`);
};

const rate = (events: number, ms: number): number => (ms <= 0 ? 0 : Math.round((events * 1000) / ms));

/** The fresh file is made durable, the old one released, then the fresh one renamed over it. */
const replaceDatabase = (temp: string, dbFile: string): void => {
  fsyncPath(temp);
  releaseOld(dbFile);
  renameSync(temp, dbFile);
  fsyncPath(dirname(dbFile));
};

const DEFAULT_BATCH = 5000;

const progressReporter =
  (options: RebuildOptions, head: number, started: number) =>
  (events: number, position: number): void => {
    const elapsedMs = performance.now() - started;
    options.onProgress?.({ position, head: Math.max(head, position), events, elapsedMs, eventsPerSecond: rate(events, elapsedMs) });
  };

/** Applies every resident event of the log to `db`, a batch per transaction, on this thread; returns the events applied. */
const replay = async (db: Database, options: RebuildOptions, head: number, started: number): Promise<number> => {
  const applier = createEventApplier(db);
  const report = progressReporter(options, head, started);
  let events = 0;
  let batch: RecordedEvent[] = [];
  const flush = (): void => {
    events += applier.applyBatch(batch, options.today).applied;
    report(events, batch.at(-1)?.position ?? 0);
    batch = [];
  };
  for await (const event of options.store.readAll({ after: 0, filter: { streamPrefixes: [RESIDENT_STREAM_PREFIX] } })) {
    batch.push(event);
    if (batch.length >= (options.batchSize ?? DEFAULT_BATCH)) flush();
  }
  if (batch.length > 0) flush();
  applier.advance(head); // the log was read past `head`: what remains below it belongs to other streams
  return events;
};

/**
 * The same replay with the compute in `workers` threads (rebuild-parallel.ts). A batch is cut where
 * a resident's stream ends, once it is full: in a bulk-imported log, whose residents' events are
 * contiguous, no resident then spans two batches and none waits for another batch to be written.
 */
const replayInWorkers = async (db: Database, options: RebuildOptions, head: number, started: number, workers: number): Promise<number> => {
  const pool = rebuildPool(workers);
  try {
    const replayer = parallelReplay(db, pool, { today: options.today, depth: 2 * workers, onWritten: progressReporter(options, head, started) });
    const size = options.batchSize ?? DEFAULT_BATCH;
    let batch: RecordedEvent[] = [];
    for await (const event of options.store.readAll({ after: 0, filter: { streamPrefixes: [RESIDENT_STREAM_PREFIX] } })) {
      if (batch.length >= size && event.streamId !== batch.at(-1)?.streamId) {
        await replayer.add(batch);
        batch = [];
      }
      batch.push(event);
    }
    if (batch.length > 0) await replayer.add(batch);
    const events = await replayer.finish();
    checkpointStore(db).advance(head); // the log was read past `head`: what remains below it belongs to other streams
    return events;
  } finally {
    await pool.close();
  }
};

/**
 * Replays the whole log from position 0 into a fresh database written beside `dbFile`, then renames
 * it over the old one (atomic on one file system): queries never see a half-built read model.
 */
export const rebuildProjections = async (options: RebuildOptions): Promise<RebuildResult> => {
  const temp = `${options.dbFile}.rebuild-${process.pid}`;
  removeDatabase(temp);
  const started = performance.now();
  const head = await options.store.headPosition();
  const { db } = openProjectionDatabase(temp, 'bulk', options.cacheSizeMiB === undefined ? {} : { cacheSizeMiB: options.cacheSizeMiB });
  let events: number;
  let checkpoint: number;
  try {
    const workers = options.workers ?? Math.max(1, availableParallelism() - 1);
    events = await (workers > 0 ? replayInWorkers(db, options, head, started, workers) : replay(db, options, head, started));
    checkpoint = checkpointStore(db).read();
    db.close();
    replaceDatabase(temp, options.dbFile);
  } catch (error) {
    if (db.open) db.close();
    removeDatabase(temp);
    throw error;
  }
  const elapsedMs = performance.now() - started;
  return { events, seconds: elapsedMs / 1000, eventsPerSecond: rate(events, elapsedMs), checkpoint };
};
