import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLogFile, openAuditLog, type AuditRecord } from './audit-log.js';

const RESIDENT_A = '11111111-1111-4111-8111-111111111111';
const RESIDENT_B = '22222222-2222-4222-8222-222222222222';

const record = (residentId: string, actorId = 'analyst-1'): AuditRecord => ({
  at: '2026-09-01T03:00:00Z', actor: { role: 'analyst', id: actorId }, operationName: 'R', rootFields: ['resident'],
  residentId, fields: ['particulars.name'],
});

/** A record the table's CHECK refuses: its write fails. */
const broken = { ...record(RESIDENT_B), actor: { role: 'intruder', id: 'x' } } as unknown as AuditRecord;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'audit-log-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the audit log of personal-data reads (rules.md INFO-2)', () => {
  it('keeps what was recorded across reopening, oldest first, filtered by resident and actor, in pages', async () => {
    const first = openAuditLog({ file: auditLogFile(dir) });
    await first.record([record(RESIDENT_A), record(RESIDENT_B)]);
    await first.record([record(RESIDENT_A, 'officer-1')]);
    first.close();
    const audit = openAuditLog({ file: auditLogFile(dir) });
    expect(audit.entries({}, 10, null).items.map((e) => [e.id, e.residentId, e.actor.id])).toEqual([
      [1, RESIDENT_A, 'analyst-1'], [2, RESIDENT_B, 'analyst-1'], [3, RESIDENT_A, 'officer-1'],
    ]);
    expect(audit.entries({ residentId: RESIDENT_A }, 10, null).totalCount).toBe(2);
    expect(audit.entries({ actorId: 'officer-1' }, 10, null).items.map((e) => e.id)).toEqual([3]);
    const page = audit.entries({}, 2, null);
    expect([page.hasNextPage, page.endCursor]).toEqual([true, '2']);
    expect(audit.entries({}, 2, page.endCursor).items.map((e) => e.id)).toEqual([3]);
    expect(audit.entries({}, 1, null).items[0]).toEqual({ id: 1, ...record(RESIDENT_A) });
    audit.close();
  });

  it('refuses UPDATE and DELETE, even straight through SQLite: it is append-only', async () => {
    openAuditLog({ file: auditLogFile(dir) }).close();
    const audit = openAuditLog({ file: auditLogFile(dir) });
    await audit.record([record(RESIDENT_A)]);
    const db = new BetterSqlite3(auditLogFile(dir));
    try {
      expect(() => db.prepare("UPDATE audit_entries SET fields = '[]'").run()).toThrow(/append-only: UPDATE refused/);
      expect(() => db.prepare('DELETE FROM audit_entries').run()).toThrow(/append-only: DELETE refused/);
      expect(db.prepare('SELECT COUNT(*) FROM audit_entries').pluck().get()).toBe(1);
    } finally {
      db.close();
      audit.close();
    }
  });

  it('writes the records of one response all or none', async () => {
    const audit = openAuditLog({ file: auditLogFile(dir) });
    await expect(audit.record([record(RESIDENT_A), broken])).rejects.toThrow();
    expect(audit.entries({}, 10, null).totalCount).toBe(0);
    audit.close();
  });
});

describe('group commit: the records of concurrent responses share one transaction', () => {
  it('resolves each response only once its records are readable, in the order they were recorded', async () => {
    const audit = openAuditLog({ file: auditLogFile(dir) });
    const durable: string[] = [];
    const responses = ['officer-1', 'officer-2', 'officer-3'].map((actorId) =>
      audit.record([record(RESIDENT_A, actorId), record(RESIDENT_B, actorId)]).then(() => {
        durable.push(actorId);
        expect(audit.entries({ actorId }, 10, null).totalCount).toBe(2);
      }));
    expect(audit.entries({}, 10, null).totalCount).toBe(0); // queued, not yet written
    await Promise.all(responses);
    expect(durable).toEqual(['officer-1', 'officer-2', 'officer-3']);
    expect(audit.entries({}, 10, null).items.map((e) => [e.id, e.actor.id, e.residentId])).toEqual([
      [1, 'officer-1', RESIDENT_A], [2, 'officer-1', RESIDENT_B], [3, 'officer-2', RESIDENT_A],
      [4, 'officer-2', RESIDENT_B], [5, 'officer-3', RESIDENT_A], [6, 'officer-3', RESIDENT_B],
    ]);
    await audit.record([record(RESIDENT_B, 'officer-4')]);
    expect(audit.entries({}, 10, '6').items.map((e) => [e.id, e.actor.id])).toEqual([[7, 'officer-4']]);
    audit.close();
  });

  it('rejects every response of a group whose write fails, and writes none of its records', async () => {
    const audit = openAuditLog({ file: auditLogFile(dir) });
    const outcomes = await Promise.allSettled([
      audit.record([record(RESIDENT_A, 'officer-1')]), audit.record([broken]), audit.record([record(RESIDENT_B, 'officer-3')]),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(audit.entries({}, 10, null).totalCount).toBe(0);
    await audit.record([record(RESIDENT_A, 'officer-4')]); // the next group is not affected
    expect(audit.entries({}, 10, null).items.map((e) => [e.id, e.actor.id])).toEqual([[1, 'officer-4']]);
    audit.close();
  });

  it('close() writes what is queued, never drops it; a record after close is refused', async () => {
    const audit = openAuditLog({ file: auditLogFile(dir) });
    const pending = audit.record([record(RESIDENT_A, 'officer-1')]);
    audit.close();
    await expect(pending).resolves.toBeUndefined();
    await expect(audit.record([record(RESIDENT_B)])).rejects.toThrow(/closed/);
    const reopened = openAuditLog({ file: auditLogFile(dir) });
    expect(reopened.entries({}, 10, null).items.map((e) => e.actor.id)).toEqual(['officer-1']);
    reopened.close();
  });

  it('close() rejects what is queued when that last write fails', async () => {
    const audit = openAuditLog({ file: auditLogFile(dir) });
    const pending = audit.record([record(RESIDENT_A), broken]);
    audit.close();
    await expect(pending).rejects.toThrow();
    const reopened = openAuditLog({ file: auditLogFile(dir) });
    expect(reopened.entries({}, 10, null).totalCount).toBe(0);
    reopened.close();
  });
});
