import { mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { loadConfig } from '../../../register/config.js';
import { createHttpApp } from '../../../register/http/app.js';
import type { EventStore } from '../../../register/store/port.js';
import { openSqliteEventStore } from '../../../register/store/sqlite.js';
import { createIntegrationFeed } from '../index.js';

export const SUBSCRIBER_TOKEN = 'subscriber-0001-token-7c1d9e2b';
export const ANALYST_TOKEN = 'analyst-0001-token-3b8e5f1a';

export interface FeedTestServer {
  readonly url: string;
  readonly store: EventStore;
  openStreams(): number;
  stop(): Promise<void>;
}

/** The register's HTTP app with the feed and the subscription, on a real SQLite file and port 0. */
export const startFeedServer = async (options: { readonly personalDataTopic?: boolean } = {}): Promise<FeedTestServer> => {
  const dir = mkdtempSync(join(tmpdir(), 'register-feed-'));
  const store = openSqliteEventStore({ file: join(dir, 'register.db') });
  const config = loadConfig({ REGISTER_SUBSCRIBER_TOKENS: `downstream-1:${SUBSCRIBER_TOKEN}`, REGISTER_ANALYST_TOKENS: `analyst-1:${ANALYST_TOKEN}` });
  const logger = pino({ level: 'silent' });
  const feed = createIntegrationFeed({ store, auth: config, personalDataTopic: options.personalDataTopic ?? false, logger });
  const app = createHttpApp({ store, storeKind: 'sqlite', logger, routers: [feed.router] });
  const server: Server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  feed.attach(server);
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    store,
    openStreams: () => feed.openStreams(),
    stop: async () => {
      await feed.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
