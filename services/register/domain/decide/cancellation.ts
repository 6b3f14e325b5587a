import type { ResidentEvent } from '../../../../events/catalogue.js';
import type { CommandOf } from '../commands.js';
import { DomainError } from '../errors.js';
import type { Resident } from '../resident.js';
import { isOnOrBefore } from '../rules/calendar.js';
import { registered, requireStatus, stillAForeignResident } from './guards.js';

/** CAN-3: a justifiable reason is the officer's decision, recorded as a fact (never derived, reading #7). */
export const recordJustifiableReason = ({ data }: CommandOf<'RecordJustifiableReason'>, state: Resident): ResidentEvent[] => {
  registered(state, data.residentId);
  return [{ type: 'JustifiableReasonRecorded', data }];
};

/** CAN-4, Art. 22-4(2), (3): the hearing notice is served on a person who holds a status. */
export const serveHearingNotice = ({ data }: CommandOf<'ServeHearingNotice'>, state: Resident): ResidentEvent[] => {
  const resident = registered(state, data.residentId);
  stillAForeignResident(resident, data.servedOn);
  requireStatus(resident, data.servedOn, 'hearing notice (Art. 22-4(2))');
  return [{ type: 'HearingNoticeServed', data }];
};

/** CAN-4, Art. 22-4(2), (6): cancellation follows a served hearing notice and ends the status on service. */
export const cancelStatusOfResidence = ({ data }: CommandOf<'CancelStatusOfResidence'>, state: Resident): ResidentEvent[] => {
  const resident = registered(state, data.residentId);
  const timeline = stillAForeignResident(resident, data.cancelledOn);
  requireStatus(resident, data.cancelledOn, 'cancellation (Art. 22-4(1))');
  if (!timeline.hearingNoticesServedOn.some((d) => isOnOrBefore(d, data.cancelledOn)))
    throw new DomainError('HEARING_NOTICE_REQUIRED', 'the person must first be heard after a served hearing notice (Art. 22-4(2), (3))');
  return [{ type: 'StatusOfResidenceCancelled', data }];
};

/** MLTR-3, Art. 19-14(vi): death. */
export const recordDeath = ({ data }: CommandOf<'RecordDeath'>, state: Resident): ResidentEvent[] => {
  stillAForeignResident(registered(state, data.residentId), data.diedOn);
  return [{ type: 'ResidentDied', data }];
};

/** MLTR-3, Art. 2(ii): acquiring Japanese nationality ends foreign-national status. */
export const recordNaturalisation = ({ data }: CommandOf<'RecordNaturalisation'>, state: Resident): ResidentEvent[] => {
  stillAForeignResident(registered(state, data.residentId), data.acquiredOn);
  return [{ type: 'JapaneseNationalityAcquired', data }];
};
