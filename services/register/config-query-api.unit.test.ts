import { describe, expect, it } from 'vitest';
import { ConfigError, hashToken, loadConfig, type EnvSource } from './config.js';

const ANALYST_TOKEN = 'analyst-token-0001-abcdef';
const AUDITOR_TOKEN = 'auditor-token-0001-abcdef';
const OFFICER_TOKEN = 'officer-token-0001-abcdef';

const failure = (env: EnvSource): string => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('REGISTER_ANALYST_TOKENS and REGISTER_AUDITOR_TOKENS: callers of the query API (decision 10)', () => {
  it('parses id:token pairs per role and keeps only SHA-256 hashes', () => {
    const config = loadConfig({ REGISTER_ANALYST_TOKENS: `analyst-1:${ANALYST_TOKEN}`, REGISTER_AUDITOR_TOKENS: `auditor-1:${AUDITOR_TOKEN}` });
    expect(config.analysts.map((a) => a.id)).toEqual(['analyst-1']);
    expect(config.auditors[0]?.tokenSha256.equals(hashToken(AUDITOR_TOKEN))).toBe(true);
    expect(JSON.stringify(config)).not.toContain(ANALYST_TOKEN);
  });

  it('is empty by default: nobody can query or audit', () => {
    const config = loadConfig({});
    expect(config.analysts).toEqual([]);
    expect(config.auditors).toEqual([]);
  });

  it('names the variable and the role in every error, never the token', () => {
    expect(failure({ REGISTER_ANALYST_TOKENS: 'analyst-1:short' })).toMatch(/REGISTER_ANALYST_TOKENS: entry 1 \(analyst analyst-1\): the token must be at least 16/);
    expect(failure({ REGISTER_AUDITOR_TOKENS: 'nocolon' })).toMatch(/REGISTER_AUDITOR_TOKENS: entry 1 must be auditor-id:token/);
    expect(failure({ REGISTER_AUDITOR_TOKENS: `a:${AUDITOR_TOKEN},a:${ANALYST_TOKEN}` })).toMatch(/auditor a is listed twice/);
  });

  it('refuses one token under two roles, which would make the role ambiguous', () => {
    const message = failure({ REGISTER_OFFICER_TOKENS: `officer-1:${OFFICER_TOKEN}`, REGISTER_ANALYST_TOKENS: `analyst-1:${OFFICER_TOKEN}` });
    expect(message).toMatch(/REGISTER_ANALYST_TOKENS: analyst-1's token is also listed in REGISTER_OFFICER_TOKENS/);
    expect(message).not.toContain(OFFICER_TOKEN);
  });
});

describe('REGISTER_GRAPHIQL: GraphiQL and introspection at /graphql', () => {
  it('is on by default and accepts on/off spellings', () => {
    expect(loadConfig({}).graphiql).toBe(true);
    expect(loadConfig({ REGISTER_GRAPHIQL: 'off' }).graphiql).toBe(false);
    expect(loadConfig({ REGISTER_GRAPHIQL: '0' }).graphiql).toBe(false);
    expect(loadConfig({ REGISTER_GRAPHIQL: 'true' }).graphiql).toBe(true);
  });

  it('rejects anything else, naming the variable', () => {
    expect(failure({ REGISTER_GRAPHIQL: 'maybe' })).toMatch(/REGISTER_GRAPHIQL: must be on or off/);
  });
});
