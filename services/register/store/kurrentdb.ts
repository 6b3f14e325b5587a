import {
  KurrentDBClient,
  jsonEvent,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type Filter,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import { kurrentDbEventStore } from './kurrentdb-adapter.js';
import type { KurrentWire, WireFilter, WireRecordedEvent, WireSubscription } from './kurrentdb-wire.js';
import { StoreUnavailableError, type EventStore } from './port.js';

/**
 * The production event store (architecture decision 2): KurrentDB over gRPC. This is the only
 * module that imports `@kurrent/kurrentdb-client`; the port semantics live in `kurrentdb-adapter.ts`
 * and `kurrentdb-mapping.ts`, tested without a server.
 */

export interface KurrentDbEventStoreOptions {
  /** `kurrentdb://host:2113?tls=false`, or `kurrentdb+discover://…` for a cluster (gossip). */
  readonly connectionString: string;
  readonly pageSize?: number;
}

const toFilter = (filter: WireFilter): Filter =>
  'prefixes' in filter ? streamNameFilter({ prefixes: [...filter.prefixes] }) : streamNameFilter({ regex: filter.regex });

async function* recorded(source: AsyncIterable<ResolvedEvent | AllStreamResolvedEvent>): AsyncIterable<WireRecordedEvent> {
  for await (const resolved of source) if (resolved.event !== undefined) yield resolved.event;
}

/** The connection string without user:password, for logs and error messages. */
export const describeConnection = (connectionString: string): string => connectionString.replace(/\/\/[^@/]*@/, '//');

const wireOver = (client: KurrentDBClient): KurrentWire => ({
  appendToStream: (streamId, events, streamState) =>
    client.appendToStream(
      streamId,
      events.map((e) => jsonEvent({ id: e.id, type: e.type, data: e.data, metadata: e.metadata })),
      { streamState },
    ),
  readStream: (streamId, { direction, fromRevision, maxCount }) =>
    recorded(client.readStream(streamId, { direction, fromRevision, maxCount })),
  readAll: ({ direction, fromPosition, maxCount, filter }) =>
    recorded(client.readAll({ direction, fromPosition, maxCount, filter: toFilter(filter) })),
  subscribeToAll: ({ fromPosition, filter }): WireSubscription => {
    const subscription = client.subscribeToAll({ fromPosition, filter: toFilter(filter) });
    return { [Symbol.asyncIterator]: () => recorded(subscription)[Symbol.asyncIterator](), unsubscribe: () => subscription.unsubscribe() };
  },
  dispose: () => client.dispose(),
});

/** Connects lazily: a wrong address surfaces as StoreUnavailableError on the first call. */
export const openKurrentDbEventStore = (options: KurrentDbEventStoreOptions): EventStore => {
  const description = describeConnection(options.connectionString);
  let client: KurrentDBClient;
  try {
    client = KurrentDBClient.connectionString(options.connectionString);
  } catch (error) {
    throw new StoreUnavailableError(`cannot use the KurrentDB connection string ${description}: ${(error as Error).message}`, { cause: error });
  }
  return kurrentDbEventStore(wireOver(client), { description, ...(options.pageSize === undefined ? {} : { pageSize: options.pageSize }) });
};
