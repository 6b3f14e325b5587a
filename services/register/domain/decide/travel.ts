import type { ResidentEvent } from '../../../../events/catalogue.js';
import type { IsoDate } from '../../../../events/values.js';
import type { CommandOf } from '../commands.js';
import { mltrEligibility } from '../eligibility.js';
import { DomainError } from '../errors.js';
import type { Resident } from '../resident.js';
import { isAfter, isBefore, isOnOrBefore } from '../rules/calendar.js';
import { isWithinReentryPermitCap, latestExtendedReentryValidity } from '../rules/reentry.js';
import { stayAt } from '../stay.js';
import { registered, requireStatus, stillAForeignResident, type Registered } from './guards.js';
import type { Timeline } from '../timeline.js';

const permitValidity = (timeline: Timeline, permitId: string, on: IsoDate) => {
  const history = timeline.permits.get(permitId);
  if (history === undefined) throw new DomainError('UNKNOWN_REENTRY_PERMIT', `re-entry permit ${permitId} was not granted to this resident`);
  const current = history.filter((h) => isOnOrBefore(h.on, on)).at(-1) ?? history[0];
  return { validUntil: current?.validUntil ?? on };
};

/** DRP-1, Art. 26-2(1) and ordinance: no deemed permit for ≤ 3 months, Temporary Visitors, or after a hearing notice. */
const checkSpecialReentry = (timeline: Timeline, on: IsoDate): void => {
  const stay = stayAt(timeline, on);
  if (stay.kind !== 'status') return;
  const excluded = mltrEligibility(stay.grant.grant);
  if (!excluded.eligible && (excluded.reason === 'TEMPORARY_VISITOR' || excluded.reason === 'PERIOD_OF_STAY_THREE_MONTHS_OR_LESS'))
    throw new DomainError('SPECIAL_REENTRY_NOT_AVAILABLE', `a special re-entry permit is not available with ${excluded.reason} (Art. 26-2(1), 19-3(i), (ii))`);
  if (timeline.hearingNoticesServedOn.some((d) => isOnOrBefore(stay.grant.on, d) && isOnOrBefore(d, on)))
    throw new DomainError('SPECIAL_REENTRY_NOT_AVAILABLE', 'a hearing notice has been served: a re-entry permit is needed (Art. 26-2(1) proviso, ordinance)');
};

/** DEP-1, Art. 25: departure confirmation; under a re-entry permit it must be valid, under 26-2 the person must qualify. */
export const confirmDeparture = ({ data }: CommandOf<'ConfirmDeparture'>, state: Resident): ResidentEvent[] => {
  const resident = registered(state, data.residentId);
  const timeline = stillAForeignResident(resident, data.departedOn);
  const stay = stayAt(timeline, data.departedOn);
  if (stay.kind === 'status' && stay.abroad !== null && isBefore(stay.abroad.departedOn, data.departedOn))
    throw new DomainError('ALREADY_ABROAD', `resident ${data.residentId} departed on ${stay.abroad.departedOn} and has not re-entered`);
  if (data.reentry.kind === 'reentry-permit' && isAfter(data.departedOn, permitValidity(timeline, data.reentry.permitId, data.departedOn).validUntil))
    throw new DomainError('REENTRY_PERMIT_EXPIRED', `re-entry permit ${data.reentry.permitId} is no longer valid on ${data.departedOn}`);
  if (data.reentry.kind === 'special-reentry') checkSpecialReentry(timeline, data.departedOn);
  return [{ type: 'DepartureConfirmed', data }];
};

/** REP-1, Art. 26(1), (3): granted to a person in Japan with a status; at most 5 years from the effective date. */
export const grantReentryPermit = ({ data }: CommandOf<'GrantReentryPermit'>, state: Resident): ResidentEvent[] => {
  const resident = registered(state, data.residentId);
  stillAForeignResident(resident, data.grantedOn);
  requireStatus(resident, data.grantedOn, 're-entry permit (Art. 26(1))');
  if (!isWithinReentryPermitCap(data.effectiveOn, data.validUntil))
    throw new DomainError('REENTRY_PERMIT_TOO_LONG', `a re-entry permit is valid at most 5 years from ${data.effectiveOn} (Art. 26(3))`);
  return [{ type: 'ReentryPermitGranted', data }];
};

const abroadUnder = (resident: Registered, on: IsoDate) => {
  const status = requireStatus(resident, on, 're-entry permit extension');
  return status.travel;
};

/** REP-1, Art. 26(4)–(6); DRP-1, Art. 26-2(3): a deemed permit cannot be extended; a real one by ≤ 1 year, ≤ 6 years in all. */
export const extendReentryPermit = ({ data }: CommandOf<'ExtendReentryPermit'>, state: Resident): ResidentEvent[] => {
  const resident = registered(state, data.residentId);
  const timeline = stillAForeignResident(resident, data.extendedOn);
  const travel = abroadUnder(resident, data.extendedOn);
  if (!timeline.permits.has(data.permitId) && travel.under === 'special-reentry')
    throw new DomainError('DEEMED_REENTRY_PERMIT_NOT_EXTENDABLE', 'a special (deemed) re-entry permit cannot be extended abroad (Art. 26-2(3))');
  const { validUntil } = permitValidity(timeline, data.permitId, data.extendedOn);
  const granted = resident.facts.find((f) => f.event.type === 'ReentryPermitGranted' && f.event.data.permitId === data.permitId);
  const effectiveOn = granted?.event.type === 'ReentryPermitGranted' ? granted.event.data.effectiveOn : data.extendedOn;
  if (data.basis === '26(5)-consular' && isAfter(data.validUntil, latestExtendedReentryValidity(effectiveOn, validUntil)))
    throw new DomainError('REENTRY_PERMIT_TOO_LONG', `an extension abroad is at most 1 year and ends within 6 years of ${effectiveOn} (Art. 26(5), (6))`);
  return [{ type: 'ReentryPermitExtended', data }];
};

/** REP-1, DRP-1: re-entry ends a trip abroad on a (deemed) re-entry permit within its validity. */
export const recordReentry = ({ data }: CommandOf<'RecordReentry'>, state: Resident): ResidentEvent[] => {
  const resident = registered(state, data.residentId);
  const timeline = stillAForeignResident(resident, data.reenteredOn);
  const stay = stayAt(timeline, data.reenteredOn);
  const lapsedTrip = stay.kind === 'ended' && stay.reason === 'REENTRY_PERMIT_LAPSED';
  if (lapsedTrip)
    throw new DomainError('REENTRY_PERMIT_EXPIRED', `the re-entry permit lapsed on ${stay.since}: the person must land anew (Arts. 26, 26-2, 19-14(iv))`);
  if (stay.kind !== 'status' || stay.abroad === null)
    throw new DomainError('NOT_ABROAD', `resident ${data.residentId} has no departure on a re-entry permit to return from`);
  if (stay.abroad.under !== data.reentry)
    throw new DomainError('REENTRY_DOES_NOT_MATCH_DEPARTURE', `the departure was under a ${stay.abroad.under}, not a ${data.reentry}`);
  return [{ type: 'Reentered', data }];
};
