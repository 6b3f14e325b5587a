import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { Instant, IsoDate } from '../../../../events/values.js';
import { waitUntil } from '../../../../testing/wait.js';
import { loadConfig } from '../../../register/config.js';
import { generatePopulation } from '../../../register/demo/population.js';
import { runDemo, type DemoResult } from '../../../register/demo/run-demo.js';
import { startRegister, type Runtime } from '../../../register/main.js';
import { openSqliteEventStore } from '../../../register/store/sqlite.js';

/**
 * The whole register as `register start` runs it (startRegister: command API, projector, GraphQL,
 * /metrics, clock), on a `register demo` population in a temp dir, with a fixed clock and fixed ids
 * so that every answer is the same on every run.
 */

export const DEMO_TOKENS = {
  analyst: 'demo-analyst-token-0001',
  auditor: 'demo-auditor-token-0001',
  officer: 'demo-officer-token-0001',
} as const;
export type DemoRole = keyof typeof DEMO_TOKENS;

export interface DemoRegisterOptions {
  readonly residents: number;
  readonly seed: string;
  /** Last legal date of the demo's history (its `--until`). */
  readonly until: IsoDate;
  /** The instant the register's clock stands still at: "today" for the read models and defaults. */
  readonly now: Instant;
}

/** One GraphQL request over HTTP and its answer. */
export interface GraphqlExchange {
  readonly status: number;
  readonly body: unknown;
}

export interface DemoRegister {
  readonly url: string;
  readonly demo: DemoResult;
  graphql(role: DemoRole, query: string, variables?: Record<string, unknown>): Promise<GraphqlExchange>;
  metrics(): Promise<string>;
  stop(): Promise<void>;
}

/** A runtime that never changes: the same instant, and ids counted from 1. */
const fixedRuntime = (now: Instant): Runtime => {
  let ids = 0;
  return { clock: () => now, newId: () => `00000000-0000-4000-8000-${String((ids += 1)).padStart(12, '0')}` };
};

/** Writes the demo population into `<dir>/register.db` through the command path, as `register demo` does. */
const writeDemo = async (dir: string, { residents, seed, until }: DemoRegisterOptions): Promise<DemoResult> => {
  const store = openSqliteEventStore({ file: join(dir, 'register.db') });
  try {
    return await runDemo(generatePopulation({ residents, seed, until }), { store });
  } finally {
    await store.close();
  }
};

const post = (url: string) => async (role: DemoRole, query: string, variables: Record<string, unknown> = {}): Promise<GraphqlExchange> => {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_TOKENS[role]}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: await res.json() };
};

/** Starts the register on a fresh demo population and resolves once the projector has caught up. */
export const startDemoRegister = async (options: DemoRegisterOptions): Promise<DemoRegister> => {
  const dir = mkdtempSync(join(tmpdir(), 'register-queries-doc-'));
  const demo = await writeDemo(dir, options);
  const config = loadConfig({
    REGISTER_DATA_DIR: dir, REGISTER_PORT: '0', REGISTER_BRIDGE_PORT: '0', REGISTER_LOG_LEVEL: 'info', REGISTER_GRAPHIQL: 'off',
    REGISTER_OFFICER_TOKENS: `officer-1:${DEMO_TOKENS.officer}`,
    REGISTER_ANALYST_TOKENS: `analyst-1:${DEMO_TOKENS.analyst}`,
    REGISTER_AUDITOR_TOKENS: `auditor-1:${DEMO_TOKENS.auditor}`,
  });
  const lines: string[] = [];
  const logger = pino({ level: config.logLevel }, { write: (line: string) => void lines.push(line) });
  const register = await startRegister(config, logger, fixedRuntime(options.now));
  try {
    // The projector logs this once every event that existed at start is applied and the rows are refreshed.
    await waitUntil(() => lines.some((line) => line.includes('"projector caught up"')), 20_000);
  } catch (error) {
    await register.stop();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: register.url,
    demo,
    graphql: post(register.url),
    metrics: async () => (await fetch(`${register.url}/metrics`)).text(),
    stop: async () => {
      await register.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
