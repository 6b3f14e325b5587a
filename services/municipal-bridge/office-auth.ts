import type { RequestHandler, Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { MunicipalKey } from '../register/config.js';
import { bearerTokenOf, credentialWithToken } from '../register/http/bearer.js';
import { problemOf, sendProblem } from '../register/http/problem.js';

const REALM = 'Bearer realm="municipal-bridge"';

const unauthenticated = (res: Response, challenge: string, detail: string): void => {
  res.set('WWW-Authenticate', challenge);
  sendProblem(res, problemOf('auth', 'UNAUTHENTICATED', 401, 'A municipal office API key is required', { detail }));
};

/**
 * Architecture decision 10: every office authenticates with its API key (`Authorization: Bearer`),
 * bound to its municipality code; keys are compared as SHA-256 hashes in constant time (bearer.ts).
 */
export const officeAuth =
  (keys: readonly MunicipalKey[]): RequestHandler =>
  (req, res, next) => {
    const token = bearerTokenOf(req.get('authorization'));
    if (token === undefined) return unauthenticated(res, REALM, 'send Authorization: Bearer <office API key>');
    const code = credentialWithToken(keys, token)?.municipalityCode;
    if (code === undefined) return unauthenticated(res, `${REALM}, error="invalid_token"`, 'the key is not a municipal office\'s');
    res.locals['office'] = code;
    next();
  };

/** The municipality code of the office authenticated by `officeAuth`. */
export const officeOf = (res: Response): string => {
  const office: unknown = res.locals['office'];
  if (typeof office !== 'string') throw new Error('office route mounted without officeAuth');
  return office;
};

/** Requests per minute per office (not per address: offices may share a gateway). */
export const officeRateLimit = (perMinute: number): RequestHandler =>
  rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (_req, res) => officeOf(res),
    handler: (_req, res) =>
      sendProblem(res, problemOf('rate', 'TOO_MANY_REQUESTS', 429, 'Too many requests from this office', {
        detail: `at most ${perMinute} requests a minute per office; send records in batches`,
      })),
  });
