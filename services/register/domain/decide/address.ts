import type { ResidentEvent } from '../../../../events/catalogue.js';
import type { CommandOf } from '../commands.js';
import { DomainError } from '../errors.js';
import type { Resident } from '../resident.js';
import { registered, sameData, statusOn, stillAForeignResident, type Registered } from './guards.js';

const RELAYED = new Set(['ResidenceAddressNotified', 'ResidenceAddressVacated', 'ResidentRecordEntered', 'ResidenceAddressCorrected']);

/** MUNI-3: a relay recorded twice changes nothing; the same relay id with other content is refused. */
const relayReplay = (state: Resident, event: ResidentEvent & { readonly data: { readonly relayId?: string | undefined } }): boolean => {
  if (state.kind === 'unregistered' || event.data.relayId === undefined) return false;
  const same = state.facts.find(
    (f) => RELAYED.has(f.event.type) && 'relayId' in f.event.data && f.event.data.relayId === event.data.relayId,
  );
  if (same === undefined) return false;
  if (same.event.type === event.type && sameData(same.event.data, event.data)) return true;
  throw new DomainError('DUPLICATE_RELAY_ID', `relay ${event.data.relayId} was already recorded with other content`);
};

/**
 * NOTIF-1..3, MUNI-3: a residence notification of a person the register knows not to be a
 * mid-to-long-term resident is refused (Art. 19-3); one that arrives before any status is known
 * (a relay ahead of the landing) is accepted and shown as an anomaly until the status arrives.
 */
export const notifyResidenceAddress = ({ data }: CommandOf<'NotifyResidenceAddress'>, state: Resident): ResidentEvent[] => {
  const event: ResidentEvent = { type: 'ResidenceAddressNotified', data };
  if (relayReplay(state, event)) return [];
  if (state.kind === 'unregistered') return [event];
  stillAForeignResident(state, data.notifiedOn);
  const status = statusOn(state, data.notifiedOn);
  if (!status.midToLongTermResident.is && status.midToLongTermResident.reason !== 'NO_STATUS')
    throw new DomainError(
      'NOT_A_MID_TO_LONG_TERM_RESIDENT',
      `resident ${data.residentId} is not a mid-to-long-term resident on ${data.notifiedOn} (${status.midToLongTermResident.reason}); Arts. 19-7 to 19-9 do not apply`,
    );
  return [event];
};

/** MUNI-2, Art. 61-8-2: a resident-record entry (no card presented, birth, ex officio). */
export const recordResidentRecordEntry = ({ data }: CommandOf<'RecordResidentRecordEntry'>, state: Resident): ResidentEvent[] => {
  const event: ResidentEvent = { type: 'ResidentRecordEntered', data };
  if (relayReplay(state, event)) return [];
  if (state.kind === 'registered') stillAForeignResident(state, data.residenceEstablishedOn);
  return [event];
};

/** CAN-3 (ix), Art. 61-8-2, 19-37: leaving the residence, as the municipality or an investigation found. */
export const recordMoveOut = ({ data }: CommandOf<'RecordMoveOut'>, state: Resident): ResidentEvent[] => {
  const event: ResidentEvent = { type: 'ResidenceAddressVacated', data };
  if (relayReplay(state, event)) return [];
  stillAForeignResident(registered(state, data.residentId), data.movedOutOn);
  return [event];
};

const relayIds = (state: Registered): Set<string> =>
  new Set(state.facts.flatMap((f) => ('relayId' in f.event.data && typeof f.event.data.relayId === 'string' ? [f.event.data.relayId] : [])));

/** MUNI-3, Art. 61-8-2: a correction must name a relay the register holds. */
export const correctResidenceAddress = ({ data }: CommandOf<'CorrectResidenceAddress'>, state: Resident): ResidentEvent[] => {
  const event: ResidentEvent = { type: 'ResidenceAddressCorrected', data };
  if (relayReplay(state, event)) return [];
  const resident = registered(state, data.residentId);
  if (!relayIds(resident).has(data.correctsRelayId))
    throw new DomainError('UNKNOWN_RELAY', `relay ${data.correctsRelayId} is not in the record of resident ${data.residentId}`);
  return [event];
};
