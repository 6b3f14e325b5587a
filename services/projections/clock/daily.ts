import { DateTime } from 'luxon';
import type { Logger } from 'pino';
import type { Instant, IsoDate } from '../../../events/values.js';
import { LEGAL_ZONE, legalDateOf } from '../../register/domain/rules/calendar.js';

export interface DailyClockDeps {
  /** Runs one tick as of the given legal date, e.g. `(asOf) => tick({ store, residentIds, asOf, clock, logger })`. */
  readonly runTick: (asOf: IsoDate) => Promise<unknown>;
  /** The instant now; the only time source (architecture decision 7). */
  readonly clock: () => Instant;
  readonly logger: Logger;
  /** Also tick once at start, as of today (JST), to catch up on a day boundary missed while stopped (default false). */
  readonly runAtStart?: boolean;
}

export interface DailyClock {
  /** The day boundary (00:00 JST) the next tick is armed for; null once stopped. */
  nextTickAt(): Instant | null;
  /** Disarms the timer and resolves when a tick in progress has finished. */
  stop(): Promise<void>;
}

const millis = (instant: Instant): number => DateTime.fromISO(instant, { setZone: true }).toMillis();

/** DT-1: the first 00:00 Asia/Tokyo after `instant`. */
const nextMidnightAfter = (instant: Instant): DateTime =>
  DateTime.fromISO(instant, { zone: LEGAL_ZONE }).startOf('day').plus({ days: 1 });

const isoOf = (boundary: DateTime): Instant => boundary.toISO() ?? `${boundary.toISODate() ?? ''}T00:00:00+09:00`;

/** A failed tick is logged; the clock keeps its schedule (the next tick retries what this one missed). */
const runLogged = async (runTick: DailyClockDeps['runTick'], logger: Logger, asOf: IsoDate): Promise<void> => {
  try {
    await runTick(asOf);
  } catch (error) {
    logger.error({ err: error, asOf }, 'clock tick failed');
  }
};

/**
 * Architecture decision 7: a tick at every JST day boundary, as of the day that begins (a ground
 * "from" D arises at 00:00 of D, CAN-3). Runs never overlap: the next boundary is armed only after a
 * tick has finished, and a boundary already passed by then runs at once, so no day is skipped. A
 * timer that fires before the boundary by the injected clock waits for the rest.
 */
export const startDailyClock = ({ runTick, clock, logger, runAtStart = false }: DailyClockDeps): DailyClock => {
  let timer: NodeJS.Timeout | null = null;
  let armedFor: DateTime | null = null;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  const run = (asOf: IsoDate): Promise<void> => runLogged(runTick, logger, asOf);
  const arm = (boundary: DateTime): void => {
    if (stopped) return;
    armedFor = boundary;
    const delay = Math.max(0, boundary.toMillis() - millis(clock()));
    timer = setTimeout(() => {
      timer = null;
      if (millis(clock()) < boundary.toMillis()) return arm(boundary);
      running = run(boundary.toISODate() ?? legalDateOf(clock())).then(() => arm(boundary.plus({ days: 1 })));
    }, delay);
    logger.debug({ nextTickAt: isoOf(boundary), delayMs: delay }, 'clock armed');
  };

  const first = nextMidnightAfter(clock());
  if (runAtStart) running = run(legalDateOf(clock())).then(() => arm(first));
  else arm(first);

  return {
    nextTickAt: () => (stopped || armedFor === null ? null : isoOf(armedFor)),
    stop: async () => {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
};
