import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SCRIPT = join(process.cwd(), 'tools/kafka-test-broker.sh');

const freePort = async (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });

export interface DedicatedBroker {
  readonly brokers: readonly string[];
  /** Stops the broker process, keeping its log on disk (an outage, not a new cluster). */
  stop(): Promise<void>;
  /** Starts it again on the same ports and data. */
  start(): Promise<void>;
  /** Stops it and deletes its run directory. */
  destroy(): Promise<void>;
}

/**
 * A broker of the test's own, through tools/kafka-test-broker.sh with its own run directory and
 * ports, so that stopping it cannot disturb the tests that share KAFKA_BROKERS.
 */
export const startDedicatedBroker = async (): Promise<DedicatedBroker> => {
  const runDir = mkdtempSync(join(tmpdir(), 'relay-broker-'));
  const port = await freePort();
  const env = {
    ...process.env,
    KAFKA_RUN_DIR: runDir,
    KAFKA_PORT: String(port),
    KAFKA_CONTROLLER_PORT: String(await freePort()),
    KAFKA_KEEP_DATA: '1',
  };
  const script = async (command: string) => {
    await run(SCRIPT, [command], { env, timeout: 120_000 });
  };
  await script('start');
  return {
    brokers: [`127.0.0.1:${port}`],
    stop: () => script('stop'),
    start: () => script('start'),
    destroy: async () => {
      await script('stop');
      rmSync(runDir, { recursive: true, force: true });
    },
  };
};
