import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import {
  ApolloServerPluginLandingPageDisabled, ApolloServerPluginSchemaReportingDisabled, ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import express, { Router } from 'express';
import type { Logger } from 'pino';
import type { Instant } from '../../../events/values.js';
import type { EventStore } from '../../register/store/port.js';
import type { QuarantineStore } from '../../municipal-bridge/quarantine-store.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { ReadModels } from '../read-models/types.js';
import { authenticator, type GraphqlAuth } from './access.js';
import { auditPlugin } from './audit-plugin.js';
import type { GraphqlContext } from './context.js';
import { formatErrorWith } from './errors.js';
import { addGraphiql } from './graphiql.js';
import { guardPlugin } from './guard-plugin.js';
import { DEFAULT_LIMITS, depthLimitRule, type QueryLimits } from './limits.js';
import { legalToday } from './legal-today.js';
import { resolversOf } from './resolvers.js';
import { loadSchemaSdl } from './schema-file.js';

export interface GraphqlRouterDeps {
  readonly readModels: ReadModels;
  readonly store: EventStore;
  readonly audit: AuditLog;
  /** The callers' credentials: `config.officers`, `config.analysts`, `config.auditors`. */
  readonly auth: GraphqlAuth;
  readonly clock: () => Instant;
  readonly logger: Logger;
  /** GraphiQL and introspection (`config.graphiql`). */
  readonly development: boolean;
  /** The municipal bridge's quarantine, for the officers' `quarantine` query (absent on a query-only node). */
  readonly quarantine?: Pick<QuarantineStore, 'list' | 'count'>;
  /** Depth and complexity limits; defaults 10 and 10,000 (limits.ts). */
  readonly limits?: Partial<QueryLimits>;
}

export interface GraphqlRouter {
  /** Mount on the app: serves POST/GET /graphql (and, in development, the GraphiQL page and assets). */
  readonly router: Router;
  /** Stops the Apollo server (after the HTTP server has stopped taking requests). */
  stop(): Promise<void>;
}

const apolloLogger = (logger: Logger) => ({
  debug: (message: unknown) => logger.debug(String(message)),
  info: (message: unknown) => logger.info(String(message)),
  warn: (message: unknown) => logger.warn(String(message)),
  error: (message: unknown) => logger.error(String(message)),
});

const apolloServer = (deps: GraphqlRouterDeps, limits: QueryLimits): ApolloServer<GraphqlContext> =>
  new ApolloServer<GraphqlContext>({
    typeDefs: loadSchemaSdl(),
    resolvers: resolversOf(deps.audit),
    introspection: deps.development,
    includeStacktraceInErrorResponses: false,
    formatError: formatErrorWith(deps.logger),
    validationRules: [depthLimitRule(limits.maxDepth)],
    logger: apolloLogger(deps.logger),
    stopOnTerminationSignals: false, // the register's own shutdown stops it
    plugins: [
      ApolloServerPluginLandingPageDisabled(), // GraphiQL is served from node_modules instead of Apollo's CDN page
      ApolloServerPluginUsageReportingDisabled(), // nothing about queries leaves the process, whatever APOLLO_KEY says
      ApolloServerPluginSchemaReportingDisabled(),
      guardPlugin(limits.maxComplexity),
      auditPlugin(deps),
    ],
  });

/**
 * The analysts' GraphQL query API (Apollo Server 5 on express 5) at /graphql: bearer-token roles,
 * depth and complexity limits, one formatError, and an audit entry for every personal-data read.
 */
export const createGraphqlRouter = async (deps: GraphqlRouterDeps): Promise<GraphqlRouter> => {
  const server = apolloServer(deps, { ...DEFAULT_LIMITS, ...deps.limits });
  await server.start();
  const authenticate = authenticator(deps.auth);
  const today = legalToday(deps.clock);
  const router = Router();
  addGraphiql(router, deps.development);
  router.all(
    '/graphql',
    express.json({ limit: '64kb' }),
    expressMiddleware(server, {
      context: async ({ req }): Promise<GraphqlContext> => ({
        actor: authenticate(req.get('authorization')),
        today: today(),
        sources: { readModels: deps.readModels, store: deps.store, clock: deps.clock, ...(deps.quarantine === undefined ? {} : { quarantine: deps.quarantine }) },
        reads: [],
      }),
    }),
  );
  return { router, stop: () => server.stop() };
};
