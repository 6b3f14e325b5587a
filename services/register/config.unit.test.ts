import { describe, expect, it } from 'vitest';
import { ConfigError, hashToken, loadConfig } from './config.js';

const TOKEN_A = 'a-token-of-officer-1';
const TOKEN_B = 'b-token-of-officer-2';

const failure = (value: string): string => {
  try {
    loadConfig({ REGISTER_OFFICER_TOKENS: value });
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('REGISTER_OFFICER_TOKENS: officers who may issue commands (architecture decision 10)', () => {
  it('parses officer-id:token pairs and keeps only SHA-256 hashes of the tokens', () => {
    const { officers } = loadConfig({ REGISTER_OFFICER_TOKENS: ` officer-1:${TOKEN_A}, officer-2:${TOKEN_B} ,` });
    expect(officers.map((o) => o.officerId)).toEqual(['officer-1', 'officer-2']);
    expect(officers[0]?.tokenSha256.equals(hashToken(TOKEN_A))).toBe(true);
    expect(JSON.stringify(officers)).not.toContain(TOKEN_A);
  });

  it('is empty by default: no officer can issue commands', () => {
    expect(loadConfig({}).officers).toEqual([]);
  });

  it('rejects a short token, a missing colon, a bad officer id, duplicates; naming the variable, never the token', () => {
    expect(failure('officer-1:short-token')).toMatch(/REGISTER_OFFICER_TOKENS: entry 1 \(officer officer-1\): the token must be at least 16 characters/);
    expect(failure('short-token')).toMatch(/REGISTER_OFFICER_TOKENS: entry 1 must be officer-id:token/);
    expect(failure(`officer 1:${TOKEN_A}`)).toMatch(/entry 1: the officer id must be/);
    expect(failure(`officer-1:${TOKEN_A} with space`)).toMatch(/the token may hold only/);
    expect(failure(`officer-1:${TOKEN_A},officer-1:${TOKEN_B}`)).toMatch(/officer officer-1 is listed twice/);
    expect(failure(`officer-1:${TOKEN_A},officer-2:${TOKEN_A}`)).toMatch(/two officers must not share a token/);
    expect(failure(`officer-1:${TOKEN_A},officer-2:${TOKEN_A}`)).not.toContain(TOKEN_A);
    expect(failure('officer-1:short-token')).not.toContain('short-token');
  });
});

describe('register configuration', () => {
  it('uses the embedded defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ host: '127.0.0.1', port: 4000, store: 'sqlite', logLevel: 'info' });
    expect(config.dataDir.endsWith('/data')).toBe(true);
  });

  it('names every bad variable and its rule', () => {
    const attempt = (): unknown => loadConfig({ REGISTER_PORT: '70000', REGISTER_STORE: 'postgres' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/REGISTER_PORT: must be 0–65535/);
    expect(attempt).toThrow(/REGISTER_STORE: must be "sqlite" \(the embedded default\) or "kurrentdb"/);
  });

  it('rejects a port that is not a number', () => {
    expect(() => loadConfig({ REGISTER_PORT: 'eighty' })).toThrow(/REGISTER_PORT: must be a number/);
  });
});

describe('store, bus and services selection (production shape)', () => {
  it('defaults to SQLite, no bus, every service in one process', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ store: 'sqlite', bus: 'none', kafka: undefined, kurrentdbUrl: undefined });
    expect([...config.services]).toEqual(['commands', 'bridge', 'query', 'relay']);
  });

  it('publishes to Kafka when KAFKA_BROKERS is set, unless REGISTER_BUS=none', () => {
    expect(loadConfig({ KAFKA_BROKERS: 'localhost:9092, kafka-2:9092' }).kafka).toMatchObject({ brokers: ['localhost:9092', 'kafka-2:9092'], partitions: 12, personalDataTopic: false });
    expect(loadConfig({ KAFKA_BROKERS: 'localhost:9092', REGISTER_BUS: 'none' }).bus).toBe('none');
  });

  it('names the missing companion variable', () => {
    expect(() => loadConfig({ REGISTER_STORE: 'kurrentdb' })).toThrow(/KURRENTDB_URL: must be set when REGISTER_STORE=kurrentdb/);
    expect(() => loadConfig({ REGISTER_BUS: 'kafka' })).toThrow(/KAFKA_BROKERS: must be set when REGISTER_BUS=kafka/);
    expect(() => loadConfig({ KAFKA_BROKERS: 'localhost' })).toThrow(/KAFKA_BROKERS: "localhost" must be host:port/);
    expect(() => loadConfig({ REGISTER_SERVICES: 'query,printer' })).toThrow(/REGISTER_SERVICES: "printer" is not one of/);
  });

  it('accepts a KurrentDB connection string', () => {
    expect(loadConfig({ REGISTER_STORE: 'kurrentdb', KURRENTDB_URL: 'kurrentdb://localhost:2113?tls=false' }).kurrentdbUrl).toBe('kurrentdb://localhost:2113?tls=false');
  });
});
