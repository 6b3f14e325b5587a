import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import { hashToken, type OfficerCredential } from '../config.js';
import { problemOf, sendProblem } from './problem.js';

const REALM = 'Bearer realm="resident-register"';
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i; // RFC 6750 §2.1

const unauthenticated = (res: Response, challenge: string, detail: string): void => {
  res.set('WWW-Authenticate', challenge);
  sendProblem(res, problemOf('auth', 'UNAUTHENTICATED', 401, 'An officer bearer token is required', { detail }));
};

/** The officer whose token this is; every credential is compared, in constant time, whatever matches. */
const officerWithToken = (officers: readonly OfficerCredential[], token: string): string | undefined => {
  const hash = hashToken(token);
  let found: string | undefined;
  for (const officer of officers) if (timingSafeEqual(officer.tokenSha256, hash) && found === undefined) found = officer.officerId;
  return found;
};

/**
 * Architecture decision 10: officers issue commands. A missing or unknown bearer token is answered
 * 401 with a `WWW-Authenticate: Bearer` challenge; the token is never logged or echoed.
 */
export const officerAuth =
  (officers: readonly OfficerCredential[]): RequestHandler =>
  (req, res, next) => {
    const match = BEARER.exec(req.get('authorization') ?? '');
    const token = match?.[1];
    if (token === undefined) return unauthenticated(res, REALM, 'send Authorization: Bearer <token>');
    const officerId = officerWithToken(officers, token);
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
