#!/usr/bin/env node
import { pino } from 'pino';
import { parseCli, USAGE, UsageError } from './cli-args.js';
import { ConfigError, loadConfig } from './config.js';
import { DataDirError } from './data-dir.js';
import { startRegister } from './main.js';
import { packageVersion } from './package-info.js';
import { StoreUnavailableError } from './store/port.js';

const EXIT_USAGE = 2;
const EXIT_FAILURE = 1;

const fail = (message: string, code: number): never => {
  process.stderr.write(`register: ${message}\n`);
  process.exit(code);
};

const main = async (): Promise<void> => {
  let command;
  try {
    command = parseCli(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) fail(`${error.message}\nRun 'register --help' for usage.`, EXIT_USAGE);
    throw error;
  }
  if (command.kind === 'help') return void process.stdout.write(USAGE);
  if (command.kind === 'version') return void process.stdout.write(`${packageVersion()}\n`);

  const config = loadConfig({ ...process.env, ...command.env });
  const logger = pino({ level: config.logLevel, base: { service: 'register' } });
  const running = await startRegister(config, logger);
  const shutdown = (signal: string): void => {
    logger.info({ signal }, 'shutting down');
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(EXIT_FAILURE);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
};

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirError || error instanceof StoreUnavailableError)
    fail(error.message, EXIT_FAILURE);
  if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE')
    fail(`the port is already in use (${error.message}); choose another with --port`, EXIT_FAILURE);
  fail(error instanceof Error ? (error.stack ?? error.message) : String(error), EXIT_FAILURE);
});
