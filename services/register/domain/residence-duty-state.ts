import type { IsoDate } from '../../../events/values.js';
import { isOnOrAfter, isOnOrBefore } from './rules/calendar.js';
import { overdueFrom, type Deadline } from './rules/deadlines.js';
import type { ObligationDuty, ObligationView } from './status-types.js';

export interface DutyFacts {
  readonly duty: ObligationDuty;
  readonly subject: string;
  /** Null while the day that starts the clock is not known (NOTIF-1: no residence yet, S01). */
  readonly deadline: Deadline | null;
  /** The filing that discharges the duty (null when none is known). */
  readonly filedOn: IsoDate | null;
}

/**
 * NOTIF-10, DT-6, DT-8 (Arts. 19-7 to 19-10, 22-2(2)): the state of a filing duty at the end of `asOf` — met / metLate by a filing on
 * or before `asOf`, overdue from the day after the effective deadline while nothing is filed, else open.
 */
export const obligationAt = ({ duty, subject, deadline, filedOn }: DutyFacts, asOf: IsoDate): ObligationView => {
  const late = deadline === null ? null : overdueFrom(deadline);
  // One object literal, its keys in the order the read models have always stored them.
  const view = (state: ObligationView['state'], metOn: IsoDate | null, overdueSince: IsoDate | null): ObligationView => ({
    duty, subject, immediately: false, clockStartedOn: deadline?.clockStartedOn ?? null,
    deadline: deadline === null ? null : { nominal: deadline.nominal, effective: deadline.effective }, state, metOn, overdueSince,
  });
  const filed = filedOn !== null && isOnOrBefore(filedOn, asOf) ? filedOn : null;
  if (filed !== null) {
    const inTime = deadline === null || isOnOrBefore(filed, deadline.effective);
    return view(inTime ? 'met' : 'metLate', filed, inTime ? null : late);
  }
  const overdue = late !== null && isOnOrAfter(asOf, late);
  return view(overdue ? 'overdue' : 'open', null, overdue ? late : null);
};
