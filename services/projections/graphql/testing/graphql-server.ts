import { mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import express from 'express';
import { pino } from 'pino';
import { loadConfig } from '../../../register/config.js';
import type { EventStore } from '../../../register/store/port.js';
import { openSqliteEventStore } from '../../../register/store/sqlite.js';
import { auditLogFile, openAuditLog, type AuditLog } from '../../audit/audit-log.js';
import type { ReadModels } from '../../read-models/types.js';
import type { QueryLimits } from '../limits.js';
import { createGraphqlRouter } from '../router.js';
import { memoryReadModels, type MemoryReadModels } from './memory-read-models.js';
import { NOW, seedPopulation, TODAY } from './population.js';

/** The GraphQL router on a real HTTP server (port 0), over a real SQLite event store and audit log. */

export const TOKENS = {
  officer: 'officer-0001-token-4f9a2c7e',
  analyst: 'analyst-0001-token-8b1d3e5f',
  auditor: 'auditor-0001-token-2c4e6a8b',
} as const;
export type Role = keyof typeof TOKENS;

export interface GraphqlAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: { readonly data?: Record<string, unknown> | null; readonly errors?: readonly { message: string; extensions?: { code?: string }; path?: unknown[] }[] };
}

export interface GraphqlTestServer {
  readonly url: string;
  readonly store: EventStore;
  readonly readModels: MemoryReadModels;
  readonly audit: AuditLog;
  readonly auditFile: string;
  /** Every line the application logged. */
  readonly logLines: string[];
  /** POSTs a GraphQL request as `role` (no Authorization header when `role` is null). */
  query(query: string, variables?: Record<string, unknown>, role?: Role | null, headers?: Record<string, string>): Promise<GraphqlAnswer>;
  stop(): Promise<void>;
}

export interface GraphqlTestOptions {
  readonly development?: boolean;
  readonly wrapReadModels?: (readModels: ReadModels) => ReadModels;
  readonly wrapAudit?: (audit: AuditLog) => AuditLog;
  readonly seed?: boolean;
  readonly limits?: Partial<QueryLimits>;
}

const capture = (lines: string[]): Writable =>
  new Writable({ write: (chunk: Buffer, _encoding, done) => { lines.push(chunk.toString('utf8')); done(); } });

const CONFIG = loadConfig({
  REGISTER_OFFICER_TOKENS: `officer-0001:${TOKENS.officer}`, REGISTER_ANALYST_TOKENS: `analyst-0001:${TOKENS.analyst}`,
  REGISTER_AUDITOR_TOKENS: `auditor-0001:${TOKENS.auditor}`,
});

const listen = async (app: express.Express): Promise<{ server: Server; url: string }> => {
  const server: Server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
};

const poster =
  (url: string): GraphqlTestServer['query'] =>
  async (query, variables = {}, role = 'analyst', headers = {}) => {
    const auth: Record<string, string> = role === null ? {} : { authorization: `Bearer ${TOKENS[role]}` };
    const res = await fetch(`${url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', ...auth, ...headers }, body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as GraphqlAnswer['body'] };
  };

export const startGraphqlServer = async (options: GraphqlTestOptions = {}): Promise<GraphqlTestServer> => {
  const dir = mkdtempSync(join(tmpdir(), 'register-graphql-'));
  const store = openSqliteEventStore({ file: join(dir, 'register.db') });
  if (options.seed ?? true) await seedPopulation(store);
  const readModels = await memoryReadModels(store, TODAY);
  const auditFile = auditLogFile(dir);
  const audit = openAuditLog({ file: auditFile });
  const logLines: string[] = [];
  const graphql = await createGraphqlRouter({
    readModels: options.wrapReadModels?.(readModels) ?? readModels, store, audit: options.wrapAudit?.(audit) ?? audit,
    auth: CONFIG, clock: () => NOW, logger: pino({ level: 'debug' }, capture(logLines)), development: options.development ?? true,
    ...(options.limits === undefined ? {} : { limits: options.limits }),
  });
  const app = express();
  app.use(graphql.router);
  app.use((_req, res) => { res.status(404).json({ code: 'NOT_FOUND' }); });
  const { server, url } = await listen(app);
  const stop = async (): Promise<void> => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await graphql.stop();
    audit.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { url, store, readModels, audit, auditFile, logLines, query: poster(url), stop };
};
