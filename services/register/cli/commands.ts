import type { CliCommand } from './command.js';
import { startCommand } from './start.js';

/** Every `register` subcommand, in the order --help lists them. Add one line per new subcommand. */
export const COMMANDS: readonly CliCommand[] = [
  startCommand,
];
