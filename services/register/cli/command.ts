import type { ParseArgsConfig } from 'node:util';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** A parsed invocation: option values as strings/booleans, positionals after the command name. */
export interface Invocation {
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly positionals: readonly string[];
  /** The process environment overlaid with the flags that override variables (e.g. --data-dir). */
  readonly env: Readonly<Record<string, string | undefined>>;
}

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/**
 * One `register <name>` subcommand. `run` resolves to an exit code, or to 'running' for a server
 * that keeps the process alive until a signal.
 */
export interface CliCommand {
  readonly name: string;
  readonly summary: string;
  /** Lines describing the command's own options, shown by --help. */
  readonly usage: string;
  readonly options: OptionSpec;
  /** Flags that override environment variables, e.g. { port: 'REGISTER_PORT' }. */
  readonly envFlags?: Readonly<Record<string, string>>;
  run(invocation: Invocation, io: CliIo): Promise<number | 'running'>;
}

/** A wrong invocation: the message says what is wrong; the CLI exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
