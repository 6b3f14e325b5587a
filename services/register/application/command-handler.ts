import type { EventSource } from '../../../events/metadata.js';
import type { Instant } from '../../../events/values.js';
import type { ResidentCommand } from '../domain/commands.js';
import { ConcurrencyError, type EventStore, type JsonObject } from '../store/port.js';
import { attemptOnce, type Attempt } from './command-attempt.js';
import { ConcurrencyExhaustedError, RevisionMismatchError } from './errors.js';
import { createKeyedQueue } from './stream-queue.js';

/** Architecture decision 1: one stream per resident, keyed by the register's own id. */
export const residentStreamId = (residentId: string): string => `resident-${residentId}`;

export interface CommandHandlerDeps {
  readonly store: EventStore;
  /** Transaction time of the events appended (DT-8); the only clock the write side reads. */
  readonly clock: () => Instant;
  /** Fresh ids: the command id (causation), a default correlation id, event ids without a key. */
  readonly newId: () => string;
  /** Retries after a ConcurrencyError when the client stated no revision (default 5). */
  readonly maxRetries?: number;
  /** Waits before retry n (1-based); the default is a jittered exponential backoff of a few ms. */
  readonly backoff?: (retry: number) => Promise<void>;
}

export interface CommandRequest {
  readonly residentId: string;
  readonly command: ResidentCommand;
  /** Events get UUID v5 ids derived from it, so a retried request appends nothing new. */
  readonly idempotencyKey?: string;
  /** If-Match: the last revision the client saw, -1 for "no record yet", 'exists' for any record. */
  readonly expectedRevision?: number | 'exists';
  readonly officerId: string;
  /** Who the events are recorded as coming from; an officer (`officerId`) unless given, e.g. a municipal relay. */
  readonly source?: EventSource;
  readonly correlationId?: string;
}

export interface AppendedEvent {
  readonly id: string;
  readonly type: string;
  readonly revision: number;
  readonly position: number;
  readonly recordedAt: string | null;
  readonly data: JsonObject;
}

export interface CommandResult {
  readonly residentId: string;
  /** The stream's revision after the command (-1: the resident has no stream). */
  readonly revision: number;
  readonly events: readonly AppendedEvent[];
  /** True when the idempotency key had been used for this very request before: nothing was appended. */
  readonly replayed: boolean;
}

export interface CommandHandler {
  handle(request: CommandRequest): Promise<CommandResult>;
}

/** Full jitter, exponential: up to 10, 20, 40, 80, 160 ms before retries 1–5. */
const defaultBackoff = (retry: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * 2 ** (retry - 1)));

/**
 * The command side of the register: read the resident's stream, fold it, `decide`, append with the
 * revision read (architecture decisions 3 and 4). Commands for one resident run one at a time on this
 * node; a race lost to another node is retried (bounded) unless the client stated a revision.
 */
export const createCommandHandler = (deps: CommandHandlerDeps): CommandHandler => {
  const { newId, maxRetries = 5, backoff = defaultBackoff } = deps;
  const withRetry = async (attempt: Attempt): Promise<CommandResult> => {
    for (let retry = 1; ; retry += 1) {
      try {
        return await attemptOnce(deps, attempt);
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error;
        const { expectedRevision } = attempt.request;
        if (expectedRevision !== undefined) throw new RevisionMismatchError(attempt.streamId, expectedRevision, error.actual === 'no-stream' ? -1 : error.actual);
        if (retry > maxRetries) throw new ConcurrencyExhaustedError(attempt.streamId, retry);
        await backoff(retry);
      }
    }
  };

  const queue = createKeyedQueue();
  return {
    handle: async (request) => {
      if (request.command.data.residentId !== request.residentId)
        throw new TypeError(`command for resident ${request.command.data.residentId} sent to resident ${request.residentId}`);
      const commandId = newId();
      const streamId = residentStreamId(request.residentId);
      return queue.run(streamId, () => withRetry({ request, streamId, commandId, correlationId: request.correlationId ?? commandId }));
    },
  };
};
