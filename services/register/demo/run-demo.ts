import { randomUUID } from 'node:crypto';
import type { Instant } from '../../../events/values.js';
import { createCommandHandler, type CommandHandler } from '../application/command-handler.js';
import { IdempotencyKeyReusedError } from '../application/errors.js';
import { DomainError } from '../domain/errors.js';
import type { EventStore } from '../store/port.js';
import type { GeneratedResident } from './population.js';

export interface DemoCounts {
  readonly residents: number;
  readonly commands: number;
  /** Events the store appended (a re-run, a duplicate relay, a replayed key append none). */
  readonly eventsAppended: number;
}

/** A command the register refused: for generated commands that is a generator bug. */
export interface DemoRejection {
  readonly residentIndex: number;
  readonly residentId: string;
  readonly commandType: string;
  readonly idempotencyKey: string;
  readonly recordedAt: string;
  readonly code: string;
  readonly message: string;
}

export interface DemoResult extends DemoCounts {
  readonly rejected: number;
  /** The first rejections (at most 20), each ending its resident's run (later commands would cascade). */
  readonly rejections: readonly DemoRejection[];
}

export interface DemoDeps {
  readonly store: EventStore;
  /** The officer every command is recorded for (default 'demo'). */
  readonly officerId?: string;
  readonly onProgress?: (counts: DemoCounts) => void;
}

const MAX_LISTED = 20;

const rejectionOf = (resident: GeneratedResident, planned: GeneratedResident['commands'][number], error: unknown): DemoRejection | null => {
  const code = error instanceof DomainError ? error.code : error instanceof IdempotencyKeyReusedError ? 'IDEMPOTENCY_KEY_REUSED' : null;
  if (code === null || !(error instanceof Error)) return null;
  return {
    residentIndex: resident.index, residentId: resident.residentId, commandType: planned.command.type,
    idempotencyKey: planned.idempotencyKey, recordedAt: planned.recordedAt, code, message: error.message,
  };
};

/** One resident's commands in order through the command path; stops at the first refusal. */
const runResident = async (handler: CommandHandler, clock: { now: Instant }, resident: GeneratedResident, officerId: string) => {
  let appended = 0;
  let commands = 0;
  for (const planned of resident.commands) {
    clock.now = planned.recordedAt;
    commands += 1;
    try {
      const result = await handler.handle({ residentId: resident.residentId, command: planned.command, idempotencyKey: planned.idempotencyKey, officerId });
      if (!result.replayed) appended += result.events.length;
    } catch (error) {
      const rejection = rejectionOf(resident, planned, error);
      if (rejection === null) throw error;
      return { appended, commands, rejection };
    }
  }
  return { appended, commands, rejection: null };
};

/**
 * Executes a generated population through the register's command path (read → decide → append),
 * each command recorded at its planned instant under its idempotency key, so that running the same
 * population again appends nothing. Residents run one after another; each one's commands in order.
 */
export const runDemo = async (residents: Iterable<GeneratedResident>, deps: DemoDeps): Promise<DemoResult> => {
  const clock = { now: '1970-01-01T00:00:00Z' };
  const handler = createCommandHandler({ store: deps.store, clock: () => clock.now, newId: randomUUID });
  const officerId = deps.officerId ?? 'demo';
  const rejections: DemoRejection[] = [];
  let counts: DemoCounts = { residents: 0, commands: 0, eventsAppended: 0 };
  let rejected = 0;
  for (const resident of residents) {
    const outcome = await runResident(handler, clock, resident, officerId);
    counts = { residents: counts.residents + 1, commands: counts.commands + outcome.commands, eventsAppended: counts.eventsAppended + outcome.appended };
    if (outcome.rejection !== null) {
      rejected += 1;
      if (rejections.length < MAX_LISTED) rejections.push(outcome.rejection);
    }
    deps.onProgress?.(counts);
  }
  return { ...counts, rejected, rejections };
};
