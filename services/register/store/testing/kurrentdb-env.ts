import { GenericContainer, getContainerRuntimeClient, Wait, type StartedTestContainer } from 'testcontainers';

/**
 * Where the KurrentDB integration tests find a server: `KURRENTDB_URL` when set, else a container
 * started through testcontainers when a Docker runtime answers, else nowhere: the tests skip with
 * a line saying what they need. `REQUIRE_KURRENTDB=1` (CI with a server) turns "nowhere" into a failure.
 *
 * `@testcontainers/kurrentdb` exists only as v12, which needs Node ≥ 22; the project runs on Node 20
 * with testcontainers 11, so the container is a GenericContainer of the same image, insecure (dev).
 */
export const KURRENTDB_IMAGE = 'docker.kurrent.io/kurrent-latest/kurrentdb:25.1';

export type KurrentTarget =
  | { readonly kind: 'url'; readonly url: string }
  | { readonly kind: 'docker' }
  | { readonly kind: 'none'; readonly reason: string };

export const kurrentdbRequired = (): boolean => process.env.REQUIRE_KURRENTDB === '1';

export const findKurrentTarget = async (): Promise<KurrentTarget> => {
  const url = process.env.KURRENTDB_URL?.trim();
  if (url !== undefined && url !== '') return { kind: 'url', url };
  try {
    await getContainerRuntimeClient();
    return { kind: 'docker' };
  } catch (error) {
    return { kind: 'none', reason: (error as Error).message };
  }
};

/** Logs the visible skip line, or throws when REQUIRE_KURRENTDB=1 demands a server. */
export const kurrentTestsEnabled = (target: KurrentTarget, what: string): boolean => {
  if (target.kind !== 'none') return true;
  const need = `KURRENTDB_URL (e.g. kurrentdb://127.0.0.1:2113?tls=false) or a Docker runtime for testcontainers (${target.reason})`;
  if (kurrentdbRequired()) throw new Error(`REQUIRE_KURRENTDB=1 but neither is available: ${need}`);
  console.warn(`[kurrentdb] skipping ${what}: needs ${need}`);
  return false;
};

export interface KurrentServer {
  readonly url: string;
  stop(): Promise<void>;
}

/** The server named by the target: the given URL, or a fresh single-node container in memory. */
export const startKurrentServer = async (target: KurrentTarget): Promise<KurrentServer> => {
  if (target.kind === 'url') return { url: target.url, stop: async () => undefined };
  if (target.kind === 'none') throw new Error(`no KurrentDB: ${target.reason}`);
  const container: StartedTestContainer = await new GenericContainer(KURRENTDB_IMAGE)
    .withEnvironment({ KURRENTDB_INSECURE: 'true', KURRENTDB_MEM_DB: 'true', KURRENTDB_RUN_PROJECTIONS: 'None' })
    .withExposedPorts(2113)
    .withWaitStrategy(Wait.forHttp('/health/live', 2113).forStatusCode(204))
    .start();
  return {
    url: `kurrentdb://${container.getHost()}:${container.getMappedPort(2113)}?tls=false`,
    stop: async () => {
      await container.stop();
    },
  };
};
