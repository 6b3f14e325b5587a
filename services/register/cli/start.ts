import { loadConfig } from '../config.js';
import { registerLogger } from '../logger.js';
import { startRegister } from '../main.js';
import type { CliCommand } from './command.js';
import { COMMON_ENV_FLAGS, COMMON_OPTIONS, COMMON_USAGE } from './common-flags.js';

/** `register start`: every service in one process on the embedded store (the embedded default). */
export const startCommand: CliCommand = {
  name: 'start',
  summary: 'run the register (command API, queries, health check) in one process',
  usage: `${COMMON_USAGE}
  --port <n>            HTTP port, 0 for any free port     REGISTER_PORT      (default 4000)
  --host <addr>         address to listen on               REGISTER_HOST      (default 127.0.0.1)
  --bridge-port <n>     the municipal bridge's HTTP port   REGISTER_BRIDGE_PORT (default 4100)`,
  options: { ...COMMON_OPTIONS, port: { type: 'string' }, host: { type: 'string' }, 'bridge-port': { type: 'string' } },
  envFlags: { ...COMMON_ENV_FLAGS, port: 'REGISTER_PORT', host: 'REGISTER_HOST', 'bridge-port': 'REGISTER_BRIDGE_PORT' },
  run: async ({ env }) => {
    const config = loadConfig(env);
    const logger = registerLogger(config.logLevel);
    const running = await startRegister(config, logger);
    const shutdown = (signal: string): void => {
      logger.info({ signal }, 'shutting down');
      running.stop().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    };
    process.once('SIGTERM', shutdown);
    process.once('SIGINT', shutdown);
    return 'running';
  },
};
