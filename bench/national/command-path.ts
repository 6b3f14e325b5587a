import { randomUUID } from 'node:crypto';
import { createCommandHandler } from '../../services/register/application/command-handler.js';
import type { EventStore } from '../../services/register/store/port.js';
import { round } from '../machine.js';
import { freshCommands } from './fresh-commands.js';
import { latencySummary, type LatencySummary } from './stats.js';

export interface CommandPathFigures {
  readonly seconds: number;
  readonly commands: number;
  readonly events: number;
  readonly commandsPerSecond: number;
  readonly eventsPerSecond: number;
  /** One command: read the stream, `decide`, one durable append (one transaction). */
  readonly latencyMs: LatencySummary;
}

/**
 * Phase (a): the durable command path as fast as one writer goes — new residents' generated commands
 * through `createCommandHandler` on the loaded log, one command per transaction, for `seconds`.
 */
export const commandPath = async (store: EventStore, options: { seed: string; firstIndex: number; seconds: number }): Promise<CommandPathFigures> => {
  const clock = { now: '1970-01-01T00:00:00Z' };
  const handler = createCommandHandler({ store, clock: () => clock.now, newId: randomUUID });
  const latencies: number[] = [];
  let events = 0;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  for (const next of freshCommands(options.seed, options.firstIndex)) {
    if (performance.now() >= deadline) break;
    clock.now = next.planned.recordedAt;
    const t0 = performance.now();
    const result = await handler.handle({ residentId: next.residentId, command: next.planned.command, idempotencyKey: next.planned.idempotencyKey, officerId: 'bench' });
    latencies.push(performance.now() - t0);
    events += result.events.length;
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    seconds: round(seconds, 1), commands: latencies.length, events,
    commandsPerSecond: Math.round(latencies.length / seconds), eventsPerSecond: Math.round(events / seconds), latencyMs: latencySummary(latencies),
  };
};
