import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWholeLog } from '../../../testing/log-invariants.js';
import type { NewEvent, RecordedEvent } from '../store/port.js';
import { openSqliteEventStore } from '../store/sqlite.js';
import { UsageError } from './command.js';
import { parseCli } from './parse.js';
import { exportCommand, importCommand } from './transfer.js';

/** `register export` / `register import` end to end, SQLite → SQLite, through the CLI's own parsing. */

const dir = mkdtempSync(join(tmpdir(), 'register-transfer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const runCli = async (...argv: string[]): Promise<{ code: number | 'running'; stdout: string; stderr: string }> => {
  const parsed = parseCli(argv, [exportCommand, importCommand], {});
  if (parsed.kind !== 'run') throw new Error(`not a run: ${argv.join(' ')}`);
  let stdout = '';
  let stderr = '';
  const code = await parsed.command.run(parsed.invocation, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
};

const event = (streamId: string, i: number): NewEvent => ({
  id: randomUUID(),
  type: i % 3 === 0 ? 'ResidentLanded' : 'AddressNotified',
  data: { residentId: streamId, n: i, note: '住居地 ✓ ü', nested: { list: [1, 2.5, null, true], empty: {} } },
  metadata: { recordedAt: `2026-01-${String((i % 28) + 1).padStart(2, '0')}T00:00:00.000Z`, causationId: `cmd-${i}`, officerId: 'officer-1' },
});

/** Interleaved appends of 1–3 events to 25 streams, and a clock stream: ~300 events. */
const fillSource = async (dataDir: string): Promise<void> => {
  const store = openSqliteEventStore({ file: join(dataDir, 'register.db') });
  const revisions = new Map<string, number>();
  for (let i = 0; i < 150; i += 1) {
    const stream = i % 10 === 9 ? 'clock-2026' : `resident-${(i * 7) % 25}`;
    const batch = Array.from({ length: (i % 3) + 1 }, (_, k) => event(stream, i * 3 + k));
    const head = revisions.get(stream);
    await store.append(stream, batch, head === undefined ? 'no-stream' : head);
    revisions.set(stream, (head ?? -1) + batch.length);
  }
  await store.close();
};

const identity = (e: RecordedEvent) => ({ streamId: e.streamId, revision: e.revision, id: e.id, type: e.type, data: e.data, metadata: e.metadata });

describe('register export and import (SQLite → SQLite)', () => {
  const source = join(dir, 'source');
  const file = join(dir, 'log.ndjson');
  let original: RecordedEvent[] = [];

  beforeAll(async () => {
    mkdirSync(source, { recursive: true });
    await fillSource(source);
    original = await readWholeLog(join(source, 'register.db'));
  });

  it('exports every event in log order with a header and an end line', async () => {
    const result = await runCli('export', '--out', file, '--data-dir', source);
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toMatch(new RegExp(`exported ${original.length} events from .*register\\.db to .*log\\.ndjson`));
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(original.length + 2);
    expect(JSON.parse(lines[0] ?? '')).toEqual({ format: 'resident-register-log', version: 1 });
    expect(JSON.parse(lines.at(-1) ?? '')).toEqual({ end: true, events: original.length });
    expect(existsSync(`${file}.partial`)).toBe(false);
  });

  it('imports into a fresh data directory with the same order, ids, revisions, data and metadata', async () => {
    const target = join(dir, 'target');
    const result = await runCli('import', '--in', file, '--data-dir', target);
    expect(result.stdout).toContain(`${original.length} events, ${original.length} appended, 0 already present`);
    const copied = await readWholeLog(join(target, 'register.db'));
    expect(copied.map(identity)).toEqual(original.map(identity));
    expect(copied.map((e) => e.position)).toEqual(original.map((e) => e.position));

    const again = await runCli('import', '--in', file, '--data-dir', target);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`${original.length} events, 0 appended, ${original.length} already present`);
    expect(await readWholeLog(join(target, 'register.db'))).toHaveLength(original.length);
  });

  it('refuses a file cut mid-line, naming the line, and writes nothing', async () => {
    const text = readFileSync(file, 'utf8');
    const cut = join(dir, 'cut.ndjson');
    writeFileSync(cut, text.slice(0, Math.floor(text.length / 2)));
    const lineOfCut = text.slice(0, Math.floor(text.length / 2)).split('\n').length;
    const target = join(dir, 'cut-target');
    const result = await runCli('import', '--in', cut, '--data-dir', target);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`cut.ndjson, line ${lineOfCut}: not JSON`);
    expect(await readWholeLog(join(target, 'register.db'))).toEqual([]);
  });

  it('refuses a file cut at a line boundary (no end line) and a file with an event missing, naming the line', async () => {
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    const noEnd = join(dir, 'no-end.ndjson');
    writeFileSync(noEnd, `${lines.slice(0, 40).join('\n')}\n`);
    const truncated = await runCli('import', '--in', noEnd, '--data-dir', join(dir, 'no-end'));
    expect(truncated.code).toBe(1);
    expect(truncated.stderr).toContain('no-end.ndjson, line 40: the file ends after 39 events without its end line');

    const missingAt = lines.findIndex((l, i) => i > 10 && (JSON.parse(l) as { revision?: number }).revision === 1);
    const gap = join(dir, 'gap.ndjson');
    writeFileSync(gap, `${lines.filter((_, i) => i !== missingAt).join('\n')}\n`);
    const gapped = await runCli('import', '--in', gap, '--data-dir', join(dir, 'gap'));
    expect(gapped.code).toBe(1);
    expect(gapped.stderr).toMatch(/gap\.ndjson, line \d+: resident-\d+ revision 2 where 1 was due/);

    const garbled = join(dir, 'garbled.ndjson');
    writeFileSync(garbled, lines.map((l, i) => (i === 5 ? l.replace('"revision"', '"rev"') : l)).join('\n'));
    const bad = await runCli('import', '--in', garbled, '--data-dir', join(dir, 'garbled'));
    expect(bad.stderr).toMatch(/garbled\.ndjson, line 6: not a recorded event: .*revision/);
  });

  it('refuses to import over another history of a stream, naming the line and the stream', async () => {
    const target = join(dir, 'other-history');
    mkdirSync(target, { recursive: true });
    const first = original[0];
    if (first === undefined) throw new Error('empty source');
    const store = openSqliteEventStore({ file: join(target, 'register.db') });
    await store.append(first.streamId, [event(first.streamId, 999)], 'no-stream');
    await store.close();
    const result = await runCli('import', '--in', file, '--data-dir', target);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`log.ndjson, line 2: ${first.streamId} cannot take revisions 0–`);
    expect(result.stderr).toContain('another history');
  });

  it('refuses to overwrite an existing export file', async () => {
    await expect(runCli('export', '--out', file, '--data-dir', source)).rejects.toThrow(UsageError);
    await expect(runCli('export', '--data-dir', source)).rejects.toThrow(/--out <file> is required/);
  });
});
