import type { Logger } from 'pino';
import { toStoredEvent } from '../../../events/parse.js';
import type { Instant, IsoDate } from '../../../events/values.js';
import { toFact } from '../../register/application/command-attempt.js';
import { residentStreamId } from '../../register/application/command-handler.js';
import { toJsonObject } from '../../register/application/idempotency.js';
import { plannedClockEvents, type ClockEvent, type ClockEventType } from '../../register/domain/clock.js';
import { assertIsoDate } from '../../register/domain/rules/calendar.js';
import {
  ConcurrencyError, IdempotencyConflictError, StoreUnavailableError, collect, type EventStore, type NewEvent,
} from '../../register/store/port.js';
import { clockEventId } from './event-ids.js';

export interface TickProgress {
  readonly residentId: string;
  readonly residentsExamined: number;
  readonly eventsAppended: number;
}

export interface TickDeps {
  readonly store: EventStore;
  /** Which residents to examine: `allResidentIds(store)`, or the projector's residents due by `asOf`. */
  readonly residentIds: AsyncIterable<string> | Iterable<string>;
  /** The legal date (JST) the tick brings the log up to (architecture decision 7). */
  readonly asOf: IsoDate;
  /** Transaction time of the events appended (DT-8). */
  readonly clock: () => Instant;
  readonly logger: Logger;
  /** Called after each resident has been examined. */
  readonly onProgress?: (progress: TickProgress) => void;
  /** Attempts per resident when another writer appended to the stream meanwhile (default 5). */
  readonly maxAttempts?: number;
  /**
   * The store's bulk append (`SqliteEventStore.appendMany`): when given, the events of up to
   * `chunk` residents are appended in one transaction (one fsync instead of one per resident); a
   * chunk that fails is redone resident by resident, with the retries above.
   */
  readonly appendMany?: (appends: readonly { streamId: string; events: readonly NewEvent[]; expected: number }[]) => Promise<unknown>;
  /** Residents per bulk append (default 200). */
  readonly chunk?: number;
}

export interface TickResult {
  readonly asOf: IsoDate;
  readonly residentsExamined: number;
  /** Residents whose stream could not be read, parsed or appended to; logged, and the tick went on. */
  readonly residentsFailed: number;
  readonly appended: Readonly<Record<ClockEventType, number>>;
  readonly eventsAppended: number;
}

type Planned = ClockEvent & { readonly id: string };

const toNewEvent = (planned: Planned, recordedAt: Instant, asOf: IsoDate): NewEvent => {
  const correlationId = `tick-${asOf}`;
  const stored = toStoredEvent(planned.event, { recordedAt, correlationId, causationId: correlationId, source: { kind: 'system', component: 'clock' } });
  return { id: planned.id, type: stored.type, data: toJsonObject(stored.data), metadata: { ...toJsonObject(stored.metadata), clockKey: planned.key } };
};

interface Plan {
  readonly residentId: string;
  readonly revision: number;
  readonly planned: readonly Planned[];
}

/** One resident's clock events as of `asOf`, not yet appended (none when the stream holds them all). */
const planResident = async (deps: TickDeps, residentId: string): Promise<Plan> => {
  const stream = await collect(deps.store.readStream(residentStreamId(residentId)));
  const last = stream.at(-1);
  if (last === undefined) return { residentId, revision: -1, planned: [] };
  const stored = new Set(stream.map((e) => e.id));
  const planned = plannedClockEvents(stream.map(toFact), deps.asOf)
    .map((p): Planned => ({ ...p, id: clockEventId(residentId, p.key) }))
    .filter((p) => !stored.has(p.id));
  return { residentId, revision: last.revision, planned };
};

/**
 * One resident: read the stream, plan the clock events, append them at the revision read. Another
 * writer in between (a command, a racing tick) makes the append fail; the stream is read again and the
 * plan redone, so what the other wrote is not appended twice (a racing tick's events have the same ids).
 */
