import type { Database } from 'better-sqlite3';
import type { IsoDate } from '../../../events/values.js';
import type { ResidentStatus } from '../../register/domain/status-types.js';
import type { CountedFields } from './counts.js';
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
  status: string;
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
  status: JSON.parse(r.status) as ResidentStatus,
});

const bit = (value: boolean): number => (value ? 1 : 0);

/** The row as SQLite parameters: booleans as 0/1, lists and the status as JSON. */
const toParams = (row: StatusRow): StatusRecord => ({
  resident_id: row.residentId, as_of: row.asOf, revision: row.revision, mltr: bit(row.midToLongTermResident), mltr_reason: row.mltrReason,
  status_of_residence: row.statusOfResidence, period_expires_on: row.periodExpiresOn, municipality_code: row.municipalityCode,
  nationality: row.nationality, card_number: row.cardNumber, card_valid: row.cardValid === null ? null : bit(row.cardValid),
  card_valid_until: row.cardValidUntil, abroad: bit(row.abroad), overdue_duties: JSON.stringify(row.overdueDuties),
  lapse_grounds: JSON.stringify(row.lapseGrounds), next_change_on: row.nextChangeOn, status: JSON.stringify(row.status),
});

/** The store of the continuous-status view: one row per resident, replaced whole. */
export const statusViewStore = (db: Database) => {
  const sql = {
    counted: db.prepare('SELECT mltr, municipality_code, status_of_residence, nationality FROM resident_status WHERE resident_id = ?'),
    upsert: db.prepare(
      `INSERT OR REPLACE INTO resident_status VALUES
       (@resident_id, @as_of, @revision, @mltr, @mltr_reason, @status_of_residence, @period_expires_on, @municipality_code,
        @nationality, @card_number, @card_valid, @card_valid_until, @abroad, @overdue_duties, @lapse_grounds, @next_change_on, @status)`,
    ),
    clearOverdue: db.prepare('DELETE FROM resident_overdue WHERE resident_id = ?'),
    addOverdue: db.prepare('INSERT INTO resident_overdue (duty, resident_id) VALUES (?, ?)'),
  };
  return {
    /** The fields of the stored row that the counts are kept by, without parsing the status. */
    counted: (residentId: string): CountedFields | null => {
      const r = sql.counted.get(residentId) as Pick<StatusRecord, 'mltr' | 'municipality_code' | 'status_of_residence' | 'nationality'> | undefined;
      return r === undefined
        ? null
        : { midToLongTermResident: r.mltr === 1, municipalityCode: r.municipality_code, statusOfResidence: r.status_of_residence, nationality: r.nationality };
    },
    put: (row: StatusRow): void => {
      sql.upsert.run(toParams(row));
      sql.clearOverdue.run(row.residentId);
      row.overdueDuties.forEach((duty) => sql.addOverdue.run(duty, row.residentId));
    },
  };
};
