import { parseArgs } from 'node:util';
import { UsageError, type CliCommand, type Invocation } from './command.js';

export type Parsed =
  | { readonly kind: 'help'; readonly command: CliCommand | null }
  | { readonly kind: 'version' }
  | { readonly kind: 'run'; readonly command: CliCommand; readonly invocation: Invocation };

const GLOBAL = { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'v' } } as const;

/** Turns argv into a subcommand and its options; flags that override variables are folded into env. */
export const parseCli = (
  argv: readonly string[],
  commands: readonly CliCommand[],
  env: Readonly<Record<string, string | undefined>>,
): Parsed => {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') return { kind: 'help', command: null };
  if (name === '--version' || name === '-v') return { kind: 'version' };
  const command = commands.find((c) => c.name === name);
  if (command === undefined) throw new UsageError(name.startsWith('-') ? `no command given before '${name}'` : `unknown command '${name}'`);
  let parsed;
  try {
    parsed = parseArgs({ args: rest, allowPositionals: true, strict: true, options: { ...GLOBAL, ...command.options } });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (parsed.values.help === true) return { kind: 'help', command };
  const values: Readonly<Record<string, string | boolean | undefined>> = parsed.values;
  const overrides: Record<string, string> = {};
  for (const [flag, variable] of Object.entries(command.envFlags ?? {})) {
    const value = values[flag];
    if (typeof value === 'string') overrides[variable] = value;
  }
  return { kind: 'run', command, invocation: { values, positionals: parsed.positionals, env: { ...env, ...overrides } } };
};

/** The --help text: all commands, or one command's options. */
export const usage = (commands: readonly CliCommand[], command: CliCommand | null): string =>
  command === null
    ? `Usage: register <command> [options]\n\nCommands:\n${commands.map((c) => `  ${c.name.padEnd(20)}  ${c.summary}`).join('\n')}\n\nRun 'register <command> --help' for a command's options.\n  -h, --help            show help\n  -v, --version         show the version\n`
    : `Usage: register ${command.name} [options]\n\n${command.summary}\n\nOptions:\n${command.usage}\n  -h, --help            show this help\n`;
