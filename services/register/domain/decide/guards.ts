import type { IsoDate } from '../../../../events/values.js';
import { DomainError } from '../errors.js';
import type { Resident } from '../resident.js';
import { isBefore } from '../rules/calendar.js';
import { statusAt } from '../status.js';
import type { ResidentStatus } from '../status-types.js';
import { buildTimeline, type Timeline } from '../timeline.js';

export type Registered = Extract<Resident, { kind: 'registered' }>;

/** Commands about a person need the person's record (the bridge quarantines relays for unknown people). */
export const registered = (state: Resident, residentId: string): Registered => {
  if (state.kind === 'unregistered') throw new DomainError('UNKNOWN_RESIDENT', `no record of resident ${residentId}`);
  return state;
};

/** MLTR-3, REG-3: after a death or naturalisation only the card's return and finding are recorded. */
export const stillAForeignResident = (state: Registered, on: IsoDate): Timeline => {
  const timeline = buildTimeline(state.facts);
  if (timeline.diedOn !== null && !isBefore(on, timeline.diedOn))
    throw new DomainError('RESIDENT_DECEASED', `resident ${state.residentId} died on ${timeline.diedOn}`);
  if (timeline.naturalisedOn !== null && !isBefore(on, timeline.naturalisedOn))
    throw new DomainError('NO_LONGER_A_FOREIGN_NATIONAL', `resident ${state.residentId} acquired Japanese nationality on ${timeline.naturalisedOn}`);
  return timeline;
};

/** The status at the end of the command's legal date, by the one status function (REG-2). */
export const statusOn = (state: Registered, on: IsoDate): ResidentStatus => statusAt(state.facts, { asOf: on });

/** Art. 19-3: the duties of Arts. 19-7 to 19-13 and the card are a mid-to-long-term resident's. */
export const requireMltr = (state: Registered, on: IsoDate, what: string): ResidentStatus => {
  const status = statusOn(state, on);
  if (!status.midToLongTermResident.is)
    throw new DomainError(
      'NOT_A_MID_TO_LONG_TERM_RESIDENT',
      `${what}: resident ${state.residentId} is not a mid-to-long-term resident on ${on} (${status.midToLongTermResident.reason}, Art. 19-3)`,
    );
  return status;
};

/** The person holds a status of residence at the end of the date (in Japan or abroad on a permit). */
export const requireStatus = (state: Registered, on: IsoDate, what: string): ResidentStatus => {
  const status = statusOn(state, on);
  if (status.stay.kind !== 'status')
    throw new DomainError('NO_STATUS_HELD', `${what}: resident ${state.residentId} holds no status of residence on ${on}`);
  return status;
};

/** Same content, ignoring key order: a retried fact changes nothing (style.md "a retry changes nothing"). */
export const sameData = (a: unknown, b: unknown): boolean => JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));

const sortKeys = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => [k, sortKeys(v)]),
  );
};
