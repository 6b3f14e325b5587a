import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { z } from 'zod';
import { MunicipalityCode } from '../../events/values.js';

/** An officer allowed to issue commands; only the SHA-256 of the bearer token is kept in memory. */
export interface OfficerCredential {
  readonly officerId: string;
  readonly tokenSha256: Buffer;
}

/** A caller of the query API (an analyst or an auditor); only the SHA-256 of the token is kept. */
export interface BearerCredential {
  readonly id: string;
  readonly tokenSha256: Buffer;
}

/** SHA-256 of a bearer token: what config keeps and what auth compares (decision 10). */
export const hashToken = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();

const CALLER_ID = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$/;
const B64_TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/; // RFC 6750 b64token: what a Bearer header can carry
const MIN_TOKEN_LENGTH = 16;

/** One `<role>-id:token` entry; messages name the entry and the caller, never the token. */
const credentialEntry = (role: string, entry: string, n: number, ctx: z.RefinementCtx): BearerCredential | undefined => {
  const colon = entry.indexOf(':');
  const id = colon < 0 ? '' : entry.slice(0, colon);
  const token = colon < 0 ? '' : entry.slice(colon + 1);
  const problem =
    colon < 0 ? `entry ${n} must be ${role}-id:token`
    : !CALLER_ID.test(id) ? `entry ${n}: the ${role} id must be 1–100 letters, digits or ._@- and start with a letter or digit`
    : token.length < MIN_TOKEN_LENGTH ? `entry ${n} (${role} ${id}): the token must be at least ${MIN_TOKEN_LENGTH} characters`
    : !B64_TOKEN.test(token) ? `entry ${n} (${role} ${id}): the token may hold only letters, digits and -._~+/ (and trailing =)`
    : undefined;
  if (problem === undefined) return { id, tokenSha256: hashToken(token) };
  ctx.addIssue({ code: 'custom', message: problem });
  return undefined;
};

/** `id:token,id:token` for one role; empty means nobody holds the role. */
const credentialTokens = (role: string) =>
  z
    .string()
    .default('')
    .transform((text, ctx): readonly BearerCredential[] => {
      const entries = text.split(',').map((e) => e.trim()).filter((e) => e.length > 0);
      const credentials = entries.map((entry, i) => credentialEntry(role, entry, i + 1, ctx)).filter((c) => c !== undefined);
      const ids = credentials.map((c) => c.id);
      const hashes = new Set(credentials.map((c) => c.tokenSha256.toString('hex')));
      ids.filter((id, i) => ids.indexOf(id) !== i).forEach((id) => ctx.addIssue({ code: 'custom', message: `${role} ${id} is listed twice` }));
      if (hashes.size < credentials.length) ctx.addIssue({ code: 'custom', message: `two ${role}s must not share a token` });
      return credentials;
    });

const TOKEN_VARIABLES = ['REGISTER_OFFICER_TOKENS', 'REGISTER_ANALYST_TOKENS', 'REGISTER_AUDITOR_TOKENS', 'REGISTER_SUBSCRIBER_TOKENS'] as const;

/** A token names one caller in one role: the same token under two roles would make the role ambiguous. */
const distinctAcrossRoles = (env: Record<(typeof TOKEN_VARIABLES)[number], readonly BearerCredential[]>, ctx: z.RefinementCtx): void => {
  const seen = new Map<string, string>();
  for (const variable of TOKEN_VARIABLES) {
    for (const credential of env[variable]) {
      const hash = credential.tokenSha256.toString('hex');
      const other = seen.get(hash);
      if (other !== undefined && other !== variable)
        ctx.addIssue({ code: 'custom', path: [variable], message: `${credential.id}'s token is also listed in ${other}` });
      else seen.set(hash, variable);
    }
  }
};

/** A municipal office's API key for the bridge, bound to its code; only the SHA-256 is kept. */
export interface MunicipalKey {
  readonly municipalityCode: string;
  readonly tokenSha256: Buffer;
}

/** `code:key,code:key` (an office may hold several keys, for rotation); messages never echo a key. */
const municipalKeys = z
  .string()
  .default('')
  .transform((text, ctx): readonly MunicipalKey[] => {
    const entries = text.split(',').map((e) => e.trim()).filter((e) => e.length > 0);
    const keys = entries.flatMap((entry, i): MunicipalKey[] => {
      const colon = entry.indexOf(':');
      const code = colon < 0 ? '' : entry.slice(0, colon);
      const key = colon < 0 ? '' : entry.slice(colon + 1);
      const problem =
        !MunicipalityCode.safeParse(code).success ? `entry ${i + 1} must be code:key with a 6-digit local government code (check digit verified)`
        : key.length < MIN_TOKEN_LENGTH ? `entry ${i + 1} (${code}): the key must be at least ${MIN_TOKEN_LENGTH} characters`
        : !B64_TOKEN.test(key) ? `entry ${i + 1} (${code}): the key may hold only letters, digits and -._~+/ (and trailing =)`
        : undefined;
      if (problem === undefined) return [{ municipalityCode: code, tokenSha256: hashToken(key) }];
      ctx.addIssue({ code: 'custom', message: problem });
      return [];
    });
    if (new Set(keys.map((k) => k.tokenSha256.toString('hex'))).size < keys.length) ctx.addIssue({ code: 'custom', message: 'two entries must not share a key' });
    return keys;
  });

