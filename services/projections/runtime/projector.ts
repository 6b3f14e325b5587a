import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Database } from 'better-sqlite3';
import type { Logger } from 'pino';
import type { IsoDate } from '../../../events/values.js';
import type { EventStore, RecordedEvent } from '../../register/store/port.js';
import { RESIDENT_STREAM_PREFIX } from '../read-models/resident-facts.js';
import { createEventApplier, type BatchOutcome, type EventApplier } from './event-applier.js';
import { createProjectionMetrics, type ProjectionMetrics } from './metrics.js';
import { ensureReadModelSchema } from './projection-db.js';

export interface ProjectorOptions {
  readonly store: EventStore;
  /** The projection database (openProjectionDatabase); the caller opens and closes it. */
  readonly db: Database;
  /** The legal date (JST) the rows are computed as of; read for every event. */
  readonly today: () => IsoDate;
  readonly logger: Logger;
  /** How often the head of the log is read for the lag metric (ms, default 1000). */
  readonly pollMs?: number;
  readonly metrics?: ProjectionMetrics;
  /** Events applied per transaction at most (default 500); each touched resident is recomputed once per batch. */
  readonly batchSize?: number;
}

export interface RefreshResult {
  readonly residents: number;
}

export interface Projector {
  /**
   * Resolves with the checkpoint once every event that existed at start has been applied and the
   * rows due by `today()` have been refreshed (a day boundary may have passed while it was stopped).
   */
  readonly caughtUp: Promise<number>;
  /** Resolves when stopped; rejects if an event could not be applied (the projector then stands still). */
  readonly done: Promise<void>;
  readonly metrics: ProjectionMetrics;
  checkpoint(): number;
  /** Head position of the log minus the checkpoint, as last measured. */
  lag(): number;
  /** Reads the head of the log now and updates the lag metric (also done every `pollMs`). */
  measureLag(): Promise<number>;
  /** Recomputes, as of `today`, every resident whose `nextChangeOn` ≤ today: deadlines pass without events. */
  refresh(today: IsoDate): Promise<RefreshResult>;
  stop(): Promise<void>;
}

const FILTER = { streamPrefixes: [RESIDENT_STREAM_PREFIX] };
const REFRESH_BATCH = 200;
const APPLY_BATCH = 500;

const hasResidentEventAfter = async (store: EventStore, position: number): Promise<boolean> => {
  for await (const _event of store.readAll({ after: position, filter: FILTER, maxCount: 1 })) return true;
  return false;
};

/** Lag bookkeeping: the head seen last and the checkpoint, with an idle advance over other streams' events. */
const lagTracker = (options: ProjectorOptions, applier: EventApplier, metrics: ProjectionMetrics) => {
  const { store, db, logger } = options;
  let head = 0;
  const current = (): number => Math.max(0, head - applier.checkpoint());
  const sawPosition = (position: number): void => {
    head = Math.max(head, position);
    metrics.lag.set(current());
  };
  const measure = async (): Promise<void> => {
    try {
      const measured = await store.headPosition();
      const checkpoint = applier.checkpoint();
      const idle = measured > checkpoint && !(await hasResidentEventAfter(store, checkpoint));
      if (!db.open) return; // stopped and closed by the caller while the head was being read
      if (idle) applier.advance(measured);
      sawPosition(measured);
    } catch (error) {
      logger.warn({ err: error }, 'could not measure the projection lag');
    }
  };
  return { sawPosition, measure, current };
};

/** Recomputes the due residents in batches, yielding between them so events and queries interleave. */
const refresher = (applier: EventApplier, logger: Logger) => async (date: IsoDate): Promise<RefreshResult> => {
  const due = applier.dueForRefresh(date);
  for (let i = 0; i < due.length; i += REFRESH_BATCH) {
    applier.recompute(due.slice(i, i + REFRESH_BATCH), date);
    await nextTurn();
  }
  logger.info({ asOf: date, residents: due.length }, 'read models refreshed');
  return { residents: due.length };
};

/** What the projector needs besides the subscription: the applier, the metrics and the lag. */
const prepare = (options: ProjectorOptions) => {
  const { db, logger } = options;
  const schema = ensureReadModelSchema(db);
  if (schema.reset) logger.info({ changed: schema.changed }, 'read-model schema changed: rebuilding from position 0');
  const metrics = options.metrics ?? createProjectionMetrics();
  const applier = createEventApplier(db);
  return { metrics, applier, lag: lagTracker(options, applier, metrics) };
};

