import cliProgress from 'cli-progress';
import type { DemoCounts } from '../demo/run-demo.js';

export interface DemoProgress {
  update(counts: DemoCounts): void;
  stop(): void;
}

/** A live bar on a terminal (cli-progress). */
const bar = (total: number, stream: NodeJS.WriteStream): DemoProgress => {
  const progress = new cliProgress.SingleBar(
    { stream, format: 'demo [{bar}] {percentage}% | {value}/{total} residents | {events} events | {eta_formatted} left', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  progress.start(total, 0, { events: 0 });
  return {
    update: (counts) => progress.update(counts.residents, { events: counts.eventsAppended }),
    stop: () => progress.stop(),
  };
};

/** Plain lines at most once a second, for logs and pipes, and one when done. */
const lines = (total: number, write: (text: string) => void, now: () => number): DemoProgress => {
  let last = now();
  let latest: DemoCounts = { residents: 0, commands: 0, eventsAppended: 0 };
  const line = (counts: DemoCounts): void => write(`demo: ${counts.residents}/${total} residents, ${counts.commands} commands, ${counts.eventsAppended} events\n`);
  return {
    update: (counts) => {
      latest = counts;
      if (now() - last < 1000) return;
      last = now();
      line(counts);
    },
    stop: () => line(latest),
  };
};

/** Progress on stderr: a bar on a TTY, otherwise plain lines no more than once a second. */
export const demoProgress = (total: number, stream: NodeJS.WriteStream, now: () => number = Date.now): DemoProgress =>
  stream.isTTY ? bar(total, stream) : lines(total, (text) => void stream.write(text), now);
