import { existsSync, statSync } from 'node:fs';
import { round } from '../machine.js';

const bytesOf = (file: string): number => ['', '-wal'].reduce((sum, suffix) => sum + (existsSync(`${file}${suffix}`) ? statSync(`${file}${suffix}`).size : 0), 0);

export interface FootprintFigures {
  readonly logEvents: number;
  readonly registerDbBytes: number;
  readonly registerDbBytesPerMillionEvents: number;
  readonly projectionsDbBytes: number;
  readonly projectionsDbBytesPerMillionEvents: number;
  /** Peak resident set of the benchmark process itself (generator, decider, bulk import, rebuild, tick). */
  readonly benchPeakRssMiB: number;
}

/** Phase (g): the files and the benchmark process's peak memory (the serving process's is measured in (e)). */
export const footprint = (registerDb: string, projectionsDb: string, logEvents: number): FootprintFigures => {
  const register = bytesOf(registerDb);
  const projections = bytesOf(projectionsDb);
  const perMillion = (bytes: number): number => Math.round((bytes / Math.max(1, logEvents)) * 1e6);
  return {
    logEvents, registerDbBytes: register, registerDbBytesPerMillionEvents: perMillion(register),
    projectionsDbBytes: projections, projectionsDbBytesPerMillionEvents: perMillion(projections),
    benchPeakRssMiB: round(process.resourceUsage().maxRSS / 1024, 1),
  };
};
