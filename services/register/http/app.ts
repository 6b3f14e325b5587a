import express, { type Express, type Router } from 'express';
import type { Logger } from 'pino';
import type { EventStore } from '../store/port.js';
import { toProblem } from './errors.js';
import { problemMiddleware, problemOf, sendProblem } from './problem.js';

export interface HttpDeps {
  readonly store: EventStore;
  readonly storeKind: string;
  readonly logger: Logger;
  /** Routers mounted after /healthz and before the 404 (the command API, later the query API). */
  readonly routers?: readonly Router[];
}

/** The register's HTTP surface. Command and query routes are mounted here as they arrive. */
export const createHttpApp = ({ store, storeKind, logger, routers = [] }: HttpDeps): Express => {
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', async (_req, res) => {
    try {
      res.json({ status: 'ok', store: storeKind, headPosition: await store.headPosition() });
    } catch (error) {
      logger.error({ err: error }, 'health check failed');
      sendProblem(res, problemOf('store', 'UNAVAILABLE', 503, 'The event store is unavailable'));
    }
  });
  for (const router of routers) app.use(router);
  app.use((req, res) => {
    sendProblem(res, problemOf('request', 'NOT_FOUND', 404, 'Not found', { detail: `${req.method} ${req.path}` }));
  });
  app.use(problemMiddleware((error) => logger.error({ err: error }, 'unhandled error in HTTP request'), toProblem));
  return app;
};
