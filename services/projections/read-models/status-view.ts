import type { Database } from 'better-sqlite3';
import type { IsoDate } from '../../../events/values.js';
import type { ResidentStatus } from '../../register/domain/status-types.js';
import type { CountedFields } from './counts.js';
import { packJson, unpackJson } from './packed-json.js';
import type { StatusRow } from './types.js';

/** The municipality of the current residence, or the last known one after a move-out (Art. 19-7 to 19-9, 22-4(1)(ix)). */
export const municipalityOf = (status: ResidentStatus): string | null => {
  const { address } = status;
  if (address === null) return null;
  return address.state === 'vacated' ? address.municipalityCode : address.address.municipalityCode;
};

const unique = (items: readonly string[]): string[] => [...new Set(items)].sort();

/** (a) One resident's row of the continuous-status view (Art. 19-36), as of `status.asOf`. */
export const toStatusRow = (status: ResidentStatus, residentId: string, revision: number, nextChangeOn: IsoDate | null): StatusRow => {
  const { stay, card } = status;
  return {
    residentId,
    asOf: status.asOf,
    revision,
    midToLongTermResident: status.midToLongTermResident.is,
    mltrReason: status.midToLongTermResident.reason,
    statusOfResidence: stay.kind === 'status' ? stay.status : null,
    periodExpiresOn: stay.kind === 'status' ? stay.expiresOn : null,
    municipalityCode: municipalityOf(status),
    nationality: status.particulars?.nationality ?? null,
    cardNumber: card?.cardNumber ?? null,
    cardValid: card === null ? null : card.valid,
    cardValidUntil: card?.validUntil ?? null,
    abroad: status.travel.abroad,
    overdueDuties: unique(status.obligations.filter((o) => o.state === 'overdue').map((o) => o.duty)),
    lapseGrounds: unique(status.cancellationGrounds.filter((c) => c.state === 'candidate').map((c) => c.ground)),
    nextChangeOn,
    status,
  };
};

/** A resident_status row as SQLite returns it. */
export interface StatusRecord {
  resident_id: string;
  as_of: string;
  revision: number;
  mltr: number;
  mltr_reason: string;
  status_of_residence: string | null;
  period_expires_on: string | null;
  municipality_code: string | null;
  nationality: string | null;
  card_number: string | null;
  card_valid: number | null;
  card_valid_until: string | null;
  abroad: number;
  overdue_duties: string;
  lapse_grounds: string;
  next_change_on: string | null;
  /** The status as `packJson` packs it. */
  status: Buffer;
  cards_digest: number;
  deadlines_digest: number;
  lapses_digest: number;
  identity_digest: number;
}

/** Digests of what the resident's rows in the other read models hold, to leave unchanged rows alone. */
export interface RowDigests {
  readonly cards: number;
  readonly deadlines: number;
  readonly lapses: number;
  readonly identity: number;
}

/** What a recomputation compares its new rows with: the counted fields, the overdue duties (as stored) and the digests. */
export interface StoredSummary extends CountedFields {
  readonly overdueDuties: string;
  /** The other indexed columns: when none of the indexed columns changes, the update leaves every index alone. */
  readonly cardValidUntil: string | null;
  readonly nextChangeOn: string | null;
  readonly digests: RowDigests;
}

export const fromStatusRecord = (r: StatusRecord): StatusRow => ({
  residentId: r.resident_id,
  asOf: r.as_of,
  revision: r.revision,
  midToLongTermResident: r.mltr === 1,
  mltrReason: r.mltr_reason,
  statusOfResidence: r.status_of_residence,
  periodExpiresOn: r.period_expires_on,
  municipalityCode: r.municipality_code,
  nationality: r.nationality,
  cardNumber: r.card_number,
  cardValid: r.card_valid === null ? null : r.card_valid === 1,
  cardValidUntil: r.card_valid_until,
  abroad: r.abroad === 1,
  overdueDuties: JSON.parse(r.overdue_duties) as string[],
  lapseGrounds: JSON.parse(r.lapse_grounds) as string[],
  nextChangeOn: r.next_change_on,
  status: unpackJson(r.status) as ResidentStatus,
});

const bit = (value: boolean): number => (value ? 1 : 0);

/** A resident_status row as it is written: the packed status may come from a worker thread (a plain Uint8Array). */
export type StatusParams = Omit<StatusRecord, 'status'> & { status: Uint8Array };

