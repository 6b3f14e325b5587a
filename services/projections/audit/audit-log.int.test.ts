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

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'audit-log-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the audit log of personal-data reads (rules.md INFO-2)', () => {
  it('keeps what was recorded across reopening, oldest first, filtered by resident and actor, in pages', () => {
    const first = openAuditLog({ file: auditLogFile(dir) });
    first.record([record(RESIDENT_A), record(RESIDENT_B)]);
    first.record([record(RESIDENT_A, 'officer-1')]);
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

  it('refuses UPDATE and DELETE, even straight through SQLite: it is append-only', () => {
    openAuditLog({ file: auditLogFile(dir) }).close();
    const audit = openAuditLog({ file: auditLogFile(dir) });
    audit.record([record(RESIDENT_A)]);
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

  it('writes the records of one response all or none', () => {
    const audit = openAuditLog({ file: auditLogFile(dir) });
    const broken = { ...record(RESIDENT_B), actor: { role: 'intruder', id: 'x' } } as unknown as AuditRecord;
    expect(() => audit.record([record(RESIDENT_A), broken])).toThrow();
    expect(audit.entries({}, 10, null).totalCount).toBe(0);
    audit.close();
  });
});
