import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino, type Logger } from 'pino';
import type { ResidentEvent } from '../../../../events/catalogue.js';
import { loadConfig } from '../../config.js';
import { createRegisterApp, type Runtime } from '../../main.js';
import type { EventStore } from '../../store/port.js';
import { openSqliteEventStore } from '../../store/sqlite.js';

/** A register on a real SQLite file in a temp dir and a real HTTP server on port 0, for integration tests. */

export const OFFICER_ID = 'officer-0001';
export const OFFICER_TOKEN = 'officer-0001-token-4f9a2c7e';

export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
}

export interface TestServer {
  readonly url: string;
  readonly store: EventStore;
  /** Sets the instant the next commands are recorded at (the fixed clock). */
  setNow(instant: string): void;
  /** POSTs a command body (JSON unless `raw`) with the officer's token unless `Authorization` is given. */
  post(path: string, body: unknown, headers?: Record<string, string>, raw?: boolean): Promise<Answer>;
  get(path: string, headers?: Record<string, string>): Promise<Answer>;
  stop(): Promise<void>;
}

export interface TestServerOptions {
  /** The SQLite file; by default a new one in a temp dir (removed on stop). Two servers on one file are two nodes. */
  readonly file?: string;
  readonly officerTokens?: string;
  readonly newId?: () => string;
  readonly wrapStore?: (store: EventStore) => EventStore;
  readonly logger?: Logger;
}

const answer = async (res: Response): Promise<Answer> => {
  const text = await res.text();
  const body: unknown = text.length === 0 ? undefined : JSON.parse(text);
  return { status: res.status, headers: res.headers, body };
};

/** Starts the register app (createRegisterApp, as main.ts wires it) on 127.0.0.1, port 0. */
export const startTestServer = async (options: TestServerOptions = {}): Promise<TestServer> => {
  const dir = options.file === undefined ? mkdtempSync(join(tmpdir(), 'register-http-')) : undefined;
  const sqlite = openSqliteEventStore({ file: options.file ?? join(dir ?? '.', 'register.db') });
  const store = options.wrapStore?.(sqlite) ?? sqlite;
  let now = '2026-01-10T01:00:00Z';
  const runtime: Runtime = { clock: () => now, newId: options.newId ?? randomUUID };
  const { officers } = loadConfig({ REGISTER_OFFICER_TOKENS: options.officerTokens ?? `${OFFICER_ID}:${OFFICER_TOKEN}` });
  const logger = options.logger ?? pino({ level: 'silent' });
  const app = createRegisterApp({ store, storeKind: 'sqlite', officers, logger, runtime });
  const server: Server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const auth = { authorization: `Bearer ${OFFICER_TOKEN}` };
  return {
    url, store,
    setNow: (instant) => { now = instant; },
    post: async (path, body, headers = {}, raw = false) =>
      answer(await fetch(`${url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth, ...headers },
        body: raw && typeof body === 'string' ? body : JSON.stringify(body),
      })),
    get: async (path, headers = {}) => answer(await fetch(`${url}${path}`, { headers: { ...auth, ...headers } })),
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await sqlite.close();
      if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
    },
  };
};

/** The body of a command: the event's data without `residentId` (it comes from the path). */
export const bodyOf = (event: ResidentEvent): Record<string, unknown> => {
  const { residentId: _residentId, ...rest } = event.data;
  return rest;
};

/** Narrows a JSON answer for assertions (throws when it is not an object). */
export const json = (value: unknown): Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`not a JSON object: ${JSON.stringify(value)}`);
  return { ...value };
};
