import type { ErrorRequestHandler, Response } from 'express';

/** RFC 9457 problem details: the one shape every HTTP error of the register takes. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly [extension: string]: unknown;
}

export const sendProblem = (res: Response, problem: Problem): void => {
  res.status(problem.status).type('application/problem+json').json(problem);
};

const isBodyParserError = (error: unknown): error is { status: number; type: string; message: string } =>
  typeof error === 'object' && error !== null && 'type' in error && 'status' in error;

/**
 * The last middleware: maps what reached it to problem details. Errors nobody translated are
 * masked (500, no internals on the wire) and logged by the caller-supplied function.
 */
export const problemMiddleware =
  (logUnexpected: (error: unknown) => void): ErrorRequestHandler =>
  (error: unknown, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    if (isBodyParserError(error) && error.status >= 400 && error.status < 500) {
      sendProblem(res, { type: `urn:problem:${error.type}`, title: 'The request body cannot be read', status: error.status, detail: error.message });
      return;
    }
    logUnexpected(error);
    sendProblem(res, { type: 'urn:problem:internal', title: 'Internal error', status: 500 });
  };
