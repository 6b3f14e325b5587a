import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidPageRequestError } from '../read-models/cursor.js';
import type { ReadModels } from '../read-models/types.js';
import { codesOf, dataOf } from './testing/answers.js';
import { FULL_RESIDENT } from './testing/full-resident.js';
import { startGraphqlServer, type GraphqlTestServer } from './testing/graphql-server.js';
import { CARDS, ENGINEER } from './testing/population.js';

/** A read model that fails the way a broken disk would, with text that must not reach the caller. */
const SECRET = 'SQLITE_CORRUPT near NGUYEN VAN AN';
const failing = (readModels: ReadModels): ReadModels => ({
  ...readModels,
  counts: () => { throw new Error(SECRET); },
  deadlines: () => { throw new InvalidPageRequestError('the cursor "x" does not belong to this list'); },
});

let server: GraphqlTestServer;
beforeAll(async () => {
  server = await startGraphqlServer({ wrapReadModels: failing });
});
afterAll(async () => server.stop());

describe('formatError: stable extensions.code values, unexpected errors masked', () => {
  it('a bad Date, in the query or in a variable, is BAD_USER_INPUT (HTTP 400)', async () => {
    const literal = await server.query(`{ resident(id: "${ENGINEER}", asOf: "2026-02-30") { id } }`);
    expect([literal.status, ...codesOf(literal)]).toEqual([400, 'BAD_USER_INPUT']);
    expect(literal.body.errors?.[0]?.message).toMatch(/Date "2026-02-30": must be an existing calendar date/);
    const variable = await server.query('query Q($d: Date) { resident(id: "x", asOf: $d) { id } }', { d: '01/02/2026' });
    expect([variable.status, ...codesOf(variable)]).toEqual([400, 'BAD_USER_INPUT']);
    const instant = await server.query(`query Q($k: DateTime) { resident(id: "${ENGINEER}", knownAt: $k) { id } }`, { k: '2026-01-01T00:00:00' });
    expect(codesOf(instant)).toEqual(['BAD_USER_INPUT']);
  });

  it('a malformed id, card number or page size is BAD_USER_INPUT, naming the argument', async () => {
    const id = await server.query('{ resident(id: "not-a-uuid") { id } }');
    expect(codesOf(id)).toEqual(['BAD_USER_INPUT']);
    expect(id.body.errors?.[0]?.message).toMatch(/^id must be a resident id/);
    expect(codesOf(await server.query('{ residentByCard(number: "ab00000101cd") { id } }'))).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await server.query('{ residents(first: 101) { totalCount } }'))).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await server.query('{ residents(after: "Zm9v") { totalCount } }'))).toEqual(['BAD_USER_INPUT']);
  });

  it('a cursor or page size the read models refuse is BAD_USER_INPUT', async () => {
    const answer = await server.query('{ deadlines(dueBetween: { from: "2026-01-01", to: "2026-12-31" }) { totalCount } }');
    expect(codesOf(answer)).toEqual(['BAD_USER_INPUT']);
    expect(answer.body.errors?.[0]?.message).toBe('after: the cursor "x" does not belong to this list');
  });

  it('an unknown resident is null for `resident` and NOT_FOUND for `history`', async () => {
    const unknown = '99999999-9999-4999-8999-999999999999';
    expect(dataOf(await server.query(`{ resident(id: "${unknown}") { id } }`))).toEqual({ resident: null });
    expect(codesOf(await server.query(`{ history(residentId: "${unknown}") { type } }`))).toEqual(['NOT_FOUND']);
  });

  it('syntax and schema mistakes keep Apollo\'s codes', async () => {
    expect(codesOf(await server.query('{ resident(id: '))).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(codesOf(await server.query('{ resident(id: "x") { passportNumber } }'))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('an unexpected error is "Internal error" (INTERNAL_SERVER_ERROR), logged but never sent', async () => {
    const answer = await server.query('{ statistics(groupBy: NATIONALITY) { key count } }');
    expect(answer.body.errors).toEqual([{ message: 'Internal error', locations: [{ line: 1, column: 3 }], path: ['statistics'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    expect(JSON.stringify(answer.body)).not.toContain('SQLITE');
    expect(server.logLines.some((line) => line.includes('SQLITE_CORRUPT') && line.includes('masked as Internal error'))).toBe(true);
  });
});

describe('limits: depth and complexity (no bulk export, Art. 19-36(3))', () => {
  it('accepts a full resident, and a default page of 20 full residents', async () => {
    expect(codesOf(await server.query(`{ resident(id: "${ENGINEER}") { ...FullResident } } ${FULL_RESIDENT}`))).toEqual([]);
    expect(codesOf(await server.query(`{ residents { edges { node { ...FullResident } } } } ${FULL_RESIDENT}`))).toEqual([]);
  });

  it('rejects a page of 100 full residents as QUERY_TOO_COMPLEX (HTTP 400) before running it', async () => {
    const answer = await server.query(`{ residents(first: 100) { edges { node { ...FullResident } } } } ${FULL_RESIDENT}`);
    expect([answer.status, ...codesOf(answer)]).toEqual([400, 'QUERY_TOO_COMPLEX']);
    expect(answer.body.data).toBeUndefined();
  });

  it('counts a page size given in a variable with its value', async () => {
    const query = `query P($n: Int) { residents(first: $n) { edges { node { ...FullResident } } } } ${FULL_RESIDENT}`;
    expect(codesOf(await server.query(query, { n: 5 }))).toEqual([]);
    expect(codesOf(await server.query(query, { n: 60 }))).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('rejects an operation deeper than the limit as QUERY_TOO_DEEP (HTTP 400), through fragments too', async () => {
    const shallow = await startGraphqlServer({ limits: { maxDepth: 5 } });
    try {
      const deep = await shallow.query('{ addressLapses { edges { node { resident { ...G } } } } } fragment G on Resident { cancellationGrounds { day90 { nominal } } }');
      expect([deep.status, ...codesOf(deep)]).toEqual([400, 'QUERY_TOO_DEEP']);
      expect(deep.body.errors?.[0]?.message).toMatch(/7 fields deep; at most 5/);
      expect(codesOf(await shallow.query(`{ residentByCard(number: "${CARDS.engineer}") { cancellationGrounds { day90 { nominal } } } }`))).toEqual([]);
    } finally {
      await shallow.stop();
    }
  });
});
