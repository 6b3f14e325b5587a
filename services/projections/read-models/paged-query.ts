import type { Database, Statement } from 'better-sqlite3';
import { checkFirst, decodeCursor, pageOf, type SortKey } from './cursor.js';
import type { Page } from './types.js';

export type SqlValue = string | number;

/** A WHERE clause built from optional filters: each condition with its parameters. */
export class Conditions {
  private readonly parts: string[] = [];
  readonly params: SqlValue[] = [];

  add(sql: string, ...params: readonly SqlValue[]): this {
    this.parts.push(sql);
    this.params.push(...params);
    return this;
  }

  when<T>(value: T | undefined, sql: string, toParams: (value: T) => readonly SqlValue[]): this {
    return value === undefined ? this : this.add(sql, ...toParams(value));
  }

  get sql(): string {
    return this.parts.length === 0 ? '1 = 1' : this.parts.join(' AND ');
  }
}

export interface PagedQuery<R, T> {
  readonly tag: string;
  readonly table: string;
  /** The sort key columns, in order; the last ones make it unique. */
  readonly keyColumns: readonly string[];
  readonly keyOf: (row: R) => SortKey;
  readonly toItem: (row: R) => T;
}

/** Keyset paging over one table: `(key) > (cursor key)`, ordered by the key, so every page uses an index. */
export const pagedQueries = (db: Database) => {
  const statements = new Map<string, Statement>();
  const prepared = (sql: string): Statement => {
    const cached = statements.get(sql);
    if (cached !== undefined) return cached;
    const statement = db.prepare(sql);
    statements.set(sql, statement);
    return statement;
  };
  return <R, T>(query: PagedQuery<R, T>, where: Conditions, first: number, after: string | null): Page<T> => {
    checkFirst(first);
    const keys = query.keyColumns.join(', ');
    const total = prepared(`SELECT COUNT(*) AS n FROM ${query.table} WHERE ${where.sql}`).get(...where.params) as { n: number };
    const afterKey = after === null ? null : decodeCursor(query.tag, after, query.keyColumns.length);
    const keyset = afterKey === null ? '' : ` AND (${keys}) > (${afterKey.map(() => '?').join(', ')})`;
    const sql = `SELECT * FROM ${query.table} WHERE ${where.sql}${keyset} ORDER BY ${keys} LIMIT ?`;
    const rows = prepared(sql).all(...where.params, ...(afterKey ?? []), first + 1) as R[];
    return pageOf(rows, first, total.n, query.toItem, query.keyOf, query.tag);
  };
};
