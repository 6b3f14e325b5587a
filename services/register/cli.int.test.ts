import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The CLI is tested as it ships: compiled JavaScript run by node (`npm test` builds first).
const cli = join(process.cwd(), 'dist/services/register/cli.js');
const dir = mkdtempSync(join(tmpdir(), 'register-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(() => {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run 'npm run build' (npm test does it first)`);
});

const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env } });

describe('register CLI (compiled, as a separate process)', () => {
  it('prints usage for --help and for one command, and exits 0', () => {
    const result = run('--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^ {2}start +run the register/m);
    const start = run('start', '--help');
    expect(start.status).toBe(0);
    expect(start.stdout).toContain('--data-dir <dir>');
  });

  it('exits 2 and names the flag for an unknown option', () => {
    const result = run('start', '--datadir', dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("register: Unknown option '--datadir'");
    expect(result.stderr).toContain("Run 'register --help'");
  });

  it('exits 1 and names the directory when the data directory is not writable', () => {
    const file = join(dir, 'plain-file');
    writeFileSync(file, 'x');
    const result = run('start', '--data-dir', join(file, 'data'), '--port', '0', '--bridge-port', '0');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`the data directory ${join(file, 'data')} is not writable`);
  });

  it('exits 1 naming the variable for a bad port', () => {
    const result = run('start', '--data-dir', join(dir, 'p'), '--port', 'http');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('REGISTER_PORT: must be a number');
  });

  it('starts, serves /healthz and exits 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, [cli, 'start', '--data-dir', join(dir, 'live'), '--port', '0', '--bridge-port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const lines = createInterface({ input: child.stdout });
    let url: string | undefined;
    for await (const line of lines) {
      const entry = JSON.parse(line) as { msg?: string; url?: string };
      if (entry.msg === 'register listening') {
        url = entry.url;
        break;
      }
    }
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${url ?? ''}/healthz`);
    expect(res.status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
