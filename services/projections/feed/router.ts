import { Router, type Request, type Response } from 'express';
import type { z } from 'zod';
import { BEARER_REALM } from '../../register/http/bearer.js';
import { problemOf, sendProblem } from '../../register/http/problem.js';
import { RequestValidationError, type FieldError } from '../../register/http/validation.js';
import { feedCaller, type FeedAuth } from './auth.js';
import { waitForPage, type FeedBatch, type FeedSource } from './follow.js';
import { FeedQuery } from './query.js';
import { streamEvents } from './sse.js';
import type { StreamRegistry } from './streams.js';

export interface FeedRouterDeps {
  readonly source: FeedSource;
  readonly auth: FeedAuth;
  readonly streams: StreamRegistry;
}

const DEFAULT_LIMIT = 100;
const LAST_EVENT_ID = /^\d{1,15}$/;

const unauthenticated = (res: Response, challenge: string, detail: string): void => {
  res.set('WWW-Authenticate', challenge);
  sendProblem(res, problemOf('auth', 'UNAUTHENTICATED', 401, 'A subscriber bearer token is required', { detail }));
};

/** Answers 401/403 and returns false unless the caller is a subscriber. */
const admitted = (auth: FeedAuth, req: Request, res: Response): boolean => {
  const caller = feedCaller(auth, req.get('authorization'));
  if (caller.kind === 'subscriber') return true;
  if (caller.kind === 'missing') unauthenticated(res, BEARER_REALM, 'send Authorization: Bearer <token>');
  else if (caller.kind === 'unknown') unauthenticated(res, `${BEARER_REALM}, error="invalid_token"`, 'the bearer token is not known');
  else sendProblem(res, problemOf('auth', 'FORBIDDEN', 403, 'The feed is open to subscribers only', { detail: 'use a token of REGISTER_SUBSCRIBER_TOKENS' }));
  return false;
};

const queryErrors = (issues: readonly z.core.$ZodIssue[]): FieldError[] =>
  issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ in: 'query' as const, field: key, rule: 'is not a parameter of /feed (after, limit, wait)' }))
      : [{ in: 'query' as const, field: issue.path.map(String).join('.') || '(query)', rule: issue.message }]);

const parseQuery = (req: Request): FeedQuery => {
  const parsed = FeedQuery.safeParse(req.query);
  if (!parsed.success) throw new RequestValidationError(queryErrors(parsed.error.issues));
  return parsed.data;
};

/** `Last-Event-ID` (SSE reconnection) wins over `after`: it is where the client actually got to. */
const resumePoint = (req: Request, after: number | undefined): number => {
  const lastEventId = req.get('last-event-id');
  if (lastEventId === undefined) return after ?? 0;
  if (!LAST_EVENT_ID.test(lastEventId)) throw new RequestValidationError([{ in: 'header', field: 'Last-Event-ID', rule: 'must be a position: a whole number' }]);
  return Number(lastEventId);
};

export const entriesOf = (batches: readonly FeedBatch[]) =>
  batches.flatMap(({ messages }) => messages.map(({ position, topic, attributes, data }) => ({ position, topic, attributes, data })));

/**
 * `GET /feed`: the integration events without a broker (issue 6, part 4). A JSON page with
 * long-poll, or with `Accept: text/event-stream` a live Server-Sent Events stream.
 */
export const createFeedRouter = ({ source, auth, streams }: FeedRouterDeps): Router => {
  const router = Router();
  router.get('/feed', async (req, res) => {
    if (!admitted(auth, req, res)) return;
    const query = parseQuery(req);
    if (req.get('accept')?.includes('text/event-stream') === true) {
      await streamEvents(source, req, res, resumePoint(req, query.after), streams);
      return;
    }
    const after = query.after ?? 0;
    const release = streams.open();
    try {
      const page = await waitForPage(source, after, query.limit ?? DEFAULT_LIMIT, (query.wait ?? 0) * 1000, release.signal);
      res.set('Cache-Control', 'no-store').json({ events: entriesOf(page.batches), next: page.next });
    } finally {
      release.close();
    }
  });
  return router;
};
