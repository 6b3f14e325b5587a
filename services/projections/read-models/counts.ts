import type { Database } from 'better-sqlite3';
import type { CountDimension, StatusRow } from './types.js';

export const COUNT_DIMENSIONS: readonly CountDimension[] = ['municipality', 'statusOfResidence', 'nationality'];

/** The key under which an MLTR without a known municipality (not yet notified, Art. 19-7) or status is counted. */
export const UNKNOWN_KEY = 'unknown';

type CountKeys = Readonly<Record<CountDimension, string>>;

/** What a status row contributes to the counts. */
export type CountedFields = Pick<StatusRow, 'midToLongTermResident' | 'municipalityCode' | 'statusOfResidence' | 'nationality'>;

/** (e) The keys an MLTR counts under; a person who is not an MLTR (Art. 19-3) counts nowhere. */
export const countKeysOf = (row: CountedFields | null): CountKeys | null =>
  row === null || !row.midToLongTermResident
    ? null
    : {
        municipality: row.municipalityCode ?? UNKNOWN_KEY,
        statusOfResidence: row.statusOfResidence ?? UNKNOWN_KEY,
        nationality: row.nationality ?? UNKNOWN_KEY,
      };

const sameKeys = (a: CountKeys | null, b: CountKeys | null): boolean =>
  a === null || b === null ? a === b : COUNT_DIMENSIONS.every((dimension) => a[dimension] === b[dimension]);

/**
 * The counts store, maintained incrementally inside the resident's transaction: the old row's keys
 * are decremented and the new row's incremented; a key whose count reaches 0 is removed.
 */
export const countsStore = (db: Database) => {
  const sql = {
    add: db.prepare(
      `INSERT INTO counts (dimension, key, count) VALUES (?, ?, ?)
       ON CONFLICT (dimension, key) DO UPDATE SET count = count + excluded.count`,
    ),
    prune: db.prepare('DELETE FROM counts WHERE dimension = ? AND key = ? AND count <= 0'),
  };
  const shift = (keys: CountKeys | null, delta: number): void => {
    if (keys === null) return;
    for (const dimension of COUNT_DIMENSIONS) {
      sql.add.run(dimension, keys[dimension], delta);
      sql.prune.run(dimension, keys[dimension]);
    }
  };
  return {
    move: (before: CountedFields | null, after: CountedFields | null): void => {
      const [from, to] = [countKeysOf(before), countKeysOf(after)];
      if (sameKeys(from, to)) return; // most recomputations: nothing to count differently
      shift(from, -1);
      shift(to, 1);
    },
  };
};
