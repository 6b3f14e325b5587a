import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { z } from 'zod';

/** An officer allowed to issue commands; only the SHA-256 of the bearer token is kept in memory. */
export interface OfficerCredential {
  readonly officerId: string;
  readonly tokenSha256: Buffer;
}

/** SHA-256 of a bearer token: what config keeps and what auth compares (decision 10). */
export const hashToken = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();

const OFFICER_ID = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$/;
const B64_TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/; // RFC 6750 b64token: what a Bearer header can carry
const MIN_TOKEN_LENGTH = 16;

/** One `officer-id:token` entry; messages name the entry and the officer, never the token. */
const officerEntry = (entry: string, n: number, ctx: z.RefinementCtx): OfficerCredential | undefined => {
  const colon = entry.indexOf(':');
  const officerId = colon < 0 ? '' : entry.slice(0, colon);
  const token = colon < 0 ? '' : entry.slice(colon + 1);
  const problem =
    colon < 0 ? `entry ${n} must be officer-id:token`
    : !OFFICER_ID.test(officerId) ? `entry ${n}: the officer id must be 1–100 letters, digits or ._@- and start with a letter or digit`
    : token.length < MIN_TOKEN_LENGTH ? `entry ${n} (officer ${officerId}): the token must be at least ${MIN_TOKEN_LENGTH} characters`
    : !B64_TOKEN.test(token) ? `entry ${n} (officer ${officerId}): the token may hold only letters, digits and -._~+/ (and trailing =)`
    : undefined;
  if (problem === undefined) return { officerId, tokenSha256: hashToken(token) };
  ctx.addIssue({ code: 'custom', message: problem });
  return undefined;
};

/** `officer-id:token,officer-id:token`; empty means no officer can issue commands. */
const OfficerTokens = z
  .string()
  .default('')
  .transform((text, ctx): readonly OfficerCredential[] => {
    const entries = text.split(',').map((e) => e.trim()).filter((e) => e.length > 0);
    const officers = entries.map((entry, i) => officerEntry(entry, i + 1, ctx)).filter((o) => o !== undefined);
    const ids = officers.map((o) => o.officerId);
    const hashes = new Set(officers.map((o) => o.tokenSha256.toString('hex')));
    ids.filter((id, i) => ids.indexOf(id) !== i).forEach((id) => ctx.addIssue({ code: 'custom', message: `officer ${id} is listed twice` }));
    if (hashes.size < officers.length) ctx.addIssue({ code: 'custom', message: 'two officers must not share a token' });
    return officers;
  });

const Port = z.coerce
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must be 0–65535 (0 picks a free port)')
  .max(65535, 'must be 0–65535 (0 picks a free port)');

/** Every setting the register reads from its environment, with its default. */
export const RegisterEnv = z.object({
  REGISTER_DATA_DIR: z.string().trim().min(1, 'must name a directory').default('./data'),
  REGISTER_HOST: z.string().trim().min(1, 'must be a host name or address').default('127.0.0.1'),
  REGISTER_PORT: Port.default(4000),
  REGISTER_STORE: z.enum(['sqlite'], { error: 'must be "sqlite" (the embedded default)' }).default('sqlite'),
  REGISTER_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  REGISTER_OFFICER_TOKENS: OfficerTokens,
});

export interface RegisterConfig {
  readonly dataDir: string;
  readonly host: string;
  readonly port: number;
  readonly store: 'sqlite';
  readonly logLevel: z.infer<typeof RegisterEnv>['REGISTER_LOG_LEVEL'];
  /** Officers who may use the command API (bearer tokens, hashed). */
  readonly officers: readonly OfficerCredential[];
}

/** A configuration that cannot be used; the message names every offending variable and its rule. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export type EnvSource = Readonly<Record<string, string | undefined>>;

/** Parses the environment once, at the composition root; nothing else reads process.env. */
export const loadConfig = (env: EnvSource): RegisterConfig => {
  const parsed = RegisterEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  return {
    dataDir: resolve(e.REGISTER_DATA_DIR),
    host: e.REGISTER_HOST,
    port: e.REGISTER_PORT,
    store: e.REGISTER_STORE,
    logLevel: e.REGISTER_LOG_LEVEL,
    officers: e.REGISTER_OFFICER_TOKENS,
  };
};