/** On/off switches: `true`/`false`, `1`/`0`, `on`/`off`, `yes`/`no`. */
const Switch = z
  .enum(['true', 'false', '1', '0', 'on', 'off', 'yes', 'no'], { error: 'must be on or off (true/false, 1/0, yes/no)' })
  .transform((value) => ['true', '1', 'on', 'yes'].includes(value));

const Port = z.coerce
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must be 0–65535 (0 picks a free port)')
  .max(65535, 'must be 0–65535 (0 picks a free port)');

/** `host:port,host:port`: Kafka bootstrap brokers. */
const Brokers = z
  .string()
  .trim()
  .transform((text, ctx): readonly string[] => {
    const brokers = text.split(',').map((b) => b.trim()).filter((b) => b.length > 0);
    brokers
      .filter((b) => !/^[A-Za-z0-9.-]+:\d{1,5}$|^\[[0-9A-Fa-f:]+\]:\d{1,5}$/.test(b))
      .forEach((b) => ctx.addIssue({ code: 'custom', message: `"${b}" must be host:port` }));
    if (brokers.length === 0) ctx.addIssue({ code: 'custom', message: 'must list at least one host:port' });
    return brokers;
  });

/** The parts of the register one process runs; the embedded default runs them all. */
export const SERVICES = ['commands', 'bridge', 'query', 'relay'] as const;
export type ServiceName = (typeof SERVICES)[number];

const Services = z
  .string()
  .default(SERVICES.join(','))
  .transform((text, ctx): ReadonlySet<ServiceName> => {
    const names = text.split(',').map((n) => n.trim()).filter((n) => n.length > 0);
    const known = new Set<string>(SERVICES);
    names.filter((n) => !known.has(n)).forEach((n) => ctx.addIssue({ code: 'custom', message: `"${n}" is not one of ${SERVICES.join(', ')}` }));
    if (names.length === 0) ctx.addIssue({ code: 'custom', message: `must name at least one of ${SERVICES.join(', ')}` });
    return new Set(names.filter((n): n is ServiceName => known.has(n)));
  });

const PositiveInt = (what: string) => z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1, `must be at least 1 ${what}`);

/** Every setting the register reads from its environment, with its default. */
export const RegisterEnv = z.object({
  REGISTER_DATA_DIR: z.string().trim().min(1, 'must name a directory').default('./data'),
  REGISTER_HOST: z.string().trim().min(1, 'must be a host name or address').default('127.0.0.1'),
  REGISTER_PORT: Port.default(4000),
  REGISTER_STORE: z.enum(['sqlite', 'kurrentdb'], { error: 'must be "sqlite" (the embedded default) or "kurrentdb"' }).default('sqlite'),
  KURRENTDB_URL: z.string().trim().regex(/^(kurrentdb|esdb|kdb)(\+discover)?:\/\/\S+$/, 'must be a kurrentdb:// connection string').optional(),
  REGISTER_BUS: z.enum(['none', 'kafka'], { error: 'must be "none" (feed and subscription only) or "kafka"' }).optional(),
  KAFKA_BROKERS: Brokers.optional(),
  REGISTER_KAFKA_CLIENT_ID: z.string().trim().regex(/^[A-Za-z0-9._-]{1,100}$/, 'must be 1–100 letters, digits or ._-').default('resident-register'),
  REGISTER_KAFKA_PARTITIONS: PositiveInt('partition').max(1000, 'must be at most 1000').default(12),
  REGISTER_KAFKA_REPLICATION: PositiveInt('replica').max(10, 'must be at most 10').default(1),
  REGISTER_KAFKA_PERSONAL_TOPIC: Switch.default(false),
  REGISTER_SERVICES: Services,
  REGISTER_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  REGISTER_OFFICER_TOKENS: credentialTokens('officer'),
  REGISTER_ANALYST_TOKENS: credentialTokens('analyst'),
  REGISTER_AUDITOR_TOKENS: credentialTokens('auditor'),
  REGISTER_SUBSCRIBER_TOKENS: credentialTokens('subscriber'),
  REGISTER_GRAPHIQL: Switch.default(true),
  REGISTER_BRIDGE_PORT: Port.default(4100),
  REGISTER_MUNICIPAL_KEYS: municipalKeys,
  REGISTER_BRIDGE_RATE_LIMIT: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1 request per minute').default(120),
})
  .superRefine(distinctAcrossRoles)
  .superRefine((env, ctx) => {
    if (env.REGISTER_STORE === 'kurrentdb' && env.KURRENTDB_URL === undefined)
      ctx.addIssue({ code: 'custom', path: ['KURRENTDB_URL'], message: 'must be set when REGISTER_STORE=kurrentdb' });
    if (env.REGISTER_BUS === 'kafka' && env.KAFKA_BROKERS === undefined)
      ctx.addIssue({ code: 'custom', path: ['KAFKA_BROKERS'], message: 'must be set when REGISTER_BUS=kafka' });
  });

