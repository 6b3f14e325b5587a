import type { Server } from 'node:http';
import type { GraphQLError as GraphQLErrorType } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import type { IntegrationMessage } from '../../../events/integration/message.js';
import { feedCaller, type FeedAuth } from '../feed/auth.js';
import { followBatches, type FeedSource } from '../feed/follow.js';
import type { StreamRegistry } from '../feed/streams.js';
import { graphql } from './graphql-js.js';
import { loadSchemaSdl } from './schema-file.js';

export interface SubscriptionDeps {
  readonly source: FeedSource;
  readonly auth: FeedAuth;
  readonly streams: StreamRegistry;
  readonly logger: Logger;
}

export interface SubscriptionServer {
  /** Ends every subscription and closes the websockets (before the HTTP server closes). */
  close(): Promise<void>;
}

const PATH = '/graphql';
const { GraphQLError, buildSchema, getOperationAST, parse } = graphql;

/** The GraphQL view of one integration message (`ResidentIntegrationEvent` in schema/register.graphql). */
export const subscriptionEntry = ({ position, topic, attributes, data }: IntegrationMessage) => ({
  position, topic, data, id: attributes.id, type: attributes.type, subject: attributes.subject, time: attributes.time,
  recordedTime: attributes.recordedtime, sequence: Number(attributes.sequence), dataSchema: attributes.dataschema,
});

const badInput = (message: string): GraphQLErrorType => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

async function* entriesAfter(source: FeedSource, after: number, signal: AbortSignal) {
  for await (const batch of followBatches(source, after, signal))
    for (const message of batch.messages) yield { residentEvents: subscriptionEntry(message) };
}

/**
 * An iterator whose `return()` works while it waits for the next event: graphql-ws calls it when
 * the client completes, and an async generator would queue it behind a `next()` that may never come.
 */
const residentEvents = (source: FeedSource, streams: StreamRegistry, after: number) => {
  const stream = streams.open();
  const inner = entriesAfter(source, after, stream.signal);
  const iterator = {
    next: () => inner.next(),
    return: async () => {
      stream.close();
      return inner.return(undefined);
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
};

/** Only subscriptions travel over the websocket; queries stay on POST /graphql with their audit. */
const onlySubscriptions = (query: string, operationName: string | null | undefined): readonly GraphQLErrorType[] | undefined => {
  try {
    const operation = getOperationAST(parse(query), operationName ?? undefined);
    if (operation?.operation === 'subscription') return undefined;
    return [badInput('only subscriptions are served over the websocket; send queries to POST /graphql')];
  } catch (error) {
    return [error instanceof GraphQLError ? error : badInput('the document cannot be parsed')];
  }
};

/**
 * `subscription { residentEvents(after) }` over graphql-ws at /graphql, on the register's own HTTP
 * server. Subscribers authenticate in `connection_init` (`{"authorization": "Bearer <token>"}`): no or
 * an unknown token closes the socket with 4401, another role's token with 4403.
 */
export const attachSubscriptions = (server: Server, { source, auth, streams, logger }: SubscriptionDeps): SubscriptionServer => {
  const schema = buildSchema(loadSchemaSdl());
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (request, socket, head) => {
    if (new URL(request.url ?? '/', 'http://register').pathname !== PATH) return;
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  });
  const disposable = useServer(
    {
      schema,
      isProd: true,
      roots: {
        subscription: {
          residentEvents: ({ after }: { readonly after?: number | null }) => {
            if (after !== undefined && after !== null && after < 0) throw badInput('after must be a log position, 0 or more');
            return residentEvents(source, streams, after ?? 0);
          },
        },
      },
      onConnect: (ctx) => {
        const authorization = ctx.connectionParams?.['authorization'];
        const caller = feedCaller(auth, typeof authorization === 'string' ? authorization : undefined);
        if (caller.kind === 'subscriber') {
          logger.info({ subscriber: caller.id }, 'subscriber connected to residentEvents');
          return true;
        }
        if (caller.kind !== 'other-role') ctx.extra.socket.close(4401, 'Unauthorized');
        return false;
      },
      onSubscribe: (_ctx, _id, payload) => onlySubscriptions(payload.query, payload.operationName),
      onError: (_ctx, _id, _payload, errors) => {
        logger.warn({ errors: errors.map((e) => e.message) }, 'graphql-ws subscription error');
      },
    },
    wss,
  );
  return {
    close: async () => {
      streams.closeAll();
      for (const client of wss.clients) client.close(1001, 'Going away');
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
};
