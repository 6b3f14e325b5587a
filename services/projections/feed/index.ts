import type { Server } from 'node:http';
import type { Router } from 'express';
import type { Logger } from 'pino';
import { createIntegrationMapper } from '../../../events/integration/map.js';
import type { EventStore } from '../../register/store/port.js';
import { attachSubscriptions, type SubscriptionServer } from '../graphql/subscription.js';
import type { FeedAuth } from './auth.js';
import { createFeedRouter } from './router.js';
import { createStreamRegistry } from './streams.js';

export interface IntegrationFeedDeps {
  readonly store: EventStore;
  readonly auth: FeedAuth;
  /** Serve the personal-topic events too (names, street addresses): `config.kafka?.personalDataTopic`. */
  readonly personalDataTopic: boolean;
  readonly logger: Logger;
}

/** The integration events without a broker: `GET /feed` and the GraphQL subscription (issue 6, part 4). */
export interface IntegrationFeed {
  readonly router: Router;
  /** Accepts graphql-ws connections at /graphql on the register's HTTP server. */
  attach(server: Server): void;
  /** Ends open long-polls, SSE streams and subscriptions: call before `server.close()`, which waits for them. */
  close(): Promise<void>;
  /** Long-polls, SSE streams and subscriptions now open. */
  openStreams(): number;
}

export const createIntegrationFeed = ({ store, auth, personalDataTopic, logger }: IntegrationFeedDeps): IntegrationFeed => {
  const source = { store, mapper: createIntegrationMapper({ store, personalDataTopic }) };
  const streams = createStreamRegistry();
  let subscriptions: SubscriptionServer | undefined;
  return {
    router: createFeedRouter({ source, auth, streams }),
    attach: (server) => {
      subscriptions = attachSubscriptions(server, { source, auth, streams, logger });
    },
    close: async () => {
      streams.closeAll();
      await subscriptions?.close();
    },
    openStreams: () => streams.size,
  };
};
