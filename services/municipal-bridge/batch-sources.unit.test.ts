import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { csvRecords, type BatchRecord } from './batch-sources.js';
import { jsonArrayElements, MalformedBatchError } from './json-array-stream.js';
import { validateRelay } from './validate.js';

const all = async <T>(items: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
};

async function* chunksOf(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

describe('incremental JSON array reading (issue #5 item 2: no whole-body buffering)', () => {
  const array = JSON.stringify([{ a: 'x,]}"\\' }, { b: [1, { c: '[' }] }, 'ü', 3]);

  it.each([1, 2, 3, 7, 1000])('yields the same elements whatever the chunk size (%i)', async (size) => {
    const elements = await all(jsonArrayElements(chunksOf(array, size)));
    expect(elements.map((e) => JSON.parse(e))).toEqual(JSON.parse(array));
  });

  it('refuses a body that is not an array, an unclosed array and an oversized element', async () => {
    await expect(all(jsonArrayElements(chunksOf('{"a":1}', 3)))).rejects.toThrow(MalformedBatchError);
    await expect(all(jsonArrayElements(chunksOf('[1,2', 3)))).rejects.toThrow(/not closed/);
    await expect(all(jsonArrayElements(chunksOf(`["${'x'.repeat(100)}"]`, 10), 50))).rejects.toThrow(/longer than 50/);
  });
});

describe('CSV rows (schema/municipal-relay-csv.md)', () => {
  it('reads the documented example into valid relays: empty cells absent, cardPresented a boolean', async () => {
    const doc = readFileSync('schema/municipal-relay-csv.md', 'utf8');
    const example = /```csv\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
    const records: BatchRecord[] = await all(csvRecords(Readable.from([example])));
    expect(records).toHaveLength(2);
    const results = records.map((r) => (r.kind === 'record' ? validateRelay(r.value, '2026-08-01') : undefined));
    expect(results.map((r) => r?.ok)).toEqual([true, true]);
    expect(records[0]).toMatchObject({ kind: 'record', value: { cardPresented: true, addressLine: '1-1-1 Chiyoda, Chiyoda-ku' } });
    expect(records[1]).toMatchObject({ kind: 'record', raw: { addressLine: '' } });
  });
});
