import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/**
 * `register start` as it ships (compiled JavaScript, a separate process) for the tests that must
 * kill, signal or load it: crash safety, SIGTERM, backup under writes, the soak.
 */

export const CLI = join(process.cwd(), 'dist/services/register/cli.js');

export const PROCESS_TOKENS = {
  officer: 'officer-proc-token-5e8a1c3b',
  analyst: 'analyst-proc-token-9d2f4b6a',
  auditor: 'auditor-proc-token-3a7c9e1d',
  subscriber: 'subscriber-proc-token-6b4d8f2e',
  chiyoda: 'chiyoda-proc-key-1f3e5a7c',
  shinjuku: 'shinjuku-proc-key-8c6a4e2b',
} as const;

/** The environment that gives every role one credential (Chiyoda 131016 and Shinjuku 131041 relay). */
export const processEnv = (dataDir: string, extra: Record<string, string> = {}): Record<string, string> => ({
  REGISTER_DATA_DIR: dataDir,
  REGISTER_PORT: '0',
  REGISTER_BRIDGE_PORT: '0',
  REGISTER_LOG_LEVEL: 'info',
  REGISTER_OFFICER_TOKENS: `officer-proc:${PROCESS_TOKENS.officer}`,
  REGISTER_ANALYST_TOKENS: `analyst-proc:${PROCESS_TOKENS.analyst}`,
  REGISTER_AUDITOR_TOKENS: `auditor-proc:${PROCESS_TOKENS.auditor}`,
  REGISTER_SUBSCRIBER_TOKENS: `subscriber-proc:${PROCESS_TOKENS.subscriber}`,
  REGISTER_MUNICIPAL_KEYS: `131016:${PROCESS_TOKENS.chiyoda},131041:${PROCESS_TOKENS.shinjuku}`,
  REGISTER_BRIDGE_RATE_LIMIT: '1000000',
  ...extra,
});

export interface RegisterProcess {
  readonly child: ChildProcess;
  readonly url: string;
  readonly bridgeUrl: string;
  /** The last stdout/stderr lines (pino JSON on stdout), at most KEPT_LINES of them. */
  readonly lines: string[];
  /** Resolves with the exit code (null when killed by a signal) and the signal. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

interface Listening { msg?: string; url?: string }

/** A long run (the soak) logs every request at info: keep only the tail. */
const KEPT_LINES = 2_000;

/** Spawns `register start` (node given `nodeArgs` first, e.g. a preload) and resolves once both the register and the bridge are listening (their URLs are logged at info). */
export const spawnRegister = async (
  env: Record<string, string>, timeoutMs = 30_000, options: { readonly nodeArgs?: readonly string[] } = {},
): Promise<RegisterProcess> => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run 'npm run build' (npm test does it first)`);
  const { REGISTER_OFFICER_TOKENS: _o, REGISTER_ANALYST_TOKENS: _a, REGISTER_AUDITOR_TOKENS: _u, REGISTER_MUNICIPAL_KEYS: _m, ...inherited } = process.env;
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), CLI, 'start'], { env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const keep = (line: string): void => {
    lines.push(line);
    if (lines.length > KEPT_LINES) lines.shift();
  };
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })));
  createInterface({ input: child.stderr ?? process.stdin }).on('line', keep);
  const urls = await new Promise<{ url: string; bridgeUrl: string }>((resolve, reject) => {
    let url: string | undefined;
    let bridgeUrl: string | undefined;
    const timer = setTimeout(() => {
      child.kill('SIGKILL'); // not left running (and holding the data directory) after the caller gives up
      reject(new Error(`register did not start within ${timeoutMs} ms:\n${lines.join('\n')}`));
    }, timeoutMs);
    void exited.then(({ code }) => { clearTimeout(timer); reject(new Error(`register exited (${code}) before listening:\n${lines.join('\n')}`)); });
    createInterface({ input: child.stdout ?? process.stdin }).on('line', (line) => {
      keep(line);
      let entry: Listening = {};
      try { entry = JSON.parse(line) as Listening; } catch { return; }
      if (entry.msg === 'municipal bridge listening') bridgeUrl = entry.url;
      if (entry.msg === 'register listening') url = entry.url;
      if (url !== undefined && bridgeUrl !== undefined) {
        clearTimeout(timer);
        resolve({ url, bridgeUrl });
      }
    });
  });
  return { child, lines, exited, ...urls };
};

/** Sends SIGTERM and waits for the exit. */
export const stopRegister = async (running: RegisterProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> => {
  if (running.child.exitCode === null && running.child.signalCode === null) running.child.kill('SIGTERM');
  return running.exited;
};

/** The value of one Prometheus gauge/counter without labels, or undefined. */
export const metricValue = (text: string, name: string): number | undefined => {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
};
