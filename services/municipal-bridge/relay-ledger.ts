import { createHash } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';
import { canonicalJson } from '../register/store/append-rules.js';
import { toJsonObject } from '../register/application/idempotency.js';
import { relayKey, type Relay } from './relay-schema.js';

/** What the ledger knows of a relay key: never seen, applied with this content, or applied with other content. */
export type LedgerLookup =
  | { readonly kind: 'unknown' }
  | { readonly kind: 'same'; readonly residentId: string }
  | { readonly kind: 'different'; readonly residentId: string };

export interface RelayLedger {
  lookup(relay: Relay): LedgerLookup;
  /** Records that the relay reached the log for the resident (first record wins: the log is the truth). */
  record(relay: Relay, residentId: string, at: string): void;
  close(): void;
}

/** The content of a relay, independent of key order and of how it arrived (JSON or CSV). */
export const relayContentHash = (relay: Relay): string => createHash('sha256').update(canonicalJson(toJsonObject(relay))).digest('hex');

const Row = z.object({ content_sha256: z.string(), resident_id: z.string() });

/**
 * The ledger lives in the bridge's own database (bridge-quarantine.db, schema version 2), on its own
 * connection with synchronous=NORMAL: a ledger row lost to a power cut costs nothing (a resend then
 * goes through the register's own idempotency and is still "duplicate"), so it need not pay an fsync
 * per record; the quarantine's FULL commits flush the shared WAL anyway.
 */
export const relayLedger = (file: string): RelayLedger => {
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  const byKey = db.prepare('SELECT content_sha256, resident_id FROM applied_relays WHERE relay_key = ?');
  const insert = db.prepare('INSERT OR IGNORE INTO applied_relays (relay_key, content_sha256, resident_id, applied_at) VALUES (?, ?, ?, ?)');
  return {
    lookup: (relay) => {
      const row: unknown = byKey.get(relayKey(relay));
      if (row === undefined) return { kind: 'unknown' };
      const { content_sha256: hash, resident_id: residentId } = Row.parse(row);
      return { kind: hash === relayContentHash(relay) ? 'same' : 'different', residentId };
    },
    record: (relay, residentId, at) => {
      insert.run(relayKey(relay), relayContentHash(relay), residentId, at);
    },
    close: () => db.close(),
  };
};
