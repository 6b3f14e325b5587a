import type { ErrorRequestHandler, Response } from 'express';

/** RFC 9457 problem details: the one shape every HTTP error of the register takes. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  /** Stable machine-readable code, also the last segment of `type`. */
  readonly code?: string;
  readonly [extension: string]: unknown;
}

/** Sends RFC 9457 problem details as application/problem+json. */
export const sendProblem = (res: Response, problem: Problem): void => {
  res.status(problem.status).type('application/problem+json').json(problem);
};

/** A problem whose `type` is `urn:problem:<family>:<code>` and whose `code` extension repeats the code. */
export const problemOf = (family: string, code: string, status: number, title: string, extra: Omit<Problem, 'type' | 'title' | 'status'> = {}): Problem => ({
  type: `urn:problem:${family}:${code}`, title, status, code, ...extra,
});

/** Translates an error into problem details, or returns undefined for one it does not know. */
export type ProblemTranslator = (error: unknown) => Problem | undefined;

const isBodyParserError = (error: unknown): error is { status: number; type: string; message: string } =>
  typeof error === 'object' && error !== null && 'type' in error && 'status' in error;

/** body-parser's errors; the body itself is never echoed (nor logged). */
const bodyProblem = (error: { status: number; type: string }): Problem => {
  if (error.type === 'entity.too.large') return problemOf('request', 'PAYLOAD_TOO_LARGE', 413, 'The request body is too large');
  if (error.type === 'entity.parse.failed') return problemOf('request', 'MALFORMED_JSON', 400, 'The request body is not valid JSON');
  return problemOf('request', 'UNREADABLE_BODY', error.status, 'The request body cannot be read', { detail: error.type });
};

/**
 * The last middleware: maps what reached it to problem details, first with `translate`. Errors nobody
 * translated are masked (500, no internals on the wire) and logged by the caller-supplied function.
 */
export const problemMiddleware =
  (logUnexpected: (error: unknown) => void, translate: ProblemTranslator = () => undefined): ErrorRequestHandler =>
  (error: unknown, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const translated = translate(error);
    if (translated !== undefined) {
      sendProblem(res, translated);
      return;
    }
    if (isBodyParserError(error) && error.status >= 400 && error.status < 500) {
      sendProblem(res, bodyProblem(error));
      return;
    }
    logUnexpected(error);
    sendProblem(res, problemOf('server', 'INTERNAL', 500, 'Internal error'));
  };
