import type { ResidentEvent } from '../../../../events/catalogue.js';
import type { CommandOf } from '../commands.js';
import { DomainError } from '../errors.js';
import type { Resident } from '../resident.js';
import { isBefore } from '../rules/calendar.js';
import { registered, statusOn, stillAForeignResident } from './guards.js';

const dateOfBirthIn = (state: Resident): string | undefined => {
  if (state.kind === 'unregistered') return undefined;
  for (const { event } of state.facts)
    if (event.type === 'LandingPermitted' || (event.type === 'StatusPermissionGranted' && event.data.person !== undefined))
      return event.data.person?.dateOfBirth;
  return undefined;
};

/** Ch. III: a landing decides a status for a person arriving; someone holding a status in Japan does not land. */
export const permitLanding = ({ data }: CommandOf<'PermitLanding'>, state: Resident): ResidentEvent[] => {
  if (isBefore(data.permittedOn, data.person.dateOfBirth))
    throw new DomainError('DATE_BEFORE_BIRTH', `landing on ${data.permittedOn} precedes the date of birth ${data.person.dateOfBirth}`);
  if (state.kind === 'registered') {
    stillAForeignResident(state, data.permittedOn);
    const status = statusOn(state, data.permittedOn);
    if (status.stay.kind === 'status' && !status.travel.abroad)
      throw new DomainError('ALREADY_HOLDS_STATUS', `resident ${data.residentId} already holds a status in Japan on ${data.permittedOn}`);
  }
  return [{ type: 'LandingPermitted', data }];
};

const NEEDS_CURRENT_STATUS = new Set(['change-of-status', 'extension', 'permanent-residence']);
const WITHOUT_STATUS_ONLY = new Set(['acquisition', 'temporary-refuge-acquisition']);

/** Arts. 20–22-3, 50, 61-2-2: a permission that confers a status; change, extension and PR need one held. */
export const grantStatusPermission = ({ data }: CommandOf<'GrantStatusPermission'>, state: Resident): ResidentEvent[] => {
  if (state.kind === 'unregistered') {
    if (data.person === undefined && NEEDS_CURRENT_STATUS.has(data.kind))
      throw new DomainError('UNKNOWN_RESIDENT', `no record of resident ${data.residentId} to ${data.kind}`);
    return [{ type: 'StatusPermissionGranted', data }];
  }
  const resident = registered(state, data.residentId);
  stillAForeignResident(resident, data.grantedOn);
  const dob = data.person?.dateOfBirth ?? dateOfBirthIn(state);
  if (dob !== undefined && isBefore(data.grantedOn, dob))
    throw new DomainError('DATE_BEFORE_BIRTH', `permission on ${data.grantedOn} precedes the date of birth ${dob}`);
  const before = statusOn(resident, data.grantedOn).stay;
  if (NEEDS_CURRENT_STATUS.has(data.kind) && before.kind !== 'status')
    throw new DomainError('NO_STATUS_HELD', `${data.kind} needs a status of residence held on ${data.grantedOn} (Arts. 20(2), 21(2), 22(1))`);
  if (WITHOUT_STATUS_ONLY.has(data.kind) && before.kind === 'status')
    throw new DomainError('ALREADY_HOLDS_STATUS', `acquisition is for a person staying without a status (Art. 22-2(1))`);
  if (before.kind === 'status' && data.kind === 'extension' && before.status !== data.grant.status)
    throw new DomainError('EXTENSION_CHANGES_STATUS', `an extension keeps the status ${before.status} (Art. 21(1)); use a change of status`);
  if (before.kind === 'status' && data.kind === 'change-of-status' && data.grant.status === 'highly-skilled-professional-ii' &&
    !before.status.startsWith('highly-skilled-professional-i-'))
    throw new DomainError('CHANGE_TO_HSP_II_REQUIRES_HSP_I', 'a change to Highly Skilled Professional (ii) is only open to HSP (i) holders (Art. 20-2(1))');
  return [{ type: 'StatusPermissionGranted', data }];
};
