import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { landingPermitted, residenceAddressNotified, residenceCardIssued } from '../../../testing/events.js';
import { appendHistory } from '../../../testing/clock.js';
import { s28MovedOutWithoutNewResidence } from '../../../testing/scenario-fixtures.js';
import { collect } from '../store/port.js';
import { openSqliteEventStore } from '../store/sqlite.js';

// `register tick` as it ships: compiled JavaScript run by node (`npm test` builds first), on a data
// directory seeded through the store.
const cli = join(process.cwd(), 'dist/services/register/cli.js');
const dir = mkdtempSync(join(tmpdir(), 'register-tick-cli-'));
const dataDir = join(dir, 'data');
const S01 = '0b7e3c1a-5d2f-4a8e-9c61-2f4d8a9b1e01';
const S29 = '0b7e3c1a-5d2f-4a8e-9c61-2f4d8a9b1e29';

beforeAll(async () => {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run 'npm run build' (npm test does it first)`);
  mkdirSync(dataDir, { recursive: true });
  const store = openSqliteEventStore({ file: join(dataDir, 'register.db') });
  await appendHistory(store, S01, [landingPermitted(), residenceCardIssued(), residenceAddressNotified()]);
  await appendHistory(store, S29, s28MovedOutWithoutNewResidence());
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) =>
  spawnSync(process.execPath, [cli, 'tick', ...args], { encoding: 'utf8', env: { ...process.env, REGISTER_LOG_LEVEL: 'warn' } });

const clockKeys = async (): Promise<unknown[]> => {
  const store = openSqliteEventStore({ file: join(dataDir, 'register.db') });
  try {
    return (await collect(store.readAll())).flatMap((e) => (e.metadata.clockKey === undefined ? [] : [e.metadata.clockKey]));
  } finally {
    await store.close();
  }
};

describe('register tick (compiled, as a separate process)', () => {
  it('exits 2 and says what is wanted when --as-of is missing or not a date', () => {
    const missing = run('--data-dir', dataDir);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('register: tick needs --as-of <YYYY-MM-DD>');
    const bad = run('--as-of', '2027-02-30', '--data-dir', dataDir);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("register: --as-of '2027-02-30' must be a real calendar date");
    expect(run('--as-of', '11/01/2027', '--data-dir', dataDir).stderr).toContain('must be an ISO date YYYY-MM-DD');
  });

  it('exits 1 and names the file when the data directory holds no event store', () => {
    const result = run('--as-of', '2027-01-11', '--data-dir', join(dir, 'empty'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`no event store at ${join(dir, 'empty', 'register.db')}`);
  });

  it('ticks every resident to 2027-01-11: ground (ix) from 2026-07-31 and card AB00000101CD expired (Arts. 22-4(1)(ix), 19-14(ii))', async () => {
    const result = run('--as-of', '2027-01-11', '--data-dir', dataDir);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('tick as of 2027-01-11: 2 residents examined, 2 events appended');
    expect(result.stdout).toMatch(/^ {2}ResidenceCardInvalidated +1$/m);
    expect(result.stdout).toMatch(/^ {2}CancellationGroundDetected +1$/m);
    expect(await clockKeys()).toEqual(['invalidated/AB00000101CD', 'ground-detected/ix/2026-07-31']);
  });

  it('a second run with the same as-of date appends nothing', async () => {
    const result = run('--as-of', '2027-01-11', '--data-dir', dataDir);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('2 residents examined, 0 events appended');
    expect(await clockKeys()).toHaveLength(2);
  });
});
