import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';

// Compiled, as the soak preloads it (`npm test` builds first).
const probe = join(process.cwd(), 'dist/bench/gc-probe.js');

describe('the soak GC probe (bench/gc-probe.ts)', () => {
  it('answers each SIGUSR2 with a numbered line of the RSS and heap left after a full collection', async () => {
    if (!existsSync(probe)) throw new Error(`${probe} is missing: run 'npm run build' (npm test does it first)`);
    // A process holding 64 MiB of garbage: the heap after the probe's collection must be below it.
    const child = spawn(process.execPath, ['--import', probe, '-e', `
      let garbage = Array.from({ length: 64 }, () => new Array(131072).fill(1.5));
      garbage = null;
      process.stdout.write('ready\\n');
      setInterval(() => {}, 1000);`], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const stdout = createInterface({ input: child.stdout });
      const stderr = createInterface({ input: child.stderr });
      await new Promise<void>((resolve) => stdout.once('line', () => resolve()));
      const answers: unknown[] = [];
      const next = () => new Promise<void>((resolve) => stderr.once('line', (line) => { answers.push(JSON.parse(line)); resolve(); }));
      for (let i = 0; i < 2; i += 1) {
        const answered = next();
        child.kill('SIGUSR2');
        await answered;
      }
      expect(answers).toEqual([
        { gcProbe: 1, rssBytes: expect.any(Number), heapUsedBytes: expect.any(Number) },
        { gcProbe: 2, rssBytes: expect.any(Number), heapUsedBytes: expect.any(Number) },
      ]);
      const { heapUsedBytes } = answers[0] as { heapUsedBytes: number };
      expect(heapUsedBytes).toBeLessThan(32 * 2 ** 20);
      expect(child.exitCode).toBeNull(); // the signal did not end the process, as SIGUSR2 does by default
    } finally {
      child.kill('SIGKILL');
    }
  });
});