/** Where the outbox relay publishes integration events (issue: downstream subscribers). */
export interface KafkaConfig {
  readonly brokers: readonly string[];
  readonly clientId: string;
  /** Partitions of each topic the relay creates on start. */
  readonly partitions: number;
  readonly replicationFactor: number;
  /** Publish names and street addresses to their own topic (Art. 19-36(3): off unless configured). */
  readonly personalDataTopic: boolean;
}

export interface RegisterConfig {
  readonly dataDir: string;
  readonly host: string;
  readonly port: number;
  readonly store: 'sqlite' | 'kurrentdb';
  /** KurrentDB connection string, when store is kurrentdb. */
  readonly kurrentdbUrl: string | undefined;
  /** kafka when KAFKA_BROKERS is set (unless REGISTER_BUS=none), else none: the feed and subscription only. */
  readonly bus: 'none' | 'kafka';
  readonly kafka: KafkaConfig | undefined;
  /** The parts this process runs (REGISTER_SERVICES); all of them in the embedded default. */
  readonly services: ReadonlySet<ServiceName>;
  readonly logLevel: z.infer<typeof RegisterEnv>['REGISTER_LOG_LEVEL'];
  /** Officers who may use the command API (bearer tokens, hashed). */
  readonly officers: readonly OfficerCredential[];
  /** Analysts who may run the GraphQL queries (bearer tokens, hashed). */
  readonly analysts: readonly BearerCredential[];
  /** Auditors who may read the audit log of personal-data reads (bearer tokens, hashed). */
  readonly auditors: readonly BearerCredential[];
  /** Downstream systems that may follow the integration-event feed and subscription (hashed). */
  readonly subscribers: readonly BearerCredential[];
  /** Serve GraphiQL and allow introspection at /graphql (development aid; on by default). */
  readonly graphiql: boolean;
  /** Port of the municipal bridge (services/municipal-bridge); 0 picks a free one. */
  readonly bridgePort: number;
  /** Municipal offices' API keys for the bridge, each bound to a municipality code (hashed). */
  readonly municipalKeys: readonly MunicipalKey[];
  /** Requests per minute one office may make to the bridge. */
  readonly bridgeRateLimit: number;
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
  const bus = e.REGISTER_BUS ?? (e.KAFKA_BROKERS === undefined ? 'none' : 'kafka');
  return {
    dataDir: resolve(e.REGISTER_DATA_DIR),
    host: e.REGISTER_HOST,
    port: e.REGISTER_PORT,
    store: e.REGISTER_STORE,
    kurrentdbUrl: e.KURRENTDB_URL,
    bus,
    kafka:
      bus === 'kafka' && e.KAFKA_BROKERS !== undefined
        ? {
            brokers: e.KAFKA_BROKERS,
            clientId: e.REGISTER_KAFKA_CLIENT_ID,
            partitions: e.REGISTER_KAFKA_PARTITIONS,
            replicationFactor: e.REGISTER_KAFKA_REPLICATION,
            personalDataTopic: e.REGISTER_KAFKA_PERSONAL_TOPIC,
          }
        : undefined,
    services: e.REGISTER_SERVICES,
    logLevel: e.REGISTER_LOG_LEVEL,
    officers: e.REGISTER_OFFICER_TOKENS.map(({ id, tokenSha256 }) => ({ officerId: id, tokenSha256 })),
    analysts: e.REGISTER_ANALYST_TOKENS,
    auditors: e.REGISTER_AUDITOR_TOKENS,
    subscribers: e.REGISTER_SUBSCRIBER_TOKENS,
    graphiql: e.REGISTER_GRAPHIQL,
    bridgePort: e.REGISTER_BRIDGE_PORT,
    municipalKeys: e.REGISTER_MUNICIPAL_KEYS,
    bridgeRateLimit: e.REGISTER_BRIDGE_RATE_LIMIT,
  };
};
