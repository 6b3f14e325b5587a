import type { RequestHandler, Response } from 'express';
import type { OfficerCredential } from '../config.js';
import { BEARER_REALM as REALM, bearerTokenOf, credentialWithToken } from './bearer.js';
import { problemOf, sendProblem } from './problem.js';

const unauthenticated = (res: Response, challenge: string, detail: string): void => {
  res.set('WWW-Authenticate', challenge);
  sendProblem(res, problemOf('auth', 'UNAUTHENTICATED', 401, 'An officer bearer token is required', { detail }));
};

/**
 * Architecture decision 10: officers issue commands. A missing or unknown bearer token is answered
 * 401 with a `WWW-Authenticate: Bearer` challenge; the token is never logged or echoed.
 */
export const officerAuth =
  (officers: readonly OfficerCredential[]): RequestHandler =>
  (req, res, next) => {
    const token = bearerTokenOf(req.get('authorization'));
    if (token === undefined) return unauthenticated(res, REALM, 'send Authorization: Bearer <token>');
    const officerId = credentialWithToken(officers, token)?.officerId;
    if (officerId === undefined) return unauthenticated(res, `${REALM}, error="invalid_token"`, 'the bearer token is not an officer\'s');
    res.locals['officerId'] = officerId;
    next();
  };

/** The officer authenticated by `officerAuth` for this request. */
export const officerOf = (res: Response): string => {
  const officerId: unknown = res.locals['officerId'];
  if (typeof officerId !== 'string') throw new Error('officer route mounted without officerAuth');
  return officerId;
};
