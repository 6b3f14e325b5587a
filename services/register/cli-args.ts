import { parseArgs } from 'node:util';

export type CliCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'start'; readonly env: Readonly<Record<string, string>> };

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE = `Usage: register <command> [options]

Commands:
  start                 run the register (command API, health check) in one process

Options for start (each overrides its environment variable):
  --data-dir <dir>      where the event store lives       REGISTER_DATA_DIR  (default ./data)
  --port <n>            HTTP port, 0 for any free port     REGISTER_PORT      (default 4000)
  --host <addr>         address to listen on               REGISTER_HOST      (default 127.0.0.1)
  --log-level <level>   fatal|error|warn|info|debug|trace  REGISTER_LOG_LEVEL (default info)

  -h, --help            show this help
  -v, --version         show the version
`;

const FLAG_TO_ENV = {
  'data-dir': 'REGISTER_DATA_DIR',
  port: 'REGISTER_PORT',
  host: 'REGISTER_HOST',
  'log-level': 'REGISTER_LOG_LEVEL',
} as const;

/** Turns argv into a command; flags become environment overrides so one schema validates both. */
export const parseCli = (argv: readonly string[]): CliCommand => {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        'data-dir': { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        'log-level': { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help === true) return { kind: 'help' };
  if (values.version === true) return { kind: 'version' };
  const [command, ...extra] = positionals;
  if (command === undefined) throw new UsageError('no command given');
  if (command !== 'start') throw new UsageError(`unknown command '${command}'`);
  if (extra.length > 0) throw new UsageError(`unexpected argument '${extra.join(' ')}'`);
  const env: Record<string, string> = {};
  for (const [flag, variable] of Object.entries(FLAG_TO_ENV)) {
    const value = values[flag as keyof typeof FLAG_TO_ENV];
    if (value !== undefined) env[variable] = value;
  }
  return { kind: 'start', env };
};
