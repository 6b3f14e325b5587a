import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitUntil } from '../../testing/wait.js';
import { ADDRESS_LAPSES, COUNTS_BY_MUNICIPALITY, COUNTS_BY_STATUS, RESIDENT, RESIDENTS_OF_MUNICIPALITY } from '../projections/graphql/testing/queries-doc-queries.js';
import { loadConfig } from './config.js';
import { generatePopulation } from './demo/population.js';
import { runDemo } from './demo/run-demo.js';
import { createHttpApp } from './http/app.js';
import type { Runtime } from './main.js';
import { startReadSide, type ReadSide } from './read-side.js';
import type { EventStore } from './store/port.js';
import { openSqliteEventStore } from './store/sqlite.js';

/**
 * Scale-out of the read side (issue 7.6): two query nodes follow one log, each with its own read
 * models (projections.db and audit.db in its own data directory), and answer the same queries
 * identically. The log is one SQLite file opened through a separate connection per node, as separate
 * processes on one machine would (WAL); in the compose file the nodes share KurrentDB instead.
 */

const ANALYST = 'scale-analyst-token-0001';
const NOW = '2026-07-01T03:00:00.000Z';
const runtime: Runtime = { clock: () => NOW, newId: () => '00000000-0000-4000-8000-000000000001' };
const silent = pino({ level: 'silent' });

interface QueryNode {
  readonly store: EventStore;
  readonly readSide: ReadSide;
  readonly server: Server;
  readonly url: string;
}

const dir = mkdtempSync(join(tmpdir(), 'register-scale-out-'));
const logFile = join(dir, 'log', 'register.db');
let writer: EventStore;
const nodes: QueryNode[] = [];

const startQueryNode = async (name: string): Promise<QueryNode> => {
  const config = loadConfig({ REGISTER_DATA_DIR: join(dir, name), REGISTER_SERVICES: 'query', REGISTER_ANALYST_TOKENS: `analyst-1:${ANALYST}`, REGISTER_GRAPHIQL: 'off' });
  mkdirSync(config.dataDir, { recursive: true });
  const store = openSqliteEventStore({ file: logFile, pollIntervalMs: 20 });
  const readSide = await startReadSide(config, store, silent, runtime);
  const server = createHttpApp({ store, storeKind: 'sqlite', logger: silent, routers: readSide.routers }).listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { store, readSide, server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
};

const query = async (node: QueryNode, document: string, variables: Record<string, unknown> = {}): Promise<unknown> => {
  const res = await fetch(`${node.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ANALYST}` },
    body: JSON.stringify({ query: document, variables }),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { data?: unknown; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data;
};

const bothCaughtUp = async (): Promise<void> => {
  const head = await writer.headPosition();
  await waitUntil(() => nodes.every((n) => n.readSide.projector.checkpoint() >= head), 30_000);
};

/** Every query of the set on both nodes; the answers as JSON, which must be equal. */
const answers = async (): Promise<[string, string]> => {
  const [first, second] = nodes;
  if (first === undefined || second === undefined) throw new Error('two nodes expected');
  const byMunicipality = (await query(first, COUNTS_BY_MUNICIPALITY)) as { statistics: { key: string; count: number }[] };
  const municipality = byMunicipality.statistics[0]?.key ?? '';
  const list = (await query(first, RESIDENTS_OF_MUNICIPALITY, { municipality })) as { residents: { edges: { node: { id: string } }[] } };
  const ids = list.residents.edges.map((e) => e.node.id);
  expect(ids.length).toBeGreaterThan(0);
  const ask = async (node: QueryNode): Promise<string> =>
    JSON.stringify([
      await query(node, COUNTS_BY_STATUS),
      await query(node, COUNTS_BY_MUNICIPALITY),
      await query(node, ADDRESS_LAPSES),
      await query(node, RESIDENTS_OF_MUNICIPALITY, { municipality }),
      ...(await Promise.all(ids.map((id) => query(node, RESIDENT, { id })))),
    ]);
  return [await ask(first), await ask(second)];
};

beforeAll(async () => {
  mkdirSync(join(dir, 'log'), { recursive: true });
  writer = openSqliteEventStore({ file: logFile });
  await runDemo(generatePopulation({ residents: 25, seed: 'scale-out-1', until: '2026-06-30' }), { store: writer });
  nodes.push(await startQueryNode('query-1'), await startQueryNode('query-2'));
}, 120_000);

afterAll(async () => {
  for (const node of nodes) {
    await new Promise<void>((resolve) => node.server.close(() => resolve()));
    await node.readSide.stop();
    await node.store.close();
  }
  await writer.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('two query nodes on one log (scale-out)', () => {
  it('keep separate read models that answer the same queries identically after catching up', async () => {
    await bothCaughtUp();
    const [a, b] = await answers();
    expect(a).toBe(b);
    expect(a).toContain('"count"');
    expect(['query-1', 'query-2'].every((n) => existsSync(join(dir, n, 'projections.db')))).toBe(true);
    expect(existsSync(join(dir, 'log', 'projections.db'))).toBe(false);
  }, 60_000);

  it('follow new appends live and still answer identically', async () => {
    const before = await answers();
    await runDemo(generatePopulation({ residents: 10, seed: 'scale-out-2', until: '2026-06-30' }), { store: writer });
    await bothCaughtUp();
    const [a, b] = await answers();
    expect(a).toBe(b);
    expect(a).not.toBe(before[0]);
  }, 60_000);
});
