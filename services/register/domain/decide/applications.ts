import type { ResidentEvent } from '../../../../events/catalogue.js';
import type { CommandOf } from '../commands.js';
import { DomainError } from '../errors.js';
import type { Resident } from '../resident.js';
import { registered, sameData, stillAForeignResident } from './guards.js';

const filed = (state: Resident, applicationId: string) =>
  state.kind === 'unregistered'
    ? undefined
    : state.facts.find((f) => f.event.type === 'ApplicationFiled' && f.event.data.applicationId === applicationId)?.event;

/**
 * APP-1..5: an application is recorded as filed, even a late one (S21: it is stored, and creates no
 * special period). The same application recorded again changes nothing.
 */
export const fileApplication = ({ data }: CommandOf<'FileApplication'>, state: Resident): ResidentEvent[] => {
  const resident = registered(state, data.residentId);
  const existing = filed(resident, data.applicationId);
  if (existing !== undefined) {
    if (sameData(existing.data, data)) return [];
    throw new DomainError('APPLICATION_ALREADY_FILED', `application ${data.applicationId} was already filed with other content`);
  }
  stillAForeignResident(resident, data.filedOn);
  return [{ type: 'ApplicationFiled', data }];
};

/** APP-3: the disposition ends a pending application (and a special period it opened). */
export const decideApplication = ({ data }: CommandOf<'DecideApplication'>, state: Resident): ResidentEvent[] => {
  const resident = registered(state, data.residentId);
  if (filed(resident, data.applicationId) === undefined)
    throw new DomainError('UNKNOWN_APPLICATION', `application ${data.applicationId} was not filed by resident ${data.residentId}`);
  const decided = resident.facts.find((f) => f.event.type === 'ApplicationDecided' && f.event.data.applicationId === data.applicationId);
  if (decided !== undefined) {
    if (sameData(decided.event.data, data)) return [];
    throw new DomainError('APPLICATION_ALREADY_DECIDED', `application ${data.applicationId} was already decided`);
  }
  return [{ type: 'ApplicationDecided', data }];
};
