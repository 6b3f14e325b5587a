import { cpus, totalmem, platform, release } from 'node:os';

/** What a figure was measured on: every results file carries it. */
export const machineInfo = () => ({
  cores: cpus().length,
  cpuModel: cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
  node: process.version,
  platform: `${platform()} ${release()}`,
});

export const percentile = (sorted: Float64Array, p: number): number => {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
};

export const round = (value: number, digits = 3): number => Math.round(value * 10 ** digits) / 10 ** digits;

/** A progress line on stderr at most once a second, so long runs show they are alive. */
export const progressReporter = (label: string, total: number) => {
  const started = performance.now();
  let lastPrint = 0;
  return (done: number): void => {
    const now = performance.now();
    if (now - lastPrint < 1000 && done < total) return;
    lastPrint = now;
    const rate = done / ((now - started) / 1000);
    process.stderr.write(`\r${label}: ${done.toLocaleString('en')}/${total.toLocaleString('en')} (${Math.round(rate).toLocaleString('en')} events/s)   `);
    if (done >= total) process.stderr.write('\n');
  };
};
