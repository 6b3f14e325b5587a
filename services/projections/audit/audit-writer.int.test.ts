import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRowWriter } from './audit-writer.js';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'audit-writer-'));
  file = join(dir, 'rows.db');
  const db = new BetterSqlite3(file);
  db.exec('CREATE TABLE t (x INTEGER NOT NULL)');
  db.close();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const count = (): unknown => {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return db.prepare('SELECT COUNT(*) FROM t').pluck().get();
  } finally {
    db.close();
  }
};

describe('the writer thread', () => {
  it('commits each write before resolving it, and answers every write made before close', async () => {
    const writer = startRowWriter(file, 'INSERT INTO t (x) VALUES (@x)');
    await writer.write([{ x: 1 }, { x: 2 }]);
    expect(count()).toBe(2);
    const last = writer.write([{ x: 3 }]);
    writer.close();
    await expect(last).resolves.toBeUndefined();
    expect(count()).toBe(3);
    await expect(writer.write([{ x: 4 }])).rejects.toThrow(/closed/);
  });

  it('rejects every write, and keeps rejecting, when the thread cannot start (fail closed)', async () => {
    const writer = startRowWriter(file, 'INSERT INTO missing_table (x) VALUES (@x)');
    await expect(writer.write([{ x: 1 }])).rejects.toThrow(/missing_table/);
    await expect(writer.write([{ x: 2 }])).rejects.toThrow(/missing_table/);
    writer.close();
    expect(count()).toBe(0);
  });
});
