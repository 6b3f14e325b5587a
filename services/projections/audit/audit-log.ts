import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { Instant } from '../../../events/values.js';
import { applyPragmas } from '../../register/store/sqlite-schema.js';
import type { Page } from '../read-models/types.js';
import { migrateAuditLog } from './audit-schema.js';
import { startRowWriter, type Row } from './audit-writer.js';
import { groupCommit } from './group-commit.js';

export type ActorRole = 'officer' | 'analyst' | 'auditor';

/** Who called: a role and the id configured with the caller's token (never the token). */
export interface Actor {
  readonly role: ActorRole;
  readonly id: string;
}

/** One read of one resident's personal data by one response (rules.md INFO-2). */
export interface AuditRecord {
  readonly at: Instant;
  readonly actor: Actor;
  readonly operationName: string | null;
  readonly rootFields: readonly string[];
  readonly residentId: string;
  /** The fields returned, e.g. `particulars.name`; never their values. */
  readonly fields: readonly string[];
}

export interface AuditEntry extends AuditRecord {
  readonly id: number;
}

export interface AuditQuery {
  readonly residentId?: string;
  readonly actorId?: string;
}

/** Append-only: there is no way to change or remove an entry. */
export interface AuditLog {
  /**
   * Queues the records of one response; resolves once they are durable, rejects if they could not
   * be written (then none of them is). Records of concurrent responses are committed together, in
   * one transaction per group (group-commit.ts), in the order `record` was called.
   */
  record(records: readonly AuditRecord[]): Promise<void>;
  /** Entries oldest first; `after` is the `endCursor` of the previous page. */
  entries(query: AuditQuery, first: number, after: string | null): Page<AuditEntry>;
  /** Commits what is queued (its promises settle accordingly), then closes the file; `record` then rejects. */
  close(): void;
}

/** Where the embedded default keeps the audit log: beside the event store, in its own file. */
export const auditLogFile = (dataDir: string): string => join(dataDir, 'audit.db');

const Row = z.object({
  id: z.number().int(), at: z.string(), actor_role: z.enum(['officer', 'analyst', 'auditor']), actor_id: z.string(),
  operation_name: z.string().nullable(), root_fields: z.string(), resident_id: z.string(), fields: z.string(),
});
const Strings = z.array(z.string());

const entryOf = (raw: unknown): AuditEntry => {
  const row = Row.parse(raw);
  return {
    id: row.id, at: row.at, actor: { role: row.actor_role, id: row.actor_id }, operationName: row.operation_name,
    rootFields: Strings.parse(JSON.parse(row.root_fields)), residentId: row.resident_id, fields: Strings.parse(JSON.parse(row.fields)),
  };
};

/** An `endCursor` of this log is an entry id. */
export const isAuditCursor = (after: string): boolean => /^(0|[1-9]\d{0,15})$/.test(after);

const afterId = (after: string | null): number => {
  if (after === null) return 0;
  if (!isAuditCursor(after)) throw new RangeError('not an audit log cursor');
  return Number(after);
};

const WHERE = `(@residentId IS NULL OR resident_id = @residentId) AND (@actorId IS NULL OR actor_id = @actorId)`;

const INSERT = `INSERT INTO audit_entries (at, actor_role, actor_id, operation_name, root_fields, resident_id, fields)
  VALUES (@at, @role, @actorId, @operationName, @rootFields, @residentId, @fields)`;

const rowOf = (r: AuditRecord): Row => ({
  at: r.at, role: r.actor.role, actorId: r.actor.id, operationName: r.operationName,
  rootFields: JSON.stringify(r.rootFields), residentId: r.residentId, fields: JSON.stringify(r.fields),
});

const pager = (db: Database): AuditLog['entries'] => {
  const select = db.prepare(`SELECT * FROM audit_entries WHERE id > @after AND ${WHERE} ORDER BY id LIMIT @limit`);
  const count = db.prepare(`SELECT COUNT(*) AS n FROM audit_entries WHERE ${WHERE}`).pluck();
  return (query, first, after) => {
    const filter = { residentId: query.residentId ?? null, actorId: query.actorId ?? null };
    const rows = select.all({ ...filter, after: afterId(after), limit: first + 1 }).map(entryOf);
    const items = rows.slice(0, first);
    const last = items.at(-1);
    return { items, endCursor: last === undefined ? null : String(last.id), hasNextPage: rows.length > first, totalCount: z.number().parse(count.get(filter)) };
  };
};

/**
 * Opens (creating if needed) the audit log file; WAL with synchronous=FULL like the event store.
 * Records are written by a thread of their own (audit-writer.ts), one transaction — one fsync —
 * per group of responses (group-commit.ts); entries are read on this thread's connection.
 */
export const openAuditLog = ({ file, maxGroup }: { readonly file: string; readonly maxGroup?: number }): AuditLog => {
  const db = new BetterSqlite3(file);
  applyPragmas(db);
  migrateAuditLog(db);
  const writer = startRowWriter(file, INSERT);
  const group = groupCommit((records: readonly AuditRecord[]) => writer.write(records.map(rowOf)), maxGroup === undefined ? {} : { maxGroup });
  return {
    record: group.add,
    entries: pager(db),
    close: () => {
      group.close();
      writer.close();
      db.close();
    },
  };
};
