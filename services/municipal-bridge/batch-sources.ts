import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { jsonArrayElements } from './json-array-stream.js';

/** One record read from a batch: the value to validate and the record as received (kept on quarantine). */
export type BatchRecord =
  | { readonly kind: 'record'; readonly value: unknown; readonly raw: unknown }
  | { readonly kind: 'malformed'; readonly rule: string };

export const MAX_RECORD_CHARS = 65_536;

const parsed = (text: string): BatchRecord => {
  try {
    const value: unknown = JSON.parse(text);
    return { kind: 'record', value, raw: value };
  } catch {
    return { kind: 'malformed', rule: 'is not valid JSON' };
  }
};

/** A JSON array, element by element (application/json). */
export async function* jsonArrayRecords(body: Readable): AsyncGenerator<BatchRecord> {
  body.setEncoding('utf8');
  for await (const element of jsonArrayElements(body, MAX_RECORD_CHARS)) yield parsed(element);
}

/** One JSON object per line (application/x-ndjson); blank lines are skipped. */
export async function* ndjsonRecords(body: Readable): AsyncGenerator<BatchRecord> {
  body.setEncoding('utf8');
  for await (const line of createInterface({ input: body, crlfDelay: Infinity })) {
    if (line.trim().length === 0) continue;
    yield line.length > MAX_RECORD_CHARS ? { kind: 'malformed', rule: `is longer than ${MAX_RECORD_CHARS} characters` } : parsed(line);
  }
}

const BOOLEAN: Readonly<Record<string, boolean>> = { true: true, false: false, yes: true, no: false, '1': true, '0': false };

/** A CSV row as a relay: empty cells are absent fields; `cardPresented` is true/false (schema/municipal-relay-csv.md). */
export const csvRowToRelay = (row: Readonly<Record<string, string>>): Record<string, unknown> => {
  const value: Record<string, unknown> = {};
  for (const [column, cell] of Object.entries(row)) {
    if (cell === '') continue;
    value[column] = column === 'cardPresented' ? (BOOLEAN[cell.toLowerCase()] ?? cell) : cell;
  }
  return value;
};

const isRow = (value: unknown): value is Record<string, string> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** CSV with a header row (text/csv), RFC 4180 quoting, UTF-8 with or without BOM, record by record. */
export async function* csvRecords(body: Readable): AsyncGenerator<BatchRecord> {
  const parser = body.pipe(parse({ columns: true, bom: true, trim: true, skip_empty_lines: true, relax_column_count: true, max_record_size: MAX_RECORD_CHARS }));
  for await (const row of parser) {
    const record: unknown = row;
    if (isRow(record)) yield { kind: 'record', value: csvRowToRelay(record), raw: record };
  }
}
