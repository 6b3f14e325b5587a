import express, { type Express } from 'express';
import type { Logger } from 'pino';
import type { EventStore } from '../store/port.js';
import { problemMiddleware, sendProblem } from './problem.js';

export interface HttpDeps {
  readonly store: EventStore;
  readonly storeKind: string;
  readonly logger: Logger;
}

/** The register's HTTP surface. Command and query routes are mounted here as they arrive. */
export const createHttpApp = ({ store, storeKind, logger }: HttpDeps): Express => {
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', async (_req, res) => {
    try {
      res.json({ status: 'ok', store: storeKind, headPosition: await store.headPosition() });
    } catch (error) {
      logger.error({ err: error }, 'health check failed');
      sendProblem(res, { type: 'urn:problem:store-unavailable', title: 'The event store is unavailable', status: 503 });
    }
  });
  app.use((req, res) => {
    sendProblem(res, { type: 'urn:problem:not-found', title: 'Not found', status: 404, detail: `${req.method} ${req.path}` });
  });
  app.use(problemMiddleware((error) => logger.error({ err: error }, 'unhandled error in HTTP request')));
  return app;
};
