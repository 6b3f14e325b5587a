import type { Database } from 'better-sqlite3';
import type { ResidentStatus } from '../../register/domain/status-types.js';
import type { DeadlineKind, DeadlineRow } from './types.js';

type Pending = Omit<DeadlineRow, 'residentId' | 'municipalityCode'>;

const fixed = (kind: DeadlineKind, subject: string, clockStartedOn: string | null, lastDay: string): Pending => ({
  kind, subject, clockStartedOn, nominal: lastDay, effective: lastDay,
});

/**
 * 14-day duties (Arts. 19-7 to 19-16, 22-2(2)) and the 19-11 renewal that are not yet met: open ones,
 * and overdue ones until they are met, so that the clock still finds a deadline that has passed (DT-6).
 */
const duties = (status: ResidentStatus): Pending[] =>
  status.obligations.flatMap((o) =>
    o.deadline !== null && (o.state === 'open' || o.state === 'overdue')
      ? [{ kind: o.duty, subject: o.subject, clockStartedOn: o.clockStartedOn, nominal: o.deadline.nominal, effective: o.deadline.effective }]
      : [],
  );

/** STAY-1, APP-3, REP-1/DRP-1: the end of the period of stay, of the Art. 20(6) special period, of re-entry validity. */
const stayEnds = (status: ResidentStatus): Pending[] => {
  const { stay, travel } = status;
  const out: Pending[] = [];
  if (stay.kind === 'status' && stay.specialPeriod !== null)
    out.push(fixed('special-period-end', stay.specialPeriod.applicationId, stay.specialPeriod.startsOn, stay.specialPeriod.limit));
  else if (stay.kind === 'status' && stay.expiresOn !== null)
    out.push(fixed('period-of-stay-expiry', stay.status, stay.grantedOn, stay.expiresOn));
  if (travel.abroad && travel.returnBy !== null)
    out.push(fixed('reentry-validity-end', travel.under ?? 'reentry', travel.departedOn, travel.returnBy));
  return out;
};

/** CAN-3, Art. 22-4(1)(viii)/(ix): a running 90-day watch, due on its (rolled-forward) day 90. */
const watches = (status: ResidentStatus): Pending[] =>
  status.watches.map((w) => ({
    kind: w.ground === 'viii' ? 'ground-viii' : 'ground-ix', subject: w.ground, clockStartedOn: w.clockStartedOn,
    nominal: w.day90.nominal, effective: w.day90.effective,
  }));

/** (c) Every pending deadline of the resident, with nominal and effective dates (DT-2, DT-6). */
export const toDeadlineRows = (status: ResidentStatus, residentId: string, municipalityCode: string | null): DeadlineRow[] =>
  [...duties(status), ...stayEnds(status), ...watches(status)].map((d) => ({ residentId, municipalityCode, ...d }));

export interface DeadlineRecord {
  resident_id: string;
  seq: number;
  kind: string;
  subject: string;
  clock_started_on: string | null;
  nominal: string;
  effective: string;
  municipality_code: string | null;
}

export const fromDeadlineRecord = (r: DeadlineRecord): DeadlineRow => ({
  residentId: r.resident_id,
  kind: r.kind as DeadlineKind,
  subject: r.subject,
  clockStartedOn: r.clock_started_on,
  nominal: r.nominal,
  effective: r.effective,
  municipalityCode: r.municipality_code,
});

/** The deadline index store: a resident's deadlines are replaced whole; `seq` keeps their order. */
export const deadlineIndexStore = (db: Database) => {
  const sql = {
    clear: db.prepare('DELETE FROM deadlines WHERE resident_id = ?'),
    insert: db.prepare(
      `INSERT INTO deadlines VALUES (@residentId, @seq, @kind, @subject, @clockStartedOn, @nominal, @effective, @municipalityCode)`,
    ),
  };
  return {
    replace: (residentId: string, rows: readonly DeadlineRow[], hadRows: boolean): void => {
      if (hadRows) sql.clear.run(residentId);
      rows.forEach((row, seq) => sql.insert.run({ ...row, seq }));
    },
  };
};
