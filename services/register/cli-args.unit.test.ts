import { describe, expect, it } from 'vitest';
import { parseCli, UsageError } from './cli-args.js';
import { ConfigError, loadConfig } from './config.js';

describe('register CLI arguments', () => {
  it('turns start flags into the environment variables they override', () => {
    expect(parseCli(['start', '--data-dir', '/srv/register', '--port', '0'])).toEqual({
      kind: 'start',
      env: { REGISTER_DATA_DIR: '/srv/register', REGISTER_PORT: '0' },
    });
  });

  it('answers --help and --version before anything else', () => {
    expect(parseCli(['start', '--help'])).toEqual({ kind: 'help' });
    expect(parseCli(['-v'])).toEqual({ kind: 'version' });
  });

  it.each([
    [['start', '--dta-dir', 'x'], /Unknown option '--dta-dir'/],
    [['launch'], /unknown command 'launch'/],
    [[], /no command given/],
    [['start', 'now'], /unexpected argument 'now'/],
    [['start', '--port'], /argument missing/],
  ])('rejects %j with a usage error that says what is wrong', (argv, message) => {
    expect(() => parseCli(argv)).toThrow(UsageError);
    expect(() => parseCli(argv)).toThrow(message);
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
    expect(attempt).toThrow(/REGISTER_STORE: must be "sqlite"/);
  });

  it('rejects a port that is not a number', () => {
    expect(() => loadConfig({ REGISTER_PORT: 'eighty' })).toThrow(/REGISTER_PORT: must be a number/);
  });
});
