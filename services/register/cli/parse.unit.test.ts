import { describe, expect, it } from 'vitest';
import { UsageError } from './command.js';
import { COMMANDS } from './commands.js';
import { parseCli, usage } from './parse.js';

describe('register CLI arguments', () => {
  it('turns start flags into the environment variables they override', () => {
    const parsed = parseCli(['start', '--data-dir', '/srv/register', '--port', '0'], COMMANDS, { HOME: '/root' });
    expect(parsed.kind === 'run' && parsed.invocation.env).toEqual({ HOME: '/root', REGISTER_DATA_DIR: '/srv/register', REGISTER_PORT: '0' });
  });

  it('answers --help for all commands and for one command, and --version', () => {
    expect(parseCli([], COMMANDS, {})).toEqual({ kind: 'help', command: null });
    const help = parseCli(['start', '--help'], COMMANDS, {});
    expect(help.kind === 'help' && help.command?.name).toBe('start');
    expect(parseCli(['-v'], COMMANDS, {})).toEqual({ kind: 'version' });
    expect(usage(COMMANDS, null)).toContain('start');
  });

  it.each([
    [['start', '--dta-dir', 'x'], /Unknown option '--dta-dir'/],
    [['launch'], /unknown command 'launch'/],
    [['--port', '1'], /no command given before '--port'/],
    [['start', '--port'], /argument missing/],
  ])('rejects %j with a usage error that says what is wrong', (argv, message) => {
    expect(() => parseCli(argv, COMMANDS, {})).toThrow(UsageError);
    expect(() => parseCli(argv, COMMANDS, {})).toThrow(message);
  });
});
