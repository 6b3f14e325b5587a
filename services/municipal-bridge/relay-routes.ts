import express, { type Request, type Router } from 'express';
import type { Logger } from 'pino';
import type { Readable } from 'node:stream';
import { problemOf, sendProblem } from '../register/http/problem.js';
import { runBatch } from './batch.js';
import { csvRecords, jsonArrayRecords, ndjsonRecords, type BatchRecord } from './batch-sources.js';
import type { Intake } from './intake.js';
import { officeOf } from './office-auth.js';
import type { RecordResult } from './outcomes.js';

const SUCCESS_STATUS = { accepted: 201, duplicate: 200, quarantined: 202 } as const;

/** One relay's answer: its outcome as JSON, or problem details for a refusal (README of the bridge). */
const answerOne = (res: express.Response, result: RecordResult): void => {
  if (result.outcome === 'rejected') {
    const title = result.status === 403 ? 'The office may not relay for this municipality' : 'The relay is invalid';
    sendProblem(res, problemOf('relay', result.code, result.status, title, { receiptId: result.receiptId, errors: result.errors }));
  } else if (result.outcome === 'failed') sendProblem(res, problemOf('store', result.code, 503, result.detail));
  else res.status(SUCCESS_STATUS[result.outcome]).json(result);
};

const SOURCES: Readonly<Record<string, (body: Readable) => AsyncIterable<BatchRecord>>> = {
  'application/json': jsonArrayRecords,
  'application/x-ndjson': ndjsonRecords,
  'text/csv': csvRecords,
};

const sourceOf = (req: Request) => SOURCES[(req.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? ''];

/** `POST /relays` (one JSON relay) and `POST /relays/batch` (a JSON array, NDJSON or CSV, streamed). */
export const relayRouter = (intake: Intake, logger: Logger): Router => {
  const router = express.Router();
  const jsonOnly: express.RequestHandler = (req, res, next) =>
    req.is('application/json') ? next() : sendProblem(res, problemOf('request', 'UNSUPPORTED_MEDIA_TYPE', 415, 'A relay must be application/json'));
  router.post('/relays', jsonOnly, express.json({ limit: '64kb' }), async (req, res) => {
    answerOne(res, await intake.receive(req.body, officeOf(res)));
  });
  router.post('/relays/batch', async (req, res) => {
    const source = sourceOf(req);
    if (source === undefined)
      return sendProblem(res, problemOf('request', 'UNSUPPORTED_MEDIA_TYPE', 415, 'A batch must be application/json, application/x-ndjson or text/csv'));
    await runBatch(source(req), officeOf(res), intake, res, logger);
  });
  return router;
};
