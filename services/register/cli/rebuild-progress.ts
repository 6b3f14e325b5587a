import { Presets, SingleBar } from 'cli-progress';
import type { RebuildProgress, RebuildResult } from '../../projections/runtime/rebuild.js';

export interface ProgressReporter {
  update(progress: RebuildProgress): void;
  stop(): void;
}

const number = (n: number): string => n.toLocaleString('en');

/** One plain progress line, for logs and pipes. */
export const progressLine = (p: RebuildProgress): string =>
  `rebuild: ${number(p.events)} events, position ${number(p.position)} of ${number(p.head)} (${number(p.eventsPerSecond)} events/s)\n`;

export const summaryLine = (result: RebuildResult, asOf: string): string =>
  `rebuilt the read models as of ${asOf}: ${number(result.events)} events in ${result.seconds.toFixed(1)} s (${number(result.eventsPerSecond)} events/s), checkpoint ${number(result.checkpoint)}\n`;

/** Plain lines, at most one a second, so that a log of a long rebuild stays short. */
export const plainProgress = (write: (text: string) => void, now: () => number = () => performance.now()): ProgressReporter => {
  let last = Number.NEGATIVE_INFINITY;
  return {
    update: (progress) => {
      const at = now();
      if (at - last < 1000) return;
      last = at;
      write(progressLine(progress));
    },
    stop: () => undefined,
  };
};

/** A progress bar over log positions, for a person watching a terminal. */
export const barProgress = (stream: NodeJS.WritableStream): ProgressReporter => {
  const bar = new SingleBar(
    { stream, hideCursor: true, format: 'rebuild |{bar}| {percentage}% | {value}/{total} positions | {events} events | {rate} events/s | ETA {eta_formatted}' },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update: (p) => {
      const payload = { events: number(p.events), rate: number(p.eventsPerSecond) };
      if (!started) bar.start(p.head, p.position, payload);
      else {
        bar.setTotal(p.head);
        bar.update(p.position, payload);
      }
      started = true;
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
};
