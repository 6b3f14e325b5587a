import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntrospectionQuery } from 'graphql';
import { codesOf, dataOf } from './testing/answers.js';
import { startGraphqlServer, type GraphqlTestServer } from './testing/graphql-server.js';
import { graphql } from './graphql-js.js';
import { schemaFilePath } from './schema-file.js';

const { buildClientSchema, buildSchema, getIntrospectionQuery, lexicographicSortSchema, printSchema } = graphql;
const require = createRequire(import.meta.url);
const fromPackage = (name: string, ...path: string[]): Buffer => readFileSync(join(dirname(require.resolve(`${name}/package.json`)), ...path));
const ASSETS: Readonly<Record<string, readonly [string, Buffer]>> = {
  'graphiql.min.js': ['text/javascript', fromPackage('graphiql', 'graphiql.min.js')],
  'graphiql.min.css': ['text/css', fromPackage('graphiql', 'graphiql.min.css')],
  'react.production.min.js': ['text/javascript', fromPackage('react', 'umd', 'react.production.min.js')],
  'react-dom.production.min.js': ['text/javascript', fromPackage('react-dom', 'umd', 'react-dom.production.min.js')],
};

const browser = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

describe('development on: GraphiQL served offline, introspection open to callers', () => {
  let server: GraphqlTestServer;
  beforeAll(async () => {
    server = await startGraphqlServer({ development: true, seed: false });
  });
  afterAll(async () => server.stop());

  it('serves the page at GET /graphql to a browser, loading only scripts from this origin', async () => {
    const res = await fetch(`${server.url}/graphql`, { headers: browser });
    const html = await res.text();
    expect([res.status, res.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    for (const asset of [...Object.keys(ASSETS), 'graphiql-init.js']) expect(html).toContain(`/graphql/assets/${asset}`);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('serves graphiql 3 and React 18 from node_modules, byte for byte', async () => {
    for (const [name, [type, bytes]] of Object.entries(ASSETS)) {
      const res = await fetch(`${server.url}/graphql/assets/${name}`);
      expect([res.status, res.headers.get('content-type')?.split(';')[0]]).toEqual([200, type]);
      expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
    }
    const init = await fetch(`${server.url}/graphql/assets/graphiql-init.js`);
    expect(await init.text()).toContain('GraphiQL.createFetcher');
    expect((await fetch(`${server.url}/graphql/assets/package.json`)).status).toBe(404);
  });

  it('serves the schema of schema/register.graphql, type for type and description for description', async () => {
    const answer = await server.query(getIntrospectionQuery({ descriptions: true, schemaDescription: true }), {}, 'analyst');
    const served = buildClientSchema(dataOf(answer) as unknown as IntrospectionQuery);
    const file = buildSchema(readFileSync(schemaFilePath(), 'utf8'));
    expect(printSchema(lexicographicSortSchema(served))).toBe(printSchema(lexicographicSortSchema(file)));
  });

  it('still asks introspection callers for a token', async () => {
    expect((await server.query('{ __schema { queryType { name } } }', {}, null)).status).toBe(401);
  });
});

describe('development off: no GraphiQL, no introspection', () => {
  let server: GraphqlTestServer;
  beforeAll(async () => {
    server = await startGraphqlServer({ development: false, seed: false });
  });
  afterAll(async () => server.stop());

  it('answers 404 for the page and every asset', async () => {
    expect((await fetch(`${server.url}/graphql`, { headers: browser })).status).toBe(404);
    for (const name of [...Object.keys(ASSETS), 'graphiql-init.js']) expect((await fetch(`${server.url}/graphql/assets/${name}`)).status).toBe(404);
  });

  it('refuses introspection but answers queries', async () => {
    expect(codesOf(await server.query('{ __schema { queryType { name } } }'))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(dataOf(await server.query('{ cardValidity(number: "AB00000101CD") { validity } }'))).toEqual({ cardValidity: { validity: 'UNKNOWN' } });
  });
});
