import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { RegisterConfig } from './config.js';
import { prepareDataDir } from './data-dir.js';
import { createHttpApp } from './http/app.js';
import { openSqliteEventStore } from './store/sqlite.js';

export interface RunningRegister {
  readonly url: string;
  stop(): Promise<void>;
}

/** Composition root of the embedded default: config → store → HTTP. The only place with wiring. */
export const startRegister = async (config: RegisterConfig, logger: Logger): Promise<RunningRegister> => {
  prepareDataDir(config.dataDir);
  const storeFile = join(config.dataDir, 'register.db');
  const store = openSqliteEventStore({ file: storeFile });
  const app = createHttpApp({ store, storeKind: config.store, logger });
  const server = app.listen(config.port, config.host);
  try {
    await once(server, 'listening');
  } catch (error) {
    await store.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  logger.info({ url, dataDir: config.dataDir, store: config.store }, 'register listening');

  return {
    url,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await store.close();
      logger.info('register stopped');
    },
  };
};
