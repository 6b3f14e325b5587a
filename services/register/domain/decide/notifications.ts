import type { ResidentEvent } from '../../../../events/catalogue.js';
import type { CommandOf } from '../commands.js';
import { DomainError } from '../errors.js';
import type { Resident } from '../resident.js';
import { registered, requireMltr, requireStatus, stillAForeignResident } from './guards.js';

/** NOTIF-4, Art. 19-10(1): identity particulars of a mid-to-long-term resident. */
export const notifyIdentityChange = ({ data }: CommandOf<'NotifyIdentityChange'>, state: Resident): ResidentEvent[] => {
  const resident = registered(state, data.residentId);
  stillAForeignResident(resident, data.changedOn);
  requireMltr(resident, data.changedOn, 'identity change notification (Art. 19-10)');
  return [{ type: 'IdentityParticularsChanged', data }];
};

/** AFF-1, Art. 19-16: the event occurred while the person held a status (reading #9: the duty survives a change). */
export const notifyAffiliation = ({ data }: CommandOf<'NotifyAffiliation'>, state: Resident): ResidentEvent[] => {
  const resident = registered(state, data.residentId);
  stillAForeignResident(resident, data.notifiedOn);
  requireMltr(resident, data.occurredOn, 'affiliation notification (Art. 19-16)');
  return [{ type: 'AffiliationNotified', data }];
};

/** AFF-2, Art. 19-17: a receiving institution's report (endeavour duty). */
export const reportAcceptingInstitution = ({ data }: CommandOf<'ReportAcceptingInstitution'>, state: Resident): ResidentEvent[] => {
  stillAForeignResident(registered(state, data.residentId), data.reportedOn);
  return [{ type: 'AcceptingInstitutionReported', data }];
};

/** AFF-3, Art. 19-18: reports of the employer of a specified skilled worker. */
export const reportSswOrganization = (
  { data }: CommandOf<'ReportSpecifiedSkilledWorkerOrganization'>,
  state: Resident,
): ResidentEvent[] => {
  const resident = registered(state, data.residentId);
  const status = requireStatus(resident, data.occurredOn, 'specified skilled worker organization report (Art. 19-18)');
  if (status.stay.kind !== 'status' || !status.stay.status.startsWith('specified-skilled-worker'))
    throw new DomainError('NOT_A_SPECIFIED_SKILLED_WORKER', `resident ${data.residentId} is not a specified skilled worker on ${data.occurredOn} (Art. 19-18)`);
  return [{ type: 'SpecifiedSkilledWorkerOrganizationReported', data }];
};
