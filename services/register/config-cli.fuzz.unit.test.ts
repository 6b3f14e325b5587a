import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsageError } from './cli/command.js';
import { COMMANDS } from './cli/commands.js';
import { parseCli } from './cli/parse.js';
import { ConfigError, loadConfig, RegisterEnv } from './config.js';

/** Issue 9.2: configuration and CLI flags, fuzzed — a ConfigError or UsageError naming what is wrong, never anything else. */

const VARIABLES = Object.keys(RegisterEnv.shape);

const hostileValue = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.constantFrom('', ' ', '0', '-1', '65536', '1e3', 'NaN', 'true', 'off', 'a:b', 'officer:short', 'x:'.padEnd(40, 'y'), '131016:' + 'k'.repeat(20), '999999:' + 'k'.repeat(20),
    'officer-1:token-token-token-1,officer-1:token-token-token-2', 'kafka', 'kurrentdb', 'host:notaport', 'commands,nope', '\u0000', '💥'.repeat(10)),
);

describe('configuration and CLI flags under fuzz (issue 9.2)', () => {
  it('loadConfig returns a config or throws a ConfigError that names each offending variable', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...VARIABLES), hostileValue, { maxKeys: 6 }), (env) => {
        try {
          loadConfig(env);
        } catch (error) {
          expect(error).toBeInstanceOf(ConfigError);
          const message = (error as ConfigError).message;
          const named = message.split('\n').slice(1).map((line) => line.trim().split(':')[0] ?? '');
          expect(named.length).toBeGreaterThan(0);
          for (const variable of named) expect(VARIABLES).toContain(variable);
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('a token or key never appears in a configuration error message', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9]{16,40}$/), fc.constantFrom('REGISTER_OFFICER_TOKENS', 'REGISTER_ANALYST_TOKENS', 'REGISTER_MUNICIPAL_KEYS'), (secret, variable) => {
        try {
          loadConfig({ [variable]: `bad id!:${secret},${secret.slice(0, 8)}`, REGISTER_PORT: 'nope' });
        } catch (error) {
          expect((error as Error).message).not.toContain(secret);
          return;
        }
        expect.unreachable('an invalid port must be refused');
      }),
      { numRuns: 300 },
    );
  });

  it('parseCli returns an invocation or throws a UsageError, for any argv', () => {
    const flag = fc.oneof(
      fc.constantFrom('--data-dir', '--port', '--bridge-port', '--host', '--log-level', '--as-of', '--residents', '--seed', '--to', '--from', '--help', '-h', '--version', '-v', '--', '-', '--port=', '--nope'),
      fc.string({ maxLength: 20 }),
    );
    const argv = fc.tuple(fc.oneof(fc.constantFrom(...COMMANDS.map((c) => c.name)), fc.string({ maxLength: 10 })), fc.array(flag, { maxLength: 6 }));
    fc.assert(
      fc.property(argv, ([name, rest]) => {
        try {
          const parsed = parseCli([name, ...rest], COMMANDS, {});
          expect(['help', 'version', 'run']).toContain(parsed.kind);
        } catch (error) {
          expect(error).toBeInstanceOf(UsageError);
          expect((error as UsageError).message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2_000 },
    );
  });
});
