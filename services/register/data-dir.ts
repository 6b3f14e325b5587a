import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirError extends Error {
  override readonly name = 'DataDirError';
}

/**
 * Creates the data directory if needed and proves it is writable by writing a probe file: the
 * register must fail at start, with a message naming the directory, not on the first append.
 */
export const prepareDataDir = (dir: string): void => {
  try {
    mkdirSync(dir, { recursive: true });
    const probe = join(dir, `.write-probe-${process.pid}`);
    writeFileSync(probe, 'ok');
    rmSync(probe);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new DataDirError(`the data directory ${dir} is not writable (${code}); choose another with --data-dir`, {
      cause: error,
    });
  }
};
