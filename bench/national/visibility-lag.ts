import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import type { IsoDate } from '../../events/values.js';
import { startProjector } from '../../services/projections/runtime/projector.js';
import { openProjectionDatabase } from '../../services/projections/runtime/projection-db.js';
import { createCommandHandler } from '../../services/register/application/command-handler.js';
import type { EventStore } from '../../services/register/store/port.js';
import { round } from '../machine.js';
import { freshCommands } from './fresh-commands.js';
import { latencySummary, sleep, type LatencySummary } from './stats.js';

export interface LagFigures {
  /** The live projector catching up from its checkpoint (e.g. on the clock's events) before the steady load. */
  readonly catchUp: { readonly events: number; readonly seconds: number; readonly eventsPerSecond: number };
  readonly targetRate: number;
  readonly commands: number;
  readonly events: number;
  readonly seconds: number;
  /** From the append's commit to the status view showing the resident at that revision (polled every 1 ms). */
  readonly lagMs: LatencySummary;
  /** Appends the status view had not shown 30 s after the writer stopped (a stuck projector). */
  readonly unseen: number;
}

const UNSEEN_AFTER_MS = 30_000;

interface Pending {
  readonly residentId: string;
  readonly revision: number;
  readonly committedAt: number;
}

/**
 * Phase (d): the embedded default's live projector (one process with the store, as `register start`)
 * while commands append at a steady rate: how long until the status view shows each one.
 */
export const visibilityLag = async (
  store: EventStore, dbFile: string, options: { today: IsoDate; seed: string; firstIndex: number; rate: number; seconds: number },
): Promise<LagFigures> => {
  const { db } = openProjectionDatabase(dbFile);
  const projector = startProjector({ store, db, today: () => options.today, logger: pino({ level: 'silent' }) });
  try {
    const before = projector.checkpoint();
    const t0 = performance.now();
    const caughtUpAt = await projector.caughtUp;
    const catchUpSeconds = (performance.now() - t0) / 1000;
    const catchUpEvents = Math.max(0, caughtUpAt - before);
    const revisionOf = db.prepare('SELECT revision FROM resident_status WHERE resident_id = ?').pluck();
    const clock = { now: '1970-01-01T00:00:00Z' };
    const handler = createCommandHandler({ store, clock: () => clock.now, newId: randomUUID });
    const pending: Pending[] = [];
    const lags: number[] = [];
    let writing = true;
    let stoppedAt = Number.POSITIVE_INFINITY;
    const poller = (async () => {
      while ((writing || pending.length > 0) && performance.now() - stoppedAt < UNSEEN_AFTER_MS) {
        const now = performance.now();
        for (let i = pending.length - 1; i >= 0; i -= 1) {
          const p = pending[i];
          if (p === undefined) continue;
          const seen = revisionOf.get(p.residentId) as number | undefined;
          if (seen !== undefined && seen >= p.revision) {
            lags.push(now - p.committedAt);
            pending.splice(i, 1);
          }
        }
        await sleep(1);
      }
    })();
    const started = performance.now();
    const interval = 1000 / options.rate;
    let commands = 0;
    let events = 0;
    for (const next of freshCommands(options.seed, options.firstIndex)) {
      const due = started + commands * interval;
      if (due >= started + options.seconds * 1000) break;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      clock.now = next.planned.recordedAt;
      const result = await handler.handle({ residentId: next.residentId, command: next.planned.command, idempotencyKey: next.planned.idempotencyKey, officerId: 'bench' });
      commands += 1;
      events += result.events.length;
      if (result.events.length > 0) pending.push({ residentId: next.residentId, revision: result.revision, committedAt: performance.now() });
    }
    writing = false;
    stoppedAt = performance.now();
    await poller;
    const seconds = (performance.now() - started) / 1000;
    return {
      catchUp: { events: catchUpEvents, seconds: round(catchUpSeconds, 1), eventsPerSecond: Math.round(catchUpEvents / Math.max(catchUpSeconds, 1e-3)) },
      targetRate: options.rate, commands, events, seconds: round(seconds, 1), lagMs: latencySummary(lags), unseen: pending.length,
    };
  } finally {
    await projector.stop();
    db.close();
  }
};
