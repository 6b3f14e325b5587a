import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import { join } from 'node:path';
import type { Express, Router } from 'express';
import type { Logger } from 'pino';
import type { AuditLog } from '../projections/audit/audit-log.js';
import type { Instant } from '../../events/values.js';
import { createCommandHandler } from './application/command-handler.js';
import type { OfficerCredential, RegisterConfig, ServiceName } from './config.js';
import { prepareDataDir } from './data-dir.js';
import { createHttpApp } from './http/app.js';
import { createCommandRouter } from './http/commands.js';
import { startReadSide } from './read-side.js';
import { startBridge } from '../municipal-bridge/app.js';
import { openQuarantineStore, QUARANTINE_FILE } from '../municipal-bridge/quarantine-store.js';
import { openStore } from './store/open.js';
import { startKafkaRelay } from '../projections/relay/index.js';
import type { EventStore } from './store/port.js';

export interface RunningRegister {
  readonly url: string;
  /** The municipal bridge's own address (REGISTER_BRIDGE_PORT); empty when REGISTER_SERVICES leaves it out. */
  readonly bridgeUrl: string;
  stop(): Promise<void>;
}

/** What the outside world lends the register: time and fresh ids. Tests pass fixed ones. */
export interface Runtime {
  readonly clock: () => Instant;
  readonly newId: () => string;
}

export const systemRuntime: Runtime = { clock: () => new Date().toISOString(), newId: randomUUID };

export interface RegisterAppDeps {
  readonly store: EventStore;
  readonly storeKind: string;
  readonly officers: readonly OfficerCredential[];
  readonly logger: Logger;
  readonly runtime: Runtime;
  /** Routers of the read side (GraphQL, /metrics), mounted after the command API. */
  readonly routers?: readonly Router[];
  /** Where officers' reads of a resident's events and status are recorded (Art. 19-36(3)). */
  readonly audit?: AuditLog;
}

/** The HTTP app with its command API, wired from a store, the officers and a runtime. */
export const createRegisterApp = ({ store, storeKind, officers, logger, runtime, routers = [], audit }: RegisterAppDeps): Express => {
  const handler = createCommandHandler({ store, clock: runtime.clock, newId: runtime.newId });
  const commands = createCommandRouter({ handler, store, officers, logger, ...(audit === undefined ? {} : { audit: { log: audit, clock: runtime.clock } }) });
  return createHttpApp({ store, storeKind, logger, routers: [commands, ...routers] });
};

/**
 * Composition root: config → store (REGISTER_STORE) → the parts REGISTER_SERVICES names; all of them
 * in the embedded default. Every node but a relay keeps its own read models (the bridge matches
 * cards on them); only `query` serves GraphQL, only `commands` the command API; /healthz always.
 */
export const startRegister = async (config: RegisterConfig, logger: Logger, runtime: Runtime = systemRuntime): Promise<RunningRegister> => {
  prepareDataDir(config.dataDir);
  const store = openStore(config);
  const runs = (service: ServiceName): boolean => config.services.has(service);
  if (config.officers.length === 0)
    logger.warn('REGISTER_OFFICER_TOKENS is empty: every request to the command API will be answered 401');
  const quarantine = openQuarantineStore(join(config.dataDir, QUARANTINE_FILE));
  // Officers see the quarantine over GraphQL where the bridge that keeps it runs in this process.
  const readSide = await startReadSide(config, store, logger, runtime, runs('bridge') ? { quarantine } : {});
  const bridge = !runs('bridge') ? undefined : await startBridge({
    store, readModels: readSide.readModels, quarantine, config, logger, clock: runtime.clock, newId: runtime.newId,
    host: config.host, port: config.bridgePort, audit: { log: readSide.audit, clock: runtime.clock },
  });
  const relay = config.bus === 'kafka' && config.kafka !== undefined && runs('relay')
    ? startKafkaRelay({ kafka: config.kafka, dataDir: config.dataDir, store, logger }) : undefined;
  const routers = [...(runs('query') ? readSide.routers : []), ...(relay === undefined ? [] : [relay.router])];
  const app = !runs('commands') ? createHttpApp({ store, storeKind: config.store, logger, routers }) : createRegisterApp({ store, storeKind: config.store, officers: config.officers, logger, runtime, routers, audit: readSide.audit });
  const server = app.listen(config.port, config.host);
  try {
    await once(server, 'listening');
  } catch (error) {
    await bridge?.stop();
    await relay?.stop();
    quarantine.close();
    await readSide.stop();
    await store.close();
    throw error;
  }
  if (runs('query')) readSide.attach(server);
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  logger.info({ url, graphql: `${url}/graphql`, dataDir: config.dataDir, store: config.store, officers: config.officers.length }, 'register listening');

  return {
    url,
    bridgeUrl: bridge?.url ?? '',
    stop: async () => {
      await readSide.closeStreams(); // server.close() waits for open feeds and subscriptions
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await bridge?.stop();
      await relay?.stop();
      quarantine.close();
      await readSide.stop();
      await store.close();
      logger.info('register stopped');
    },
  };
};
