#!/usr/bin/env node
import { UsageError } from './cli/command.js';
import { COMMANDS } from './cli/commands.js';
import { parseCli, usage } from './cli/parse.js';
import { ConfigError } from './config.js';
import { DataDirError } from './data-dir.js';
import { packageVersion } from './package-info.js';
import { StoreUnavailableError } from './store/port.js';

const io = { stdout: (text: string) => void process.stdout.write(text), stderr: (text: string) => void process.stderr.write(text) };

const fail = (message: string, code: number): never => {
  process.stderr.write(`register: ${message}\n`);
  process.exit(code);
};

const main = async (): Promise<void> => {
  const parsed = parseCli(process.argv.slice(2), COMMANDS, process.env);
  if (parsed.kind === 'help') return void io.stdout(usage(COMMANDS, parsed.command));
  if (parsed.kind === 'version') return void io.stdout(`${packageVersion()}\n`);
  const outcome = await parsed.command.run(parsed.invocation, io);
  if (outcome !== 'running') process.exitCode = outcome;
};

main().catch((error: unknown) => {
  if (error instanceof UsageError) fail(`${error.message}\nRun 'register --help' for usage.`, 2);
  if (error instanceof ConfigError || error instanceof DataDirError || error instanceof StoreUnavailableError) fail(error.message, 1);
  if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE')
    fail(`the port is already in use (${error.message}); choose another with --port`, 1);
  fail(error instanceof Error ? (error.stack ?? error.message) : String(error), 1);
});
