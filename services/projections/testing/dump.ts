import type { Database } from 'better-sqlite3';
import { READ_MODEL_SCHEMAS } from '../read-models/schema.js';

/** Every row of every read-model table (and the checkpoint), in a stable order: "one effect" is "equal dumps". */
export const dumpReadModels = (db: Database): Record<string, unknown[]> => {
  const tables = [...READ_MODEL_SCHEMAS.flatMap((s) => s.tables), 'projection_checkpoint'];
  return Object.fromEntries(
    tables.map((table) => {
      const columns = (db.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[]).join(', ');
      return [table, db.prepare(`SELECT * FROM ${table} ORDER BY ${columns}`).all()];
    }),
  );
};
