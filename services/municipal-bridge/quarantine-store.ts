import BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';
import type { QuarantineReason } from './matching.js';
import { migrateQuarantine } from './quarantine-schema.js';
import { relayLedger, type RelayLedger } from './relay-ledger.js';

export const QUARANTINE_FILE = 'bridge-quarantine.db';

export interface QuarantineEntry {
  readonly id: number;
  readonly municipalityCode: string;
  readonly receiptId: string;
  readonly type: string;
  readonly reason: QuarantineReason;
  /** The record as it was received (a JSON value, or a CSV row as an object of strings). */
  readonly raw: unknown;
  /** The validated relay (JSON). */
  readonly relay: unknown;
  readonly receivedAt: string;
  readonly updatedAt: string;
  readonly attempts: number;
  readonly state: 'open' | 'applied';
  readonly resolvedAt: string | null;
  readonly resolvedBy: string | null;
  readonly residentId: string | null;
}

/** What the intake hands over: the received record and why it cannot be applied, at `at`. */
export type NewQuarantineEntry = Pick<QuarantineEntry, 'municipalityCode' | 'receiptId' | 'type' | 'reason' | 'raw' | 'relay'> & {
  readonly at: string;
};

export interface QuarantineStore {
  /** Keeps the relay; the same record received again while open updates its entry (attempts, reason). */
  put(entry: NewQuarantineEntry): QuarantineEntry;
  /** Marks every open entry of the relay's key applied (it reached the log). */
  resolve(key: { municipalityCode: string; receiptId: string; type: string }, by: { at: string; by: string; residentId: string }): number[];
  get(id: number): QuarantineEntry | undefined;
  list(query: { state?: 'open' | 'applied'; municipalityCode?: string; afterId?: number; limit: number }): QuarantineEntry[];
  count(query: { state?: 'open' | 'applied'; municipalityCode?: string }): number;
  /** The relays that reached the log, by idempotency key (same file, same durability). */
  readonly ledger: RelayLedger;
  close(): void;
}

const Row = z.object({
  id: z.number(), municipality_code: z.string(), receipt_id: z.string(), relay_type: z.string(), reason_code: z.string(),
  reason_detail: z.string(), raw: z.string(), relay: z.string(), received_at: z.string(), updated_at: z.string(),
  attempts: z.number(), state: z.enum(['open', 'applied']), resolved_at: z.string().nullable(), resolved_by: z.string().nullable(),
  resident_id: z.string().nullable(),
});

const entryOf = (value: unknown): QuarantineEntry => {
  const r = Row.parse(value);
  return {
    id: r.id, municipalityCode: r.municipality_code, receiptId: r.receipt_id, type: r.relay_type,
    reason: { code: r.reason_code, detail: r.reason_detail }, raw: JSON.parse(r.raw), relay: JSON.parse(r.relay),
    receivedAt: r.received_at, updatedAt: r.updated_at, attempts: r.attempts, state: r.state,
    resolvedAt: r.resolved_at, resolvedBy: r.resolved_by, residentId: r.resident_id,
  };
};

type Key = { municipalityCode: string; receiptId: string; type: string };
type Resolution = { at: string; by: string; residentId: string };

const statements = (db: BetterSqlite3.Database) => ({
  sameOpen: db.prepare(`SELECT * FROM quarantine WHERE municipality_code = ? AND receipt_id = ? AND relay_type = ? AND state = 'open' AND raw = ?`),
  bump: db.prepare(`UPDATE quarantine SET attempts = attempts + 1, updated_at = ?, reason_code = ?, reason_detail = ? WHERE id = ?`),
  insert: db.prepare(`INSERT INTO quarantine (municipality_code, receipt_id, relay_type, reason_code, reason_detail, raw, relay, received_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
  byId: db.prepare('SELECT * FROM quarantine WHERE id = ?'),
  openIds: db.prepare(`SELECT id FROM quarantine WHERE municipality_code = ? AND receipt_id = ? AND relay_type = ? AND state = 'open'`).pluck(),
  markApplied: db.prepare(`UPDATE quarantine SET state = 'applied', resolved_at = ?, resolved_by = ?, resident_id = ? WHERE id = ?`),
  count: db.prepare(`SELECT COUNT(*) FROM quarantine WHERE (@state IS NULL OR state = @state) AND (@code IS NULL OR municipality_code = @code)`).pluck(),
  page: db.prepare(`SELECT * FROM quarantine WHERE id > @after AND (@state IS NULL OR state = @state)
    AND (@code IS NULL OR municipality_code = @code) ORDER BY id LIMIT @limit`),
});

/** The same record received again while its entry is open updates that entry; anything else is a new entry. */
const putIn = (db: BetterSqlite3.Database, q: ReturnType<typeof statements>) =>
  db.transaction((e: NewQuarantineEntry): number => {
    const raw = JSON.stringify(e.raw);
    const existing = Row.safeParse(q.sameOpen.get(e.municipalityCode, e.receiptId, e.type, raw));
    if (existing.success) {
      q.bump.run(e.at, e.reason.code, e.reason.detail, existing.data.id);
      return existing.data.id;
    }
    return Number(q.insert.run(e.municipalityCode, e.receiptId, e.type, e.reason.code, e.reason.detail, raw, JSON.stringify(e.relay), e.at, e.at).lastInsertRowid);
  });

/** WAL with synchronous FULL: a quarantined relay is on disk before the office is told "quarantined". */
export const openQuarantineStore = (file: string): QuarantineStore => {
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  migrateQuarantine(db);
  const q = statements(db);
  const get = (id: number): QuarantineEntry | undefined => {
    const row: unknown = q.byId.get(id);
    return row === undefined ? undefined : entryOf(row);
  };
  const put = putIn(db, q);
  const ledger = relayLedger(file);
  const resolve = db.transaction((key: Key, by: Resolution): number[] => {
    const ids = z.array(z.number()).parse(q.openIds.all(key.municipalityCode, key.receiptId, key.type));
    for (const id of ids) q.markApplied.run(by.at, by.by, by.residentId, id);
    return ids;
  });
  return {
    put: (entry) => {
      const found = get(put(entry));
      if (found === undefined) throw new Error('quarantine entry vanished');
      return found;
    },
    resolve: (key, by) => resolve(key, by),
    get,
    list: ({ state, municipalityCode, afterId = 0, limit }) =>
      q.page.all({ after: afterId, state: state ?? null, code: municipalityCode ?? null, limit }).map(entryOf),
    count: ({ state, municipalityCode }) => z.number().parse(q.count.get({ state: state ?? null, code: municipalityCode ?? null })),
    ledger,
    close: () => {
      ledger.close();
      db.close();
    },
  };
};
