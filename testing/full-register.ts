import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig } from '../services/register/config.js';
import { registerLogger } from '../services/register/logger.js';
import { startRegister } from '../services/register/main.js';
import { PROCESS_TOKENS, processEnv } from './register-process.js';
import { enrolment, sendPlanned } from './workload.js';

/**
 * The whole register (`startRegister`, as `register start` wires it) in this process, on a temp
 * data directory, with one credential per role and every log line captured for inspection.
 */

export const ROLE_TOKENS = PROCESS_TOKENS;

export interface FullRegister {
  readonly url: string;
  readonly bridgeUrl: string;
  readonly dataDir: string;
  /** Every line the register logged (pino JSON, level debug and up). */
  readonly logLines: string[];
  stop(): Promise<void>;
}

export const startFullRegister = async (extraEnv: Record<string, string> = {}): Promise<FullRegister> => {
  const dir = mkdtempSync(join(tmpdir(), 'register-full-'));
  const dataDir = join(dir, 'data');
  const logLines: string[] = [];
  const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => { logLines.push(chunk.toString('utf8')); done(); } });
  const config = loadConfig(processEnv(dataDir, { REGISTER_HOST: '127.0.0.1', REGISTER_LOG_LEVEL: 'debug', ...extraEnv }));
  const logger = registerLogger('debug', sink);
  const running = await startRegister(config, logger);
  return {
    url: running.url, bridgeUrl: running.bridgeUrl, dataDir, logLines,
    stop: async () => {
      await running.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

/** A full register with resident 1 enrolled (landing and card), once its projection has caught up. */
export const startEnrolledRegister = async (): Promise<FullRegister> => {
  const register = await startFullRegister();
  for (const request of enrolment(1)) {
    const { status } = await sendPlanned(request, register, { officer: ROLE_TOKENS.officer, office: ROLE_TOKENS.chiyoda });
    if (status !== 201) throw new Error(`enrolment answered ${status}`);
  }
  const deadline = Date.now() + 20_000;
  while (!/^register_projection_lag_positions 0$/m.test(await (await fetch(`${register.url}/metrics`)).text()) && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 20));
  return register;
};