const tickResident = async (deps: TickDeps, residentId: string): Promise<readonly Planned[]> => {
  const { store, asOf, maxAttempts = 5 } = deps;
  for (let attempt = 1; ; attempt += 1) {
    const plan = await planResident(deps, residentId);
    if (plan.planned.length === 0) return [];
    const recordedAt = deps.clock();
    try {
      const result = await store.append(residentStreamId(residentId), plan.planned.map((p) => toNewEvent(p, recordedAt, asOf)), plan.revision);
      return result.idempotentReplay ? [] : plan.planned;
    } catch (error) {
      const raced = error instanceof ConcurrencyError || error instanceof IdempotencyConflictError;
      if (!raced || attempt >= maxAttempts) throw error;
    }
  }
};

type Outcome = { readonly residentId: string; readonly planned: readonly Planned[] } | { readonly residentId: string; readonly error: unknown };

/** Every resident of the chunk by itself (`tickResident`, retried on races); a failure stays that resident's. */
const oneByOne = async (deps: TickDeps, residentIds: readonly string[]): Promise<Outcome[]> => {
  const outcomes: Outcome[] = [];
  for (const residentId of residentIds) {
    try {
      outcomes.push({ residentId, planned: await tickResident(deps, residentId) });
    } catch (error) {
      if (error instanceof StoreUnavailableError) throw error;
      outcomes.push({ residentId, error });
    }
  }
  return outcomes;
};

/** A chunk of residents planned one by one and appended in one transaction; any failure: one by one. */
const tickChunk = async (deps: TickDeps, residentIds: readonly string[]): Promise<Outcome[]> => {
  const { appendMany } = deps;
  if (appendMany === undefined) return oneByOne(deps, residentIds);
  let plans: Plan[];
  try {
    plans = await Promise.all(residentIds.map((id) => planResident(deps, id)));
  } catch (error) {
    if (error instanceof StoreUnavailableError) throw error;
    return oneByOne(deps, residentIds);
  }
  const due = plans.filter((p) => p.planned.length > 0);
  const recordedAt = deps.clock();
  try {
    if (due.length > 0)
      await appendMany(due.map((p) => ({ streamId: residentStreamId(p.residentId), events: p.planned.map((e) => toNewEvent(e, recordedAt, deps.asOf)), expected: p.revision })));
  } catch (error) {
    if (error instanceof StoreUnavailableError) throw error;
    return oneByOne(deps, residentIds);
  }
  return plans.map((p) => ({ residentId: p.residentId, planned: p.planned }));
};

const noneAppended = (): Record<ClockEventType, number> => ({
  ResidenceCardInvalidated: 0, NotificationOverdue: 0, CancellationGroundDetected: 0, CancellationGroundWithdrawn: 0,
});

/**
 * Architecture decision 7: brings every selected resident's stream up to `asOf` — cards that lost
 * effect, overdue duties, 90-day grounds that arose or were removed. Deterministic and idempotent: the
 * same log and as-of date append the same events once, however often or concurrently it runs. A
 * resident that fails is logged and counted; a store that fails stops the tick.
 */
export const tick = async (deps: TickDeps): Promise<TickResult> => {
  const { asOf, logger, onProgress } = deps;
  assertIsoDate(asOf);
  const appended = noneAppended();
  let residentsExamined = 0;
  let residentsFailed = 0;
  let eventsAppended = 0;
  const record = (outcome: Outcome): void => {
    const { residentId } = outcome;
    if ('error' in outcome) {
      residentsFailed += 1;
      logger.error({ err: outcome.error, residentId, asOf }, 'clock tick failed for a resident');
    } else {
      outcome.planned.forEach((e) => (appended[e.event.type] += 1));
      eventsAppended += outcome.planned.length;
      if (outcome.planned.length > 0) logger.debug({ residentId, asOf, events: outcome.planned.map((e) => e.key) }, 'clock events appended');
    }
    residentsExamined += 1;
    onProgress?.({ residentId, residentsExamined, eventsAppended });
  };
  const size = deps.appendMany === undefined ? 1 : (deps.chunk ?? 200);
  let chunk: string[] = [];
  for await (const residentId of deps.residentIds) {
    chunk.push(residentId);
    if (chunk.length < size) continue;
    (await tickChunk(deps, chunk)).forEach(record);
    chunk = [];
  }
  if (chunk.length > 0) (await tickChunk(deps, chunk)).forEach(record);
  logger.info({ asOf, residentsExamined, residentsFailed, appended }, 'clock tick done');
  return { asOf, residentsExamined, residentsFailed, appended, eventsAppended };
};
