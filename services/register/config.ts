import { resolve } from 'node:path';
import { z } from 'zod';

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
});

export interface RegisterConfig {
  readonly dataDir: string;
  readonly host: string;
  readonly port: number;
  readonly store: 'sqlite';
  readonly logLevel: z.infer<typeof RegisterEnv>['REGISTER_LOG_LEVEL'];
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
  };
};
