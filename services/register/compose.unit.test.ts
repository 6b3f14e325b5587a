import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { loadConfig, RegisterEnv, SERVICES, type RegisterConfig } from './config.js';

/**
 * docker-compose.yml and the Dockerfile checked against the register's configuration schema, since
 * neither can be run on the development machines (no Docker): every service the file names exists,
 * the register's services are built from a stage the Dockerfile has, their environment holds only
 * variables of RegisterEnv and parses with loadConfig, and their ports are the configured ones.
 */

const root = process.cwd();
const composeText = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');

const Service = z.object({
  image: z.string().optional(),
  build: z.object({ context: z.string(), dockerfile: z.string(), target: z.string() }).optional(),
  environment: z.record(z.string(), z.string()).default({}),
  ports: z.array(z.string().regex(/^\d+:\d+$/, 'must be "host:container"')).default([]),
  depends_on: z.array(z.string()).default([]),
  volumes: z.array(z.string()).default([]),
  networks: z.union([z.array(z.string()), z.record(z.string(), z.unknown())]).optional(),
});
const Compose = z.object({
  services: z.record(z.string(), Service),
  volumes: z.record(z.string(), z.null()).default({}),
  networks: z.record(z.string(), z.unknown()).default({}),
});
const compose = Compose.parse(parse(composeText, { merge: true }));
const services = Object.entries(compose.services);
const registerServices = services.filter(([, s]) => s.build !== undefined);

/** What an operator would export before `docker compose up`: valid values for every `${VAR:?}`. */
const OPERATOR_ENV: Readonly<Record<string, string>> = {
  REGISTER_OFFICER_TOKENS: 'officer-1:compose-officer-token-0001',
  REGISTER_ANALYST_TOKENS: 'analyst-1:compose-analyst-token-0001',
  REGISTER_MUNICIPAL_KEYS: '131016:compose-chiyoda-key-0001',
};

/** Compose interpolation: `${VAR:?message}` must be supplied, `${VAR:-default}` and `${VAR}` may not be. */
const interpolate = (value: string, env: Readonly<Record<string, string>>): string =>
  value.replace(/\$\{([A-Z0-9_]+)(?::([?-])([^}]*))?\}/g, (_m, name: string, kind: string | undefined, rest: string | undefined) => {
    const supplied = env[name];
    if (supplied !== undefined && supplied !== '') return supplied;
    if (kind === '?') throw new Error(`${name} is required by the compose file (${rest ?? ''}) and the operator env lacks it`);
    return kind === '-' ? (rest ?? '') : '';
  });

const configOf = (environment: Readonly<Record<string, string>>): RegisterConfig =>
  loadConfig(Object.fromEntries(Object.entries(environment).map(([k, v]) => [k, interpolate(v, OPERATOR_ENV)])));

const stages = [...dockerfile.matchAll(/^FROM\s+\S+\s+AS\s+(\S+)/gim)].map((m) => m[1]);
const hostOf = (address: string): string => address.replace(/:\d+$/, '');

describe('Dockerfile', () => {
  it('builds in a node:20-bookworm-slim stage with the toolchain and ships a separate runtime stage', () => {
    expect(stages).toEqual(['build', 'runtime']);
    expect(dockerfile).toMatch(/^FROM node:20-bookworm-slim AS build$/m);
    expect(dockerfile).toMatch(/apt-get install .*python3 make g\+\+/);
    expect(dockerfile).toMatch(/npm ci .*&& npm prune --omit=dev/);
    for (const m of dockerfile.matchAll(/COPY --from=(\S+)/g)) expect(stages).toContain(m[1]);
    for (const m of dockerfile.matchAll(/^COPY (?!--from)(\S+)/gm)) if (m[1] !== undefined && !m[1].startsWith('package')) expect(existsSync(join(root, m[1]))).toBe(true);
  });

  it('runs as a non-root user with a health check on /healthz', () => {
    const runtime = dockerfile.slice(dockerfile.search(/AS runtime/));
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/^HEALTHCHECK .*\n?.*\/healthz/m);
    expect(runtime).toMatch(/^CMD \["node", "dist\/services\/register\/cli\.js", "start"\]$/m);
  });
});

