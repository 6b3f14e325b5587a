import { describe, expect, it } from 'vitest';
import type { Page } from '../read-models/types.js';
import { ApiError } from './errors.js';
import { connectionOf, type Connection, type Fetch } from './paging.js';
import { pageOf } from './testing/memory-read-models.js';

const ROWS = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
const keyset: Fetch<string> = (first, after) => pageOf(ROWS, (row) => row, first, after);
/** A read model that never returns more than two rows a page, whatever it is asked. */
const capped: Fetch<string> = (first, after) => keyset(Math.min(first, 2), after);

const page = (fetch: Fetch<string>, first: number, after: string | null, select = (row: string): string | null => row) =>
  connectionOf({ connection: 'letters', fetch, first, after, select, totalCount: () => fetch(1, null).totalCount });

const walk = async (fetch: Fetch<string>, first: number, select?: (row: string) => string | null): Promise<Connection<string>[]> => {
  const pages: Connection<string>[] = [];
  let after: string | null = null;
  for (;;) {
    const next: Connection<string> = await page(fetch, first, after, select);
    pages.push(next);
    if (!next.pageInfo.hasNextPage) return pages;
    after = next.pageInfo.endCursor;
  }
};

const nodes = (pages: readonly Connection<string>[]): string[] => pages.flatMap((p) => p.edges.map((e) => e.node));

const failure = async (attempt: () => Promise<unknown>): Promise<ApiError> => {
  try {
    await attempt();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
};

describe('Relay connections over read-model pages', () => {
  it('walks every row once, in order, `first` at a time; the last page says there is no next', async () => {
    const pages = await walk(keyset, 3);
    expect(nodes(pages)).toEqual(ROWS);
    expect(pages.map((p) => p.edges.length)).toEqual([3, 3, 1]);
    expect(pages.map((p) => p.pageInfo.hasNextPage)).toEqual([true, true, false]);
    expect(await pages[0]?.totalCount()).toBe(7);
  });

  it('resumes after any edge cursor, not only the end cursor', async () => {
    const first = await page(keyset, 4, null);
    const second = first.edges[1]?.cursor ?? null;
    expect(nodes([await page(keyset, 2, second)])).toEqual(['c', 'd']);
  });

  it('fills a page past rows left out, and still knows whether another selected row follows', async () => {
    const vowelsOut = (row: string): string | null => (['a', 'e'].includes(row) ? null : row);
    const pages = await walk(keyset, 2, vowelsOut);
    expect(nodes(pages)).toEqual(['b', 'c', 'd', 'f', 'g']);
    expect(pages.at(-1)?.pageInfo.hasNextPage).toBe(false);
    const onlyA = await walk(keyset, 1, (row) => (row === 'a' ? row : null));
    expect(onlyA.map((p) => p.pageInfo.hasNextPage)).toEqual([false]);
  });

  it('copes with a read model that returns fewer rows than asked', async () => {
    expect(nodes(await walk(capped, 3))).toEqual(ROWS);
  });

  it('refuses a cursor of another connection, a cursor it did not make, and a page over 100 (BAD_USER_INPUT)', async () => {
    const other = await connectionOf({ connection: 'numbers', fetch: keyset, first: 1, after: null, select: (r) => r, totalCount: () => 0 });
    expect((await failure(() => page(keyset, 2, other.pageInfo.endCursor))).code).toBe('BAD_USER_INPUT');
    expect((await failure(() => page(keyset, 2, 'not-a-cursor'))).code).toBe('BAD_USER_INPUT');
    expect((await failure(() => page(keyset, 101, null))).message).toMatch(/first must be 0–100/);
  });

  it('answers first: 0 with no edges but whether rows exist', async () => {
    const empty: Fetch<string> = (): Page<string> => ({ items: [], endCursor: null, hasNextPage: false, totalCount: 0 });
    expect((await page(keyset, 0, null)).pageInfo).toEqual({ hasNextPage: true, endCursor: null });
    expect((await page(empty, 0, null)).pageInfo.hasNextPage).toBe(false);
  });
});
