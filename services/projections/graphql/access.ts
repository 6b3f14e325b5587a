import type { BearerCredential, OfficerCredential } from '../../register/config.js';
import { BEARER_REALM, bearerTokenOf, credentialWithToken } from '../../register/http/bearer.js';
import type { Actor, ActorRole } from '../audit/audit-log.js';
import { forbidden, unauthenticated } from './errors.js';

/** Who may call the query API: the credentials of `REGISTER_*_TOKENS` (config.ts), hashed. */
export interface GraphqlAuth {
  readonly officers: readonly OfficerCredential[];
  readonly analysts: readonly BearerCredential[];
  readonly auditors: readonly BearerCredential[];
}

interface RoleCredential {
  readonly role: ActorRole;
  readonly id: string;
  readonly tokenSha256: Buffer;
}

/**
 * Decision 10: every caller is authenticated. No token, or a token of nobody, is UNAUTHENTICATED
 * (HTTP 401 with a Bearer challenge, RFC 6750); every credential of every role is compared in
 * constant time. The token itself is never logged or echoed.
 */
export const authenticator = ({ officers, analysts, auditors }: GraphqlAuth) => {
  const credentials: readonly RoleCredential[] = [
    ...officers.map(({ officerId, tokenSha256 }) => ({ role: 'officer' as const, id: officerId, tokenSha256 })),
    ...analysts.map(({ id, tokenSha256 }) => ({ role: 'analyst' as const, id, tokenSha256 })),
    ...auditors.map(({ id, tokenSha256 }) => ({ role: 'auditor' as const, id, tokenSha256 })),
  ];
  return (authorization: string | undefined): Actor => {
    const token = bearerTokenOf(authorization);
    if (token === undefined) throw unauthenticated('send Authorization: Bearer <token>', BEARER_REALM);
    const found = credentialWithToken(credentials, token);
    if (found === undefined) throw unauthenticated('the bearer token is not known', `${BEARER_REALM}, error="invalid_token"`);
    return { role: found.role, id: found.id };
  };
};

const QUERIES: readonly ActorRole[] = ['officer', 'analyst'];

/**
 * Which roles may ask each query field; a field not listed is open to nobody (deny by default).
 * Analysts and officers query the register; auditors read only the audit log (Art. 19-36(3):
 * an auditor needs who read what, not the residents' data).
 */
export const FIELD_ROLES: Readonly<Record<string, readonly ActorRole[]>> = {
  resident: QUERIES,
  residentByCard: QUERIES,
  cardValidity: QUERIES,
  residents: QUERIES,
  addressLapses: QUERIES,
  deadlines: QUERIES,
  history: QUERIES,
  statistics: QUERIES,
  statisticsOverTime: QUERIES,
  // Relays of persons not (yet) tied to a resident: officers resolve them, analysts have no need (Art. 19-36(3)).
  quarantine: ['officer'],
  auditLog: ['auditor'],
};

/** FORBIDDEN (HTTP 403) before anything runs when one field of the operation is not open to the role. */
export const checkAccess = (actor: Actor, rootFields: readonly string[]): void => {
  for (const field of rootFields) {
    if (field.startsWith('__')) continue; // __typename, and introspection where it is enabled at all
    if (!(FIELD_ROLES[field] ?? []).includes(actor.role)) throw forbidden(`${field} is not open to the ${actor.role} role`);
  }
};
