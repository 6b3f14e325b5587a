import type { GraphqlAnswer } from './graphql-server.js';

/** Assertion helpers for GraphQL answers. */

/** The data of an answer that must have no errors (throws with the errors otherwise). */
export const dataOf = (answer: GraphqlAnswer): Record<string, unknown> => {
  if (answer.body.errors !== undefined || answer.body.data === null || answer.body.data === undefined)
    throw new Error(`unexpected errors (HTTP ${answer.status}): ${JSON.stringify(answer.body.errors)}`);
  return answer.body.data;
};

/** The `extensions.code` of each error. */
export const codesOf = (answer: GraphqlAnswer): (string | undefined)[] => (answer.body.errors ?? []).map((e) => e.extensions?.code);

/** A JSON value at a path of plain keys and indexes, for assertions. */
export const at = (value: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>((v, key) => (typeof v === 'object' && v !== null ? Object.getOwnPropertyDescriptor(v, key)?.value : undefined), value);

/** The node ids of a connection in the data. */
export const nodeIds = (connection: unknown, idField = 'id'): string[] => {
  const edges = at(connection, 'edges');
  return Array.isArray(edges) ? edges.map((edge: unknown) => String(at(edge, 'node', idField))) : [];
};
