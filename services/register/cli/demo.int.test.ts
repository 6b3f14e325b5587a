import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The CLI is tested as it ships: compiled JavaScript run by node (`npm test` builds first).
const cli = join(process.cwd(), 'dist/services/register/cli.js');
const dir = mkdtempSync(join(tmpdir(), 'register-demo-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(() => {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run 'npm run build' (npm test does it first)`);
});

const run = (...args: string[]) => spawnSync(process.execPath, [cli, 'demo', ...args], { encoding: 'utf8', env: { ...process.env }, timeout: 120_000 });

/** The summary lines on stdout, e.g. "events appended: 279", as numbers. */
const summary = (stdout: string): Record<string, number> =>
  Object.fromEntries(stdout.trim().split('\n').map((line) => {
    const [key = '', value = ''] = line.split(': ');
    return [key, Number(value)];
  }));

describe('register demo (compiled CLI, as a separate process)', () => {
  it('fills the store through the command path, and appends nothing when run again with the same seed', () => {
    const data = join(dir, 'data');
    const first = run('--residents', '20', '--data-dir', data);
    expect(first.stderr).toContain('demo: 20/20 residents');
    expect(first.status).toBe(0);
    const counts = summary(first.stdout);
    expect(counts).toMatchObject({ residents: 20 });
    expect(counts.commands).toBeGreaterThan(100);
    expect(counts['events appended']).toBeGreaterThan(100);
    expect(counts.seconds).toBeGreaterThan(0);
    expect(counts['events/s']).toBeGreaterThan(0);
    expect(existsSync(join(data, 'register.db'))).toBe(true);

    const again = run('--residents', '20', '--data-dir', data);
    expect(again.status).toBe(0);
    expect(summary(again.stdout)).toMatchObject({ residents: 20, commands: counts.commands, 'events appended': 0 });
  }, 240_000);

  it('exits 2 naming the flag when --residents is missing, not a number, or out of 1 … 5,000,000', () => {
    for (const [args, message] of [
      [[], '--residents: is required'],
      [['--residents', '0'], '--residents: must be a whole number from 1 to 5,000,000'],
      [['--residents', '5000001'], '--residents: must be a whole number from 1 to 5,000,000'],
      [['--residents', '2e3'], '--residents: must be a whole number'],
    ] as const) {
      const result = run(...args, '--data-dir', join(dir, 'unused'));
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toContain(message);
    }
  });

  it('exits 2 for an impossible --until date or a stray argument', () => {
    const badDate = run('--residents', '5', '--until', '2026-02-30', '--data-dir', join(dir, 'unused'));
    expect(badDate.status).toBe(2);
    expect(badDate.stderr).toContain('--until: must be a real calendar date');
    const early = run('--residents', '5', '--until', '2023-06-30', '--data-dir', join(dir, 'unused'));
    expect(early.status).toBe(2);
    expect(early.stderr).toContain('--until: must be a date from 2024-01-01');
    const stray = run('--residents', '5', 'extra', '--data-dir', join(dir, 'unused'));
    expect(stray.status).toBe(2);
    expect(stray.stderr).toContain("demo takes no arguments, got 'extra'");
    expect(existsSync(join(dir, 'unused'))).toBe(false);
  });
});
