import type { Database } from 'better-sqlite3';

/**
 * The projection's checkpoint: the global log position of the last event applied. It lives in the
 * same database as the read models and is written in the same transaction (decision 6).
 */
export const CHECKPOINT_DDL = `CREATE TABLE IF NOT EXISTS projection_checkpoint (
  id INTEGER PRIMARY KEY CHECK (id = 1), position INTEGER NOT NULL) STRICT`;

export interface CheckpointStore {
  read(): number;
  /** Moves the checkpoint forward to `position`; never backwards (an idle advance may race an event). */
  advance(position: number): void;
  reset(): void;
}

export const checkpointStore = (db: Database): CheckpointStore => {
  const sql = {
    read: db.prepare('SELECT position FROM projection_checkpoint WHERE id = 1').pluck(),
    advance: db.prepare(
      `INSERT INTO projection_checkpoint (id, position) VALUES (1, ?)
       ON CONFLICT (id) DO UPDATE SET position = MAX(position, excluded.position)`,
    ),
    reset: db.prepare('DELETE FROM projection_checkpoint'),
  };
  return {
    read: () => (sql.read.get() as number | undefined) ?? 0,
    advance: (position) => void sql.advance.run(position),
    reset: () => void sql.reset.run(),
  };
};
