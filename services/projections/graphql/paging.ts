import { z } from 'zod';
import type { Page } from '../read-models/types.js';
import { badUserInput } from './errors.js';

/**
 * Relay connections over the read models' pages. A read model gives only the cursor of a page's
 * last item, so an edge's cursor is that page cursor plus how many items after it were consumed:
 * `{a, k}`. Pages are fetched `first` items at a time, so an edge at the end of a fetched page gets
 * the page's own cursor and `k` stays below the page size. A cursor names its connection: one
 * connection's cursor is refused by another. Cursors of a live read model are keyset cursors: rows
 * added or removed between two requests may shift a page by that many rows.
 */

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

const CursorShape = z.object({ q: z.string(), a: z.string().nullable(), k: z.number().int().min(0).max(10 * MAX_PAGE_SIZE) });
interface Position {
  readonly a: string | null;
  readonly k: number;
}

const encode = (connection: string, position: Position): string =>
  Buffer.from(JSON.stringify({ q: connection, ...position }), 'utf8').toString('base64url');

const decode = (connection: string, after: string | null | undefined): Position => {
  if (after === null || after === undefined) return { a: null, k: 0 };
  let parsed: z.infer<typeof CursorShape> | undefined;
  try {
    parsed = CursorShape.parse(JSON.parse(Buffer.from(after, 'base64url').toString('utf8')));
  } catch {
    parsed = undefined;
  }
  if (parsed === undefined || parsed.q !== connection) throw badUserInput(`after: not a cursor of ${connection}`);
  return { a: parsed.a, k: parsed.k };
};

/** `first` checked against the page-size limit (no bulk export, Art. 19-36(3)). */
export const pageSize = (first: number | null | undefined): number => {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (size < 0 || size > MAX_PAGE_SIZE) throw badUserInput(`first must be 0–${MAX_PAGE_SIZE}`);
  return size;
};

export type Fetch<R> = (first: number, after: string | null) => Page<R>;

interface Walked<R> {
  readonly row: R;
  readonly position: Position;
  /** Whether the read model holds more rows after this one. */
  readonly more: boolean;
}

/** Every row after `start`, fetched `chunk` at a time, each with its own position. */
async function* rowsAfter<R>(fetch: Fetch<R>, start: Position, chunk: number): AsyncGenerator<Walked<R>> {
  let { a, k } = start;
  for (;;) {
    const page = fetch(k + Math.max(chunk, 1), a);
    const last = page.items.length - 1;
    for (const [i, row] of page.items.entries()) {
      if (i < k) continue;
      const position = i === last && page.endCursor !== null ? { a: page.endCursor, k: 0 } : { a, k: i + 1 };
      yield { row, position, more: i < last || page.hasNextPage };
    }
    if (!page.hasNextPage || page.endCursor === null) return;
    k = Math.max(0, k - page.items.length);
    a = page.endCursor;
  }
}

export interface Connection<N> {
  readonly edges: readonly { readonly cursor: string; readonly node: N }[];
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  /** Computed only when asked for (GraphQL's default resolver calls a function). */
  readonly totalCount: () => number | Promise<number>;
}

export interface ConnectionRequest<R, N> {
  readonly connection: string;
  readonly fetch: Fetch<R>;
  readonly first: number | null | undefined;
  readonly after: string | null | undefined;
  /** The node of a row, or null to leave the row out (then more rows are read to fill the page). */
  readonly select: (row: R) => N | null | Promise<N | null>;
  readonly totalCount: () => number | Promise<number>;
}

/** One page of a Relay connection: `first` selected rows after the cursor, and whether more follow. */
export const connectionOf = async <R, N>(request: ConnectionRequest<R, N>): Promise<Connection<N>> => {
  const first = pageSize(request.first);
  const edges: { cursor: string; node: N }[] = [];
  let hasNextPage = false;
  for await (const { row, position, more } of rowsAfter(request.fetch, decode(request.connection, request.after), first)) {
    const node = await request.select(row);
    if (node === null) continue;
    if (edges.length === first) {
      hasNextPage = true;
      break;
    }
    edges.push({ cursor: encode(request.connection, position), node });
    if (edges.length === first && !more) break;
  }
  return { edges, pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: request.totalCount };
};
