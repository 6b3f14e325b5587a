import type { Response } from 'express';
import { CsvError } from 'csv-parse';
import type { Logger } from 'pino';
import { sendProblem, problemOf } from '../register/http/problem.js';
import type { BatchRecord } from './batch-sources.js';
import type { Intake } from './intake.js';
import { MalformedBatchError } from './json-array-stream.js';
import { rejected, type RecordResult } from './outcomes.js';

type Tally = Record<'records' | 'accepted' | 'duplicate' | 'rejected' | 'quarantined' | 'failed', number>;

/** Writes NDJSON lines as results come, waiting when the client reads slower than we answer. */
const lineWriter = (res: Response) => {
  let started = false;
  return {
    started: () => started,
    write: async (line: object): Promise<void> => {
      if (!started) {
        res.status(200).type('application/x-ndjson');
        started = true;
      }
      if (res.write(`${JSON.stringify(line)}\n`)) return;
      await new Promise<void>((resolve) => {
        res.once('drain', resolve);
        res.once('close', resolve);
      });
    },
  };
};

const resultOf = async (record: BatchRecord, office: string, intake: Intake): Promise<RecordResult> =>
  record.kind === 'malformed'
    ? rejected('MALFORMED_RECORD', 400, [{ field: '(record)', rule: record.rule }])
    : intake.receive(record.value, office, record.raw);

/** A body that cannot be read further (JSON array structure, CSV quoting) is the office's to fix; anything else is ours. */
const batchError = (thrown: unknown, logger: Logger): { code: string; detail: string } => {
  // csv-parse's codes are not all CSV_-prefixed (INVALID_OPENING_QUOTE…): its error class is what marks the office's CSV.
  if (thrown instanceof MalformedBatchError || thrown instanceof CsvError) return { code: 'MALFORMED_BATCH', detail: thrown.message };
  logger.error({ err: thrown }, 'relay batch stopped');
  return { code: 'INTERNAL', detail: 'the batch stopped on an internal error; resend it (records already answered are idempotent)' };
};

/**
 * A batch (issue #5): each record is read from the request stream, applied and answered on its own
 * NDJSON line, in order, then one summary line. Nothing is all-or-nothing: a record that fails
 * does not stop the others. A body that cannot be read further ends the batch with an error
 * (400 before any answer; in the summary line after).
 */
export const runBatch = async (records: AsyncIterable<BatchRecord>, office: string, intake: Intake, res: Response, logger: Logger): Promise<void> => {
  const tally: Tally = { records: 0, accepted: 0, duplicate: 0, rejected: 0, quarantined: 0, failed: 0 };
  const out = lineWriter(res);
  let error: { code: string; detail: string } | undefined;
  try {
    for await (const record of records) {
      const result = await resultOf(record, office, intake);
      tally.records += 1;
      tally[result.outcome] += 1;
      await out.write({ index: tally.records - 1, ...result });
      if (res.destroyed) break;
    }
  } catch (thrown) {
    error = batchError(thrown, logger);
  }
  logger.info({ office, ...tally, error: error?.code }, 'relay batch');
  if (error !== undefined && !out.started()) {
    const status = error.code === 'INTERNAL' ? 500 : 400;
    sendProblem(res, problemOf(status === 500 ? 'server' : 'request', error.code, status, 'The batch cannot be read', { detail: error.detail }));
    return;
  }
  await out.write({ summary: { ...tally, complete: error === undefined, ...(error === undefined ? {} : { error }) } });
  res.end();
};
