import type { ResidentEvent } from '../../../events/catalogue.js';
import { parseStoredEvent, toStoredEvent } from '../../../events/parse.js';
import { decide } from '../domain/decide.js';
import type { Fact } from '../domain/facts.js';
import { foldResident } from '../domain/resident.js';
import { collect, type JsonObject, type NewEvent, type RecordedEvent } from '../store/port.js';
import type { AppendedEvent, CommandHandlerDeps, CommandRequest, CommandResult } from './command-handler.js';
import { RevisionMismatchError } from './errors.js';
import { factCacheOf } from './fact-cache.js';
import { keyedEventId, keyUse, metadataString, requestHash, toJsonObject } from './idempotency.js';

/** One request being handled: its command id is the causation id of every event it appends. */
export interface Attempt {
  readonly request: CommandRequest;
  readonly streamId: string;
  readonly commandId: string;
  readonly correlationId: string;
}

export type AttemptDeps = Pick<CommandHandlerDeps, 'store' | 'clock' | 'newId'>;

/** A stored event as the decider sees it: the event, its transaction time and stream revision (DT-8). */
export const toFact = (recorded: RecordedEvent): Fact => {
  const { event, metadata } = parseStoredEvent(recorded);
  return { event, recordedAt: metadata.recordedAt, revision: recorded.revision };
};

const appendedOf = (recorded: RecordedEvent): AppendedEvent => ({
  id: recorded.id, type: recorded.type, revision: recorded.revision, position: recorded.position,
  recordedAt: metadataString(recorded, 'recordedAt') ?? null, data: recorded.data,
});

const checkExpected = (streamId: string, expected: CommandRequest['expectedRevision'], actual: number): void => {
  if (expected === undefined) return;
  if (expected === 'exists' ? actual < 0 : expected !== actual) throw new RevisionMismatchError(streamId, expected, actual);
};

const replayOf = (residentId: string, events: readonly RecordedEvent[]): CommandResult => ({
  residentId, revision: events.at(-1)?.revision ?? -1, events: events.map(appendedOf), replayed: true,
});

const toNewEvents = ({ clock, newId }: AttemptDeps, attempt: Attempt, events: readonly ResidentEvent[]): NewEvent[] => {
  const { request } = attempt;
  const recordedAt = clock();
  const keyed: JsonObject = request.idempotencyKey === undefined ? {} : { idempotencyKey: request.idempotencyKey, requestHash: requestHash(request.command) };
  return events.map((event, index) => {
    const stored = toStoredEvent(event, {
      recordedAt, correlationId: attempt.correlationId, causationId: attempt.commandId,
      source: request.source ?? { kind: 'officer', officerId: request.officerId },
    });
    const id = request.idempotencyKey === undefined ? newId() : keyedEventId(request.residentId, request.command.type, request.idempotencyKey, index);
    return { id, type: stored.type, data: toJsonObject(stored.data), metadata: { ...toJsonObject(stored.metadata), ...keyed } };
  });
};

/** One read → fold → decide → append; a ConcurrencyError escapes to the caller's retry. */
export const attemptOnce = async (deps: AttemptDeps, attempt: Attempt): Promise<CommandResult> => {
  const { store } = deps;
  const { request, streamId } = attempt;
  const stream = await collect(store.readStream(streamId));
  const revision = stream.at(-1)?.revision ?? -1;
  if (request.idempotencyKey !== undefined) {
    const use = keyUse(stream, request.command, request.residentId, request.idempotencyKey);
    if (use.kind === 'replay') return replayOf(request.residentId, use.events);
  }
  checkExpected(streamId, request.expectedRevision, revision);
  const decided = decide(request.command, foldResident(factCacheOf(store).factsOf(stream, toFact)));
  if (decided.length === 0) return { residentId: request.residentId, revision, events: [], replayed: false };
  const events = toNewEvents(deps, attempt, decided);
  const result = await store.append(streamId, events, revision < 0 ? 'no-stream' : revision);
  // Another copy of this keyed request won the race with the same events: answer as its replay.
  if (result.idempotentReplay) return attemptOnce(deps, attempt);
  const first = result.position - events.length + 1;
  return {
    residentId: request.residentId, revision: result.nextExpectedRevision, replayed: false,
    events: events.map((event, i) => ({
      id: event.id, type: event.type, revision: revision + 1 + i, position: first + i,
      recordedAt: metadataString(event, 'recordedAt') ?? null, data: event.data,
    })),
  };
};
