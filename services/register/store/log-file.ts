import { z } from 'zod';
import type { JsonObject, RecordedEvent } from './port.js';

/**
 * The export format of the event log: NDJSON, a header line, one recorded event per line in log
 * order, and an end line with the count, so that a file cut short at a line boundary is refused too.
 *
 *   {"format":"resident-register-log","version":1}
 *   {"streamId":"resident-…","revision":0,"position":1,"id":"…","type":"ResidentLanded","data":{…},"metadata":{…}}
 *   {"end":true,"events":1}
 */
export const LOG_FORMAT = 'resident-register-log';

export const LogHeader = z.strictObject({ format: z.literal(LOG_FORMAT), version: z.literal(1) });
export const LogEnd = z.strictObject({ end: z.literal(true), events: z.number().int().min(0) });

const JsonObjectSchema = z.record(z.string(), z.json()).transform((value) => value as JsonObject);

export const LogLine = z.strictObject({
  streamId: z.string().min(1),
  revision: z.number().int().min(0),
  position: z.number().int().min(1),
  id: z.string().min(1),
  type: z.string().min(1),
  data: JsonObjectSchema,
  metadata: JsonObjectSchema,
});

export const headerLine = (): string => JSON.stringify({ format: LOG_FORMAT, version: 1 });
export const endLine = (events: number): string => JSON.stringify({ end: true, events });

/** Fields in a fixed order, so that two exports of the same log are byte-identical. */
export const eventLine = (e: RecordedEvent): string =>
  JSON.stringify({ streamId: e.streamId, revision: e.revision, position: e.position, id: e.id, type: e.type, data: e.data, metadata: e.metadata });

/** A line of an export file that cannot be imported; the message names the line and the rule. */
export class LogFileError extends Error {
  override readonly name = 'LogFileError';
  constructor(
    readonly file: string,
    readonly line: number,
    problem: string,
  ) {
    super(`${file}, line ${line}: ${problem}`);
  }
}

const describeIssues = (error: z.ZodError): string =>
  error.issues.map((i) => `${i.path.length === 0 ? 'line' : i.path.join('.')}: ${i.message}`).join('; ');

export const parseJsonLine = (text: string, file: string, line: number): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new LogFileError(file, line, `not JSON (${(error as Error).message}); the file may be truncated or garbled`);
  }
};

export const parseWith = <T>(schema: z.ZodType<T>, value: unknown, file: string, line: number, what: string): T => {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new LogFileError(file, line, `not ${what}: ${describeIssues(parsed.error)}`);
  return parsed.data;
};