/** The row as SQLite parameters: booleans as 0/1, lists as JSON, the status packed. */
export const toStatusParams = (row: StatusRow, digests: RowDigests): StatusParams => ({
  resident_id: row.residentId, as_of: row.asOf, revision: row.revision, mltr: bit(row.midToLongTermResident), mltr_reason: row.mltrReason,
  status_of_residence: row.statusOfResidence, period_expires_on: row.periodExpiresOn, municipality_code: row.municipalityCode,
  nationality: row.nationality, card_number: row.cardNumber, card_valid: row.cardValid === null ? null : bit(row.cardValid),
  card_valid_until: row.cardValidUntil, abroad: bit(row.abroad), overdue_duties: JSON.stringify(row.overdueDuties),
  lapse_grounds: JSON.stringify(row.lapseGrounds), next_change_on: row.nextChangeOn, status: packJson(row.status),
  cards_digest: digests.cards, deadlines_digest: digests.deadlines, lapses_digest: digests.lapses, identity_digest: digests.identity,
});

type SummaryRecord = Pick<
  StatusRecord,
  | 'mltr' | 'municipality_code' | 'status_of_residence' | 'nationality' | 'overdue_duties' | 'card_valid_until' | 'next_change_on'
  | 'cards_digest' | 'deadlines_digest' | 'lapses_digest' | 'identity_digest'
>;

const fromSummaryRecord = (r: SummaryRecord): StoredSummary => ({
  midToLongTermResident: r.mltr === 1, municipalityCode: r.municipality_code, statusOfResidence: r.status_of_residence, nationality: r.nationality,
  overdueDuties: r.overdue_duties, cardValidUntil: r.card_valid_until, nextChangeOn: r.next_change_on,
  digests: { cards: r.cards_digest, deadlines: r.deadlines_digest, lapses: r.lapses_digest, identity: r.identity_digest },
});

/** The columns the indexes of resident_status (read-models/schema.ts) are on, besides the key. */
const INDEXED = ['status_of_residence', 'municipality_code', 'mltr', 'card_valid_until', 'next_change_on'] as const;
const UNINDEXED = [
  'as_of', 'revision', 'mltr_reason', 'period_expires_on', 'nationality', 'card_number', 'card_valid', 'abroad', 'overdue_duties',
  'lapse_grounds', 'status', 'cards_digest', 'deadlines_digest', 'lapses_digest', 'identity_digest',
] as const;
const COLUMNS = [...INDEXED, ...UNINDEXED];

const sameIndexed = (r: StatusParams, before: StoredSummary): boolean =>
  r.status_of_residence === before.statusOfResidence && r.municipality_code === before.municipalityCode &&
  r.mltr === (before.midToLongTermResident ? 1 : 0) && r.card_valid_until === before.cardValidUntil && r.next_change_on === before.nextChangeOn;

const assignments = (columns: readonly string[]): string => columns.map((c) => `${c} = @${c}`).join(', ');

/**
 * The store of the continuous-status view: one row per resident. An existing row is updated in
 * place (an UPDATE leaves the indexes of unchanged columns alone; INSERT OR REPLACE rewrote every index).
 */
export const statusViewStore = (db: Database) => {
  const sql = {
    summary: db.prepare(
      `SELECT mltr, municipality_code, status_of_residence, nationality, overdue_duties, card_valid_until, next_change_on,
        cards_digest, deadlines_digest, lapses_digest, identity_digest
       FROM resident_status WHERE resident_id = ?`,
    ),
    insert: db.prepare(`INSERT INTO resident_status (resident_id, ${COLUMNS.join(', ')}) VALUES (@resident_id, ${COLUMNS.map((c) => `@${c}`).join(', ')})`),
    update: db.prepare(`UPDATE resident_status SET ${assignments(COLUMNS)} WHERE resident_id = @resident_id`),
    // SQLite updates the indexes on the columns an UPDATE sets, changed or not.
    updateUnindexed: db.prepare(`UPDATE resident_status SET ${assignments(UNINDEXED)} WHERE resident_id = @resident_id`),
    clearOverdue: db.prepare('DELETE FROM resident_overdue WHERE resident_id = ?'),
    addOverdue: db.prepare('INSERT INTO resident_overdue (duty, resident_id) VALUES (?, ?)'),
  };
  return {
    /** The stored row's counted fields, overdue duties and digests, without unpacking the status; null when there is none. */
    summary: (residentId: string): StoredSummary | null => {
      const r = sql.summary.get(residentId) as SummaryRecord | undefined;
      return r === undefined ? null : fromSummaryRecord(r);
    },
    /** Writes the row (`toStatusParams`, with its overdue duties) over `before` (what `summary` returned for it). */
    put: (params: StatusParams, overdueDuties: readonly string[], before: StoredSummary | null): void => {
      if (before === null) sql.insert.run(params);
      else (sameIndexed(params, before) ? sql.updateUnindexed : sql.update).run(params);
      if (before !== null && before.overdueDuties === params.overdue_duties) return;
      if (before !== null) sql.clearOverdue.run(params.resident_id);
      overdueDuties.forEach((duty) => sql.addOverdue.run(duty, params.resident_id));
    },
  };
};
