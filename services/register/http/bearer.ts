import { timingSafeEqual } from 'node:crypto';
import { hashToken } from '../config.js';

/** Shared by the command API and the query API: reading a bearer token and finding whose it is. */

export const BEARER_REALM = 'Bearer realm="resident-register"';
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i; // RFC 6750 §2.1

/** The token of an `Authorization: Bearer <token>` header, or undefined when there is none. */
export const bearerTokenOf = (authorization: string | undefined): string | undefined => BEARER.exec(authorization ?? '')?.[1];

/**
 * The credential whose token this is. Every credential is compared, in constant time, whatever
 * matches, so the time taken does not tell which or how many tokens exist (decision 10).
 */
export const credentialWithToken = <C extends { readonly tokenSha256: Buffer }>(credentials: readonly C[], token: string): C | undefined => {
  const hash = hashToken(token);
  let found: C | undefined;
  for (const credential of credentials) if (timingSafeEqual(credential.tokenSha256, hash) && found === undefined) found = credential;
  return found;
};
