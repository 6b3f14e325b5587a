import type { OptionSpec } from './command.js';

/** Flags every subcommand that touches the data accepts; each overrides its environment variable. */
export const COMMON_OPTIONS: OptionSpec = {
  'data-dir': { type: 'string' },
  'log-level': { type: 'string' },
};

export const COMMON_ENV_FLAGS: Readonly<Record<string, string>> = {
  'data-dir': 'REGISTER_DATA_DIR',
  'log-level': 'REGISTER_LOG_LEVEL',
};

export const COMMON_USAGE = `  --data-dir <dir>      where the event store lives       REGISTER_DATA_DIR  (default ./data)
  --log-level <level>   fatal|error|warn|info|debug|trace  REGISTER_LOG_LEVEL (default info)`;
