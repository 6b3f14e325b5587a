import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProjectionDatabase } from '../../projections/runtime/projection-db.js';
import { createReadModels } from '../../projections/read-models/queries.js';
import { ANNA, appendHistories, realisticHistories } from '../../projections/testing/histories.js';
import { openSqliteEventStore } from '../store/sqlite.js';

// The CLI is tested as it ships: compiled JavaScript run by node (`npm test` builds first).
const cli = join(process.cwd(), 'dist/services/register/cli.js');
const dir = mkdtempSync(join(tmpdir(), 'register-rebuild-'));
const dataDir = join(dir, 'data');
let head = 0;

beforeAll(async () => {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run 'npm run build' (npm test does it first)`);
  mkdirSync(dataDir);
  const store = openSqliteEventStore({ file: join(dataDir, 'register.db') });
  head = await appendHistories(store, realisticHistories());
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) => spawnSync(process.execPath, [cli, 'rebuild', ...args], { encoding: 'utf8', env: { ...process.env } });

describe('register rebuild (compiled, as a separate process)', () => {
  it('replays the log into the projection database and prints events, seconds and events/s', () => {
    const result = run('--data-dir', dataDir, '--as-of', '2026-07-01');
    expect(result.stderr).toContain(`rebuild: ${head} events, position ${head} of ${head}`);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^rebuilt the read models as of 2026-07-01: ${head} events in \\d+\\.\\d s \\([\\d,]+ events/s\\), checkpoint ${head}\\n$`));
    const { db } = openProjectionDatabase(join(dataDir, 'projections.db'));
    expect(createReadModels(db).statusOf(ANNA)).toMatchObject({ asOf: '2026-07-01', revision: 5 });
    db.close();
  });

  it('exits 2 naming the flag for an --as-of that is not a date', () => {
    const result = run('--data-dir', dataDir, '--as-of', '2026-02-30');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('register: --as-of: must be a real calendar date');
  });

  it('takes a page cache size for the new read models, and exits 2 for one that is not a whole number of MiB', () => {
    expect(run('--data-dir', dataDir, '--as-of', '2026-07-01', '--cache-mib', '256').status).toBe(0);
    const result = run('--data-dir', dataDir, '--cache-mib', '0.5');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("register: --cache-mib must be a whole number of MiB, at least 1 (got '0.5')");
  });

  it('exits 1 when the data directory holds no event store', () => {
    const result = run('--data-dir', join(dir, 'empty'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`there is no event store at ${join(dir, 'empty', 'register.db')}`);
  });

  it('lists the command and its --as-of option in the help', () => {
    expect(spawnSync(process.execPath, [cli, '--help'], { encoding: 'utf8' }).stdout).toMatch(/^ {2}rebuild +rebuild the read models/m);
    expect(run('--help').stdout).toContain('--as-of <YYYY-MM-DD>');
    expect(run('--help').stdout).toContain('--cache-mib <MiB>');
  });
});