describe('docker-compose.yml', () => {
  it('has the production shape: 3 KurrentDB nodes, Kafka, commands, bridge, relay and two query nodes', () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      ['kafka', 'kurrentdb-1', 'kurrentdb-2', 'kurrentdb-3', 'query-1', 'query-2', 'register-bridge', 'register-commands', 'register-relay'],
    );
    expect(compose.services['kafka']?.image).toMatch(/^apache\/kafka:3\.9\.\d+$/);
    expect(compose.services['kafka']?.environment['KAFKA_PROCESS_ROLES']).toBe('broker,controller');
    for (const n of [1, 2, 3]) expect(compose.services[`kurrentdb-${n}`]?.environment['KURRENTDB_CLUSTER_SIZE']).toBe('3');
    const runs = registerServices.map(([, s]) => [...configOf(s.environment).services]);
    expect(new Set(runs.flat())).toEqual(new Set(SERVICES));
    expect(runs.filter((r) => r.length === 1 && r[0] === 'query')).toHaveLength(2);
  });

  it('names only services, volumes and networks that exist', () => {
    for (const [name, service] of services) {
      for (const dependency of service.depends_on) expect(compose.services, `${name} depends on ${dependency}`).toHaveProperty([dependency]);
      for (const volume of service.volumes) expect(compose.volumes, `${name} mounts ${volume}`).toHaveProperty([volume.split(':')[0] ?? '']);
      const networks = Array.isArray(service.networks) ? service.networks : Object.keys(service.networks ?? {});
      for (const network of networks) expect(compose.networks, `${name} joins ${network}`).toHaveProperty([network]);
    }
    const seeds = ['kurrentdb-1', 'kurrentdb-2', 'kurrentdb-3'].flatMap((n) => (compose.services[n]?.environment['KURRENTDB_GOSSIP_SEED'] ?? '').split(','));
    expect(seeds.length).toBe(6);
  });

  it('builds every register service from the Dockerfile runtime stage', () => {
    expect(registerServices.length).toBe(5);
    for (const [, service] of registerServices) {
      expect(service.build).toEqual({ context: '.', dockerfile: 'Dockerfile', target: 'runtime' });
      expect(stages).toContain(service.build?.target);
    }
  });

  it('gives each register service only RegisterEnv variables, and an environment loadConfig accepts', () => {
    const known = new Set(Object.keys(RegisterEnv.shape));
    for (const [name, service] of registerServices) {
      const unknown = Object.keys(service.environment).filter((v) => !known.has(v));
      expect(unknown, `${name}: variables not in RegisterEnv`).toEqual([]);
      const config = configOf(service.environment);
      expect(config, name).toMatchObject({ store: 'kurrentdb', bus: 'kafka', dataDir: '/var/lib/register', host: '0.0.0.0' });
      for (const host of (config.kurrentdbUrl ?? '').replace(/^[a-z+]+:\/\//, '').replace(/\?.*$/, '').split(','))
        expect(compose.services, `${name}: KURRENTDB_URL host ${host}`).toHaveProperty([hostOf(host)]);
      for (const broker of config.kafka?.brokers ?? []) expect(compose.services, `${name}: broker ${broker}`).toHaveProperty([hostOf(broker)]);
    }
  });

  it('refuses to start without the secrets it demands (${VAR:?}), naming the variable', () => {
    const commands = compose.services['register-commands'];
    expect(() => interpolate(commands?.environment['REGISTER_OFFICER_TOKENS'] ?? '', {})).toThrow(/REGISTER_OFFICER_TOKENS is required/);
  });

  it('publishes REGISTER_PORT for commands and query nodes and REGISTER_BRIDGE_PORT for the bridge, on distinct host ports', () => {
    const hostPorts: string[] = [];
    for (const [name, service] of registerServices) {
      const config = configOf(service.environment);
      const published = service.ports.map((p) => Number(p.split(':')[1]));
      hostPorts.push(...service.ports.map((p) => p.split(':')[0] ?? ''));
      const expected = [
        ...(config.services.has('commands') || config.services.has('query') ? [config.port] : []),
        ...(config.services.has('bridge') ? [config.bridgePort] : []),
      ];
      expect(published.sort(), name).toEqual(expected.sort());
      expect(service.volumes.some((v) => v.endsWith(`:${config.dataDir}`)), `${name}: a volume for its data dir`).toBe(true);
    }
    const dataVolumes = registerServices.map(([, s]) => s.volumes[0]?.split(':')[0]);
    expect(new Set(dataVolumes).size).toBe(registerServices.length);
    expect(new Set(hostPorts).size).toBe(hostPorts.length);
  });
});
