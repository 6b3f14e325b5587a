import { describe, expect, it } from 'vitest';
import { ConfigError, hashToken, loadConfig } from '../register/config.js';

describe('the bridge\'s settings (services/register/config.ts)', () => {
  it('defaults to port 4100, no offices and 120 requests a minute', () => {
    expect(loadConfig({})).toMatchObject({ bridgePort: 4100, municipalKeys: [], bridgeRateLimit: 120 });
  });

  it('keeps only the SHA-256 of each office key, bound to its municipality code; an office may hold two keys', () => {
    const { municipalKeys } = loadConfig({ REGISTER_MUNICIPAL_KEYS: '131016:chiyoda-office-key-7c1e9b, 131016:chiyoda-office-key-rotated,131041:shinjuku-office-key-4d2a8f' });
    expect(municipalKeys).toEqual([
      { municipalityCode: '131016', tokenSha256: hashToken('chiyoda-office-key-7c1e9b') },
      { municipalityCode: '131016', tokenSha256: hashToken('chiyoda-office-key-rotated') },
      { municipalityCode: '131041', tokenSha256: hashToken('shinjuku-office-key-4d2a8f') },
    ]);
  });

  it.each([
    ['131017:chiyoda-office-key-7c1e9b', /REGISTER_MUNICIPAL_KEYS: entry 1 must be code:key with a 6-digit local government code/],
    ['131016:short', /REGISTER_MUNICIPAL_KEYS: entry 1 \(131016\): the key must be at least 16 characters/],
    ['131016:chiyoda-office-key-7c1e9b,131041:chiyoda-office-key-7c1e9b', /must not share a key/],
    ['no-colon', /entry 1 must be code:key/],
  ])('refuses %s, naming the variable and the rule, never the key', (value, message) => {
    expect(() => loadConfig({ REGISTER_MUNICIPAL_KEYS: value })).toThrow(ConfigError);
    expect(() => loadConfig({ REGISTER_MUNICIPAL_KEYS: value })).toThrow(message);
    try {
      loadConfig({ REGISTER_MUNICIPAL_KEYS: value });
    } catch (error) {
      expect(String(error)).not.toContain('office-key');
    }
  });

  it('refuses a bridge port or rate limit out of range, naming the variable', () => {
    expect(() => loadConfig({ REGISTER_BRIDGE_PORT: '70000' })).toThrow(/REGISTER_BRIDGE_PORT/);
    expect(() => loadConfig({ REGISTER_BRIDGE_RATE_LIMIT: '0' })).toThrow(/REGISTER_BRIDGE_RATE_LIMIT/);
  });
});