/**
 * Events delivered one by one, applied in batches: a batch is applied when it is full or, at the
 * latest, once the events delivered together (a page of the log, a live append) have all arrived —
 * on the next turn of the event loop. A batch and the checkpoint after it commit in one transaction.
 */
const batcher = (applier: EventApplier, today: () => IsoDate, metrics: ProjectionMetrics, sawPosition: (position: number) => void, size: number) => {
  let pending: RecordedEvent[] = [];
  let failure: { error: unknown } | null = null;
  let onFailure: (error: unknown) => void = () => undefined;
  const flush = (): void => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    const date = today();
    let outcome: BatchOutcome;
    try {
      outcome = applier.applyBatch(batch, date);
    } catch {
      // The batch was rolled back: apply its events one by one, so that the checkpoint stops right
      // before the event that cannot be applied (the one that throws again here).
      outcome = { applied: 0, skipped: 0 };
      for (const event of batch) {
        const one = applier.apply(event, date);
        outcome = { applied: outcome.applied + (one === 'applied' ? 1 : 0), skipped: outcome.skipped + (one === 'skipped' ? 1 : 0) };
      }
    }
    if (outcome.applied > 0) metrics.events.inc({ outcome: 'applied' }, outcome.applied);
    if (outcome.skipped > 0) metrics.events.inc({ outcome: 'skipped' }, outcome.skipped);
    sawPosition(batch.at(-1)?.position ?? 0);
  };
  /** A failed batch stops the projector: nothing after it is applied, the checkpoint stays before it. */
  const flushOrFail = (): void => {
    if (failure !== null) throw failure.error;
    try {
      flush();
    } catch (error) {
      failure = { error };
      pending = [];
      onFailure(error);
      throw error;
    }
  };
  const onEvent = (event: RecordedEvent): void => {
    if (failure !== null) throw failure.error;
    pending.push(event);
    if (pending.length >= size) flushOrFail();
    else if (pending.length === 1) setImmediate(() => { try { flushOrFail(); } catch { /* reported through `done` */ } });
  };
  return { onEvent, flushOrFail, failed: (handler: (error: unknown) => void) => { onFailure = handler; }, failure: () => failure };
};

/**
 * The projector of one instance: a catch-up subscription to the resident streams from the stored
 * checkpoint; events are applied to the read models in batches, each together with the checkpoint in
 * one SQLite transaction (decision 6), and re-delivered events are skipped by stream revision.
 */
export const startProjector = (options: ProjectorOptions): Projector => {
  const { store, today, logger } = options;
  const { metrics, applier, lag } = prepare(options);
  const batches = batcher(applier, today, metrics, lag.sawPosition, options.batchSize ?? APPLY_BATCH);
  logger.info({ checkpoint: applier.checkpoint() }, 'projector starting');
  const subscription = store.subscribeToAll({ after: applier.checkpoint(), filter: FILTER, onEvent: batches.onEvent });
  batches.failed(() => void subscription.stop());
  const timer = setInterval(() => void lag.measure(), options.pollMs ?? 1000);
  timer.unref();
  const refresh = refresher(applier, logger);
  const caughtUp = subscription.caughtUp.then(async (position) => {
    batches.flushOrFail(); // before the checkpoint moves past the events still waiting in a batch
    applier.advance(position); // every event up to `position` was delivered; the rest were other streams'
    await refresh(today()); // rows left from before a day boundary the process did not see
    await lag.measure();
    logger.info({ checkpoint: applier.checkpoint(), lag: lag.current() }, 'projector caught up');
    return applier.checkpoint();
  });
  caughtUp.catch(() => undefined);
  const done = subscription.done.then(() => {
    const failed = batches.failure();
    if (failed !== null) throw failed.error;
  }).catch((error: unknown) => {
    clearInterval(timer);
    logger.error({ err: error, checkpoint: applier.checkpoint() }, 'projector stopped: an event could not be applied');
    throw error;
  });
  done.catch(() => undefined);
  const stop = async (): Promise<void> => {
    clearInterval(timer);
    await subscription.stop();
    if (batches.failure() === null && options.db.open) batches.flushOrFail();
  };
  const measureLag = async (): Promise<number> => {
    await lag.measure();
    return lag.current();
  };
  return {
    caughtUp, done, metrics, stop, measureLag, checkpoint: () => applier.checkpoint(), lag: () => lag.current(), refresh,
  };
};
