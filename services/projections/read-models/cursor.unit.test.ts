import { describe, expect, it } from 'vitest';
import { checkFirst, decodeCursor, encodeCursor, InvalidPageRequestError, pageOf } from './cursor.js';

describe('opaque Relay-style cursors', () => {
  it('round-trip the sort key and are opaque base64url text', () => {
    const cursor = encodeCursor('deadlines', ['2026-02-09', 'resident-1', 3]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor('deadlines', cursor, 3)).toEqual(['2026-02-09', 'resident-1', 3]);
  });

  it.each([
    ['garbage', 'not base64 json'],
    ['another list', encodeCursor('residents', ['2026-02-09', 'resident-1', 3])],
    ['another key length', encodeCursor('deadlines', ['2026-02-09'])],
    ['a non-scalar key', Buffer.from(JSON.stringify(['deadlines', {}, 'x', 1])).toString('base64url')],
  ])('reject a cursor of %s', (_what, cursor) => {
    expect(() => decodeCursor('deadlines', cursor, 3)).toThrow(InvalidPageRequestError);
  });

  it('reject a page size that is negative or not whole', () => {
    expect(() => checkFirst(-1)).toThrow(InvalidPageRequestError);
    expect(() => checkFirst(1.5)).toThrow(InvalidPageRequestError);
    expect(() => checkFirst(0)).not.toThrow();
  });

  it('a page of first+1 rows has a next page and ends at the cursor of its last item', () => {
    const page = pageOf([1, 2, 3], 2, 7, (n) => n * 10, (n) => [n], 't');
    expect(page).toEqual({ items: [10, 20], endCursor: encodeCursor('t', [2]), hasNextPage: true, totalCount: 7 });
    expect(pageOf([1], 2, 1, (n) => n, (n) => [n], 't').hasNextPage).toBe(false);
  });
});
