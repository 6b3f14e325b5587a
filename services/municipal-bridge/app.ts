import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import type { Instant } from '../../events/values.js';
import type { ReadModels } from '../projections/read-models/types.js';
import { createCommandHandler, type CommandHandler } from '../register/application/command-handler.js';
import type { RegisterConfig } from '../register/config.js';
import { problemMiddleware, problemOf, sendProblem } from '../register/http/problem.js';
import type { ReadAudit } from '../register/http/resident-queries.js';
import type { EventStore } from '../register/store/port.js';
import { createIntake, type Intake } from './intake.js';
import { officeAuth, officeRateLimit } from './office-auth.js';
import { quarantineRouter } from './quarantine-routes.js';
import type { QuarantineStore } from './quarantine-store.js';
import { relayRouter } from './relay-routes.js';
import { sweepQuarantine } from './sweep.js';

export type BridgeConfig = Pick<RegisterConfig, 'municipalKeys' | 'officers' | 'bridgeRateLimit'>;

export interface BridgeDeps {
  readonly store: EventStore;
  readonly readModels: ReadModels;
  /** The register's command path; by default one made from the store, the clock and `newId`. */
  readonly handler?: CommandHandler;
  readonly newId?: () => string;
  readonly quarantine: QuarantineStore;
  readonly config: BridgeConfig;
  readonly logger: Logger;
  readonly clock: () => Instant;
  /** Where officers' reads of quarantined relays (personal data) are recorded, as GraphQL `quarantine` reads are. */
  readonly audit?: ReadAudit;
}

export const createBridgeIntake = (deps: BridgeDeps): Intake =>
  createIntake({
    store: deps.store,
    handler: deps.handler ?? createCommandHandler({ store: deps.store, clock: deps.clock, newId: deps.newId ?? randomUUID }),
    readModels: deps.readModels, quarantine: deps.quarantine, clock: deps.clock, logger: deps.logger,
  });

/** The municipal bridge's HTTP app (issue #5): relays from offices, the quarantine for officers. */
export const createBridgeApp = (deps: BridgeDeps, intake: Intake = createBridgeIntake(deps)): Express => {
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => { res.json({ status: 'ok' }); });
  app.use(quarantineRouter(deps.quarantine, intake, deps.config.officers, deps.audit));
  app.use('/relays', officeAuth(deps.config.municipalKeys), officeRateLimit(deps.config.bridgeRateLimit));
  app.use(relayRouter(intake, deps.logger));
  app.use((_req, res) => sendProblem(res, problemOf('request', 'NOT_FOUND', 404, 'No such route')));
  app.use(problemMiddleware((error) => deps.logger.error({ err: error }, 'unexpected error in the municipal bridge')));
  return app;
};

export interface RunningBridge {
  readonly url: string;
  /** Re-applies the open entries whose cause may have gone (also run every `sweepEveryMs`). */
  sweep(): Promise<void>;
  stop(): Promise<void>;
}

/** Listens on the bridge port (REGISTER_BRIDGE_PORT) and sweeps the quarantine periodically. */
export const startBridge = async (
  deps: BridgeDeps & { readonly host: string; readonly port: number; readonly sweepEveryMs?: number },
): Promise<RunningBridge> => {
  const intake = createBridgeIntake(deps);
  const server = createBridgeApp(deps, intake).listen(deps.port, deps.host);
  // A batch is read at the pace it is applied, so a large upload outlives Node's 5-minute request
  // timeout; a client that stalls is dropped by the idle timeout instead (answers keep the socket busy).
  server.requestTimeout = 0;
  server.setTimeout(120_000);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const url = `http://${deps.host.includes(':') ? `[${deps.host}]` : deps.host}:${port}`;
  const sweep = async (): Promise<void> => { await sweepQuarantine(deps.quarantine, intake, deps.logger); };
  const timer = setInterval(() => { sweep().catch((error: unknown) => deps.logger.error({ err: error }, 'quarantine sweep failed')); }, deps.sweepEveryMs ?? 300_000);
  timer.unref();
  deps.logger.info({ url, offices: new Set(deps.config.municipalKeys.map((k) => k.municipalityCode)).size }, 'municipal bridge listening');
  return {
    url,
    sweep,
    stop: async () => {
      clearInterval(timer);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
};
