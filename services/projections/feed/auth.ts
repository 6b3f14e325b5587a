import type { BearerCredential, OfficerCredential } from '../../register/config.js';
import { bearerTokenOf, credentialWithToken } from '../../register/http/bearer.js';

/** Who holds tokens: subscribers may follow the feed; the other roles are known, and refused. */
export interface FeedAuth {
  readonly subscribers: readonly BearerCredential[];
  readonly officers: readonly OfficerCredential[];
  readonly analysts: readonly BearerCredential[];
  readonly auditors: readonly BearerCredential[];
}

export type FeedCaller =
  | { readonly kind: 'subscriber'; readonly id: string }
  | { readonly kind: 'missing' }
  | { readonly kind: 'unknown' }
  /** A token of an officer, analyst or auditor: authenticated, but the feed is for downstream systems. */
  | { readonly kind: 'other-role' };

/**
 * Decision 10: subscribers read feeds. The feed carries every status change of every resident, more
 * than any officer or analyst needs for one case (Art. 19-36(3)), so only subscriber tokens open it.
 */
export const feedCaller = (auth: FeedAuth, authorization: string | undefined): FeedCaller => {
  const token = bearerTokenOf(authorization);
  if (token === undefined) return { kind: 'missing' };
  const subscriber = credentialWithToken(auth.subscribers, token);
  const others = [...auth.officers.map((o) => ({ tokenSha256: o.tokenSha256 })), ...auth.analysts, ...auth.auditors];
  const other = credentialWithToken(others, token);
  if (subscriber !== undefined) return { kind: 'subscriber', id: subscriber.id };
  return other === undefined ? { kind: 'unknown' } : { kind: 'other-role' };
};
