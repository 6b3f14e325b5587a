import { percentile, round } from '../machine.js';

/** p50/p99/max of a list of milliseconds, rounded to µs. */
export const latencySummary = (samples: readonly number[]) => {
  const sorted = Float64Array.from(samples).sort();
  return { count: sorted.length, p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)), max: round(percentile(sorted, 100)) };
};
export type LatencySummary = ReturnType<typeof latencySummary>;

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

