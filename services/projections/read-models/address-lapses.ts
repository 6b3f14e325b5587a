import type { Database } from 'better-sqlite3';
import type { ResidentStatus } from '../../register/domain/status-types.js';
import type { LapseRow } from './types.js';

/**
 * (d) Every (viii)/(ix) candidate of Art. 22-4(1) (CAN-3) — candidates, withdrawn and moot alike,
 * so that an analyst sees why a ground no longer holds — with the last known municipality.
 */
export const toLapseRows = (status: ResidentStatus, residentId: string, municipalityCode: string | null): LapseRow[] =>
  status.cancellationGrounds.map((c) => ({
    residentId,
    ground: c.ground,
    from: c.from,
    strictFrom: c.strictFrom,
    clockStartedOn: c.clockStartedOn,
    municipalityCode,
    curedLateOn: c.curedLateOn,
    state: c.state,
    knownSince: c.knownSince,
  }));

export interface LapseRecord {
  resident_id: string;
  seq: number;
  ground: 'viii' | 'ix';
  from_on: string;
  strict_from: string;
  clock_started_on: string;
  municipality_code: string | null;
  cured_late_on: string | null;
  state: LapseRow['state'];
  known_since: string;
}

export const fromLapseRecord = (r: LapseRecord): LapseRow => ({
  residentId: r.resident_id,
  ground: r.ground,
  from: r.from_on,
  strictFrom: r.strict_from,
  clockStartedOn: r.clock_started_on,
  municipalityCode: r.municipality_code,
  curedLateOn: r.cured_late_on,
  state: r.state,
  knownSince: r.known_since,
});

/** The address-lapse store: a resident's rows are replaced whole on every recomputation. */
export const addressLapseStore = (db: Database) => {
  const sql = {
    clear: db.prepare('DELETE FROM address_lapses WHERE resident_id = ?'),
    insert: db.prepare(
      `INSERT INTO address_lapses VALUES
       (@residentId, @seq, @ground, @from, @strictFrom, @clockStartedOn, @municipalityCode, @curedLateOn, @state, @knownSince)`,
    ),
  };
  return {
    replace: (residentId: string, rows: readonly LapseRow[], hadRows: boolean): void => {
      if (hadRows) sql.clear.run(residentId);
      rows.forEach((row, seq) => sql.insert.run({ ...row, seq }));
    },
  };
};
