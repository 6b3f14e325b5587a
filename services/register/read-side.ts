import type { Server } from 'node:http';
import type { Router } from 'express';
import express from 'express';
import type { Logger } from 'pino';
import { Registry, collectDefaultMetrics } from 'prom-client';
import { analystPageRouter } from '../analyst-page/router.js';
import { auditLogFile, openAuditLog, type AuditLog } from '../projections/audit/audit-log.js';
import { startDailyClock, tick } from '../projections/clock/index.js';
import { bulkAppendOf } from './store/sqlite.js';
import { createIntegrationFeed } from '../projections/feed/index.js';
import { createGraphqlRouter } from '../projections/graphql/index.js';
import { createReadModels } from '../projections/read-models/queries.js';
import type { ReadModels } from '../projections/read-models/types.js';
import { createProjectionMetrics } from '../projections/runtime/metrics.js';
import { openProjectionDatabase, projectionDbPath } from '../projections/runtime/projection-db.js';
import { startProjector, type Projector } from '../projections/runtime/projector.js';
import type { IsoDate } from '../../events/values.js';
import type { RegisterConfig } from './config.js';
import { legalDateOf } from './domain/rules/calendar.js';
import type { Runtime } from './main.js';
import type { EventStore } from './store/port.js';
import type { QuarantineStore } from '../municipal-bridge/quarantine-store.js';

export interface ReadSide {
  readonly routers: readonly Router[];
  readonly projector: Projector;
  readonly readModels: ReadModels;
  /** The audit log of personal-data reads, shared with the command API's resident reads. */
  readonly audit: AuditLog;
  /** Accepts the GraphQL subscription's websockets on the HTTP server (graphql-ws at /graphql). */
  attach(server: Server): void;
  /** Ends the feed's long-polls and SSE streams and the subscriptions: before `server.close()`, which waits for them. */
  closeStreams(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The clock looks at residents with a deadline due (the deadline index) and at everyone whose
 * record changed since its last run: a late relay or a correction can withdraw a ground without any
 * deadline passing. The first run after start looks at every resident once.
 */
const clockSelection = (store: EventStore, readModels: ReadModels) => {
  let lastPosition = 0;
  return async (asOf: IsoDate): Promise<string[]> => {
    const head = await store.headPosition();
    const ids = new Set(readModels.residentsDueBy(asOf));
    for await (const event of store.readAll({ after: lastPosition, filter: { streamPrefixes: ['resident-'] } }))
      if (event.position <= head) ids.add(event.streamId.slice('resident-'.length));
    lastPosition = head;
    return [...ids].sort();
  };
};

const metricsRouter = (registry: Registry): Router => {
  const router = express.Router();
  router.get('/metrics', async (_req, res) => {
    res.type(registry.contentType).send(await registry.metrics());
  });
  return router;
};

/**
 * The read side of the embedded default, in the same process as the command API: the projector
 * with its own SQLite database, the GraphQL API with its audit log, /metrics, and the daily clock
 * (architecture decisions 6, 7, 10).
 */
export const startReadSide = async (
  config: RegisterConfig, store: EventStore, logger: Logger, runtime: Runtime,
  options: { readonly quarantine?: Pick<QuarantineStore, 'list' | 'count'> } = {},
): Promise<ReadSide> => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const { db } = openProjectionDatabase(projectionDbPath(config.dataDir));
  const today = (): IsoDate => legalDateOf(runtime.clock());
  const projector = startProjector({ store, db, today, logger, metrics: createProjectionMetrics(registry) });
  const readModels = createReadModels(db);
  const audit = openAuditLog({ file: auditLogFile(config.dataDir) });
  const graphql = await createGraphqlRouter({
    readModels, store, audit, auth: config, clock: runtime.clock, logger, development: config.graphiql,
    ...(options.quarantine === undefined ? {} : { quarantine: options.quarantine }),
  });
  // Issue 6: the integration events without a broker, for subscriber tokens (GET /feed, subscription residentEvents).
  const feed = createIntegrationFeed({ store, auth: config, personalDataTopic: config.kafka?.personalDataTopic ?? false, logger });
  const select = clockSelection(store, readModels);
  const daily = startDailyClock({
    clock: runtime.clock,
    logger,
    runTick: async (asOf) => {
      const result = await tick({ store, residentIds: await select(asOf), asOf, clock: runtime.clock, logger, appendMany: bulkAppendOf(store) });
      await projector.refresh(asOf);
      logger.info({ asOf, examined: result.residentsExamined, appended: result.eventsAppended }, 'clock tick');
    },
  });
  if (config.analysts.length === 0) logger.warn('REGISTER_ANALYST_TOKENS is empty: every GraphQL query will be answered 401');
  return {
    routers: [analystPageRouter(), graphql.router, feed.router, metricsRouter(registry)],
    projector,
    readModels,
    audit,
    attach: (server) => feed.attach(server),
    closeStreams: () => feed.close(),
    stop: async () => {
      await daily.stop();
      await graphql.stop();
      await projector.stop();
      audit.close();
      db.close();
    },
  };
};
