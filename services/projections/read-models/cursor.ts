import type { Page } from './types.js';

/** A cursor or page size a client sent that cannot be used; the API answers it as bad input. */
export class InvalidPageRequestError extends RangeError {
  override readonly name = 'InvalidPageRequestError';
}

export type SortKey = readonly (string | number)[];

/**
 * Relay-style opaque cursors: base64url of the item's sort key, tagged with the query it belongs to
 * so that a cursor of one list is not accepted by another.
 */
export const encodeCursor = (tag: string, key: SortKey): string => Buffer.from(JSON.stringify([tag, ...key]), 'utf8').toString('base64url');

const isKeyPart = (value: unknown): value is string | number => typeof value === 'string' || typeof value === 'number';

export const decodeCursor = (tag: string, cursor: string, arity: number): SortKey => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (!Array.isArray(parsed) || parsed[0] !== tag || parsed.length !== arity + 1 || !parsed.slice(1).every(isKeyPart))
    throw new InvalidPageRequestError(`the cursor "${cursor}" does not belong to this list`);
  return parsed.slice(1) as SortKey;
};

export const checkFirst = (first: number): void => {
  if (!Number.isInteger(first) || first < 0) throw new InvalidPageRequestError(`first must be a whole number ≥ 0, got ${first}`);
};

/** A page from `first + 1` fetched rows: the extra row only says that there is a next page. */
export const pageOf = <R, T>(
  rows: readonly R[], first: number, totalCount: number, toItem: (row: R) => T, keyOf: (row: R) => SortKey, tag: string,
): Page<T> => {
  const items = rows.slice(0, first);
  const last = items.at(-1);
  return {
    items: items.map(toItem),
    endCursor: last === undefined ? null : encodeCursor(tag, keyOf(last)),
    hasNextPage: rows.length > first,
    totalCount,
  };
};
