import { backupCommand, restoreCommand } from './backup.js';
import type { CliCommand } from './command.js';
import { demoCommand } from './demo.js';
import { rebuildCommand } from './rebuild.js';
import { startCommand } from './start.js';
import { tickCommand } from './tick.js';
import { exportCommand, importCommand } from './transfer.js';

/** Every `register` subcommand, in the order --help lists them. Add one line per new subcommand. */
export const COMMANDS: readonly CliCommand[] = [
  startCommand,
  demoCommand,
  rebuildCommand,
  tickCommand,
  backupCommand,
  restoreCommand,
  exportCommand,
  importCommand,
];
