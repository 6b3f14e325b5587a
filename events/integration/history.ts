import { addressAt } from '../../services/register/domain/address-status.js';
import type { Fact } from '../../services/register/domain/facts.js';
import { particularsOn as particularsAt } from '../../services/register/domain/particulars.js';
import { statusAt, statusContext } from '../../services/register/domain/status.js';
import type { ResidentEvent } from '../catalogue.js';
import type { MunicipalityCode } from '../values.js';
import type { AddressView, ResidentStatus } from '../../services/register/domain/status-types.js';
import { addDays } from '../refine.js';
import type { IsoDate } from '../values.js';
import { CeaseReason } from './payloads.js';
import type { Draft } from './draft.js';

/**
 * The resident's facts without and with the event being mapped (revisions 0..k-1 and 0..k). Meaning
 * that depends on history is the difference between what the domain's own status function answers
 * for the two: the law is never re-derived here.
 */
export interface History {
  readonly residentId: string;
  readonly before: readonly Fact[];
  readonly after: readonly Fact[];
}

const at = (facts: readonly Fact[], asOf: IsoDate): ResidentStatus => statusAt(facts, { asOf });
/** The parts of the status function the mapping asks most (MLTR or not, the stay, the address): much cheaper than the whole status. */
const contextAt = (facts: readonly Fact[], asOf: IsoDate) => statusContext(facts, { asOf });
const isMltr = (facts: readonly Fact[], on: IsoDate): boolean => contextAt(facts, on).mltrOn(on);

const ceaseReason = (status: ResidentStatus) => {
  const parsed = CeaseReason.safeParse(status.midToLongTermResident.reason);
  return parsed.success ? parsed.data : 'NO_STATUS';
};

/** Became / ceased to be an MLTR on `on`, as this event tells it (MLTR-2, MLTR-3). */
export const mltrTransition = (history: History, on: IsoDate): Draft[] => {
  const wasMltr = isMltr(history.before, on);
  if (wasMltr === isMltr(history.after, on)) return [];
  const now = at(history.after, on);
  const mltr = now.midToLongTermResident;
  if (!wasMltr && mltr.is && now.stay.kind === 'status') {
    const { stay } = now;
    return [{
      name: 'became-mid-to-long-term-resident', on: mltr.since ?? on,
      data: {
        residentId: history.residentId, since: mltr.since ?? on, via: stay.grantedVia,
        statusOfResidence: stay.status, periodOfStay: stay.periodOfStay, expiresOn: stay.expiresOn,
      },
    }];
  }
  if (wasMltr && !mltr.is)
    return [{ name: 'ceased-to-be-mid-to-long-term-resident', on, data: { residentId: history.residentId, ceasedOn: on, reason: ceaseReason(now) } }];
  return [];
};

/** The legal date on which a fact can make or end an MLTR period: what `mltrTransition` is asked about. */
export const transitionDateOf = (event: ResidentEvent): IsoDate | undefined => {
  switch (event.type) {
    case 'LandingPermitted': return event.data.permittedOn;
    case 'StatusPermissionGranted': return event.data.grantedOn;
    case 'ApplicationDecided': return event.data.decidedOn;
    case 'DepartureConfirmed': return event.data.departedOn;
    case 'StatusOfResidenceCancelled': return event.data.cancelledOn;
    case 'ResidentDied': return event.data.diedOn;
    case 'JapaneseNationalityAcquired': return event.data.acquiredOn;
    default: return undefined;
  }
};

const TIME_DRIVEN: ReadonlySet<string> = new Set(['OVERSTAY', 'REENTRY_PERMIT_LAPSED']);

/** Whether an earlier fact of the stream already published the end of the MLTR period on `on`. */
const announcedBefore = (history: History, on: IsoDate): boolean =>
  history.before.some((fact, j) =>
    transitionDateOf(fact.event) === on &&
    mltrTransition({ residentId: history.residentId, before: history.before.slice(0, j), after: history.before.slice(0, j + 1) }, on)
      .some((draft) => draft.name === 'ceased-to-be-mid-to-long-term-resident'));

/**
 * An MLTR period that ended by the passing of time, with `on` its first day without the status.
 * No fact announces it (unless a refusal in the special period did: then not again); the clock's
 * card invalidation is the first event that can.
 */
export const timeDrivenEnd = (history: History, on: IsoDate): Draft[] => {
  const { stay } = contextAt(history.after, on);
  const dayBefore = addDays(on, -1);
  if (stay.kind !== 'ended' || !TIME_DRIVEN.has(stay.reason) || dayBefore === null) return [];
  if (!isMltr(history.after, dayBefore) || announcedBefore(history, on)) return [];
  return [{ name: 'ceased-to-be-mid-to-long-term-resident', on, data: { residentId: history.residentId, ceasedOn: on, reason: ceaseReason(at(history.after, on)) } }];
};

const municipalityOf = (address: AddressView | null): MunicipalityCode | null =>
  address === null ? null : address.state === 'vacated' ? address.municipalityCode : address.address.municipalityCode;

/**
 * The municipality of record on `on` (a vacated residence keeps its municipality until another is
 * known) and, for the personal topic, the street address, when this event changed them.
 */
export const addressChange = (history: History, on: IsoDate): Draft[] => {
  const was = addressAt(contextAt(history.before, on));
  const address = addressAt(contextAt(history.after, on));
  if (address === null || address.state === 'vacated') return [];
  const drafts: Draft[] = [];
  const previous = municipalityOf(was);
  if (previous !== address.address.municipalityCode)
    drafts.push({
      name: 'residence-municipality-changed', on: address.since,
      data: { residentId: history.residentId, municipalityCode: address.address.municipalityCode, previousMunicipalityCode: previous, movedInOn: address.since },
    });
  const sameStreet = was !== null && was.state !== 'vacated' && JSON.stringify(was.address) === JSON.stringify(address.address) && was.since === address.since;
  if (!sameStreet)
    drafts.push({
      name: 'residence-address-changed', on: address.since,
      data: { residentId: history.residentId, movedInOn: address.since, address: address.address },
    });
  return drafts;
};

/** The identity particulars in force on `on` (Art. 19-4(1)(i)), personal topic only. */
export const particularsOn = (history: History, on: IsoDate): Draft[] => {
  const particulars = particularsAt(history.after, on);
  if (particulars === null) return [];
  return [{ name: 'resident-particulars', on, data: { residentId: history.residentId, effectiveOn: on, ...particulars } }];
};

/** The status of residence held at the end of `on`, as known before this event. */
export const stayBefore = (history: History, on: IsoDate): { readonly status: string; readonly expiresOn: IsoDate | null } | null => {
  const { stay } = contextAt(history.before, on);
  return stay.kind === 'status' ? { status: stay.grant.grant.status, expiresOn: stay.grant.grant.expiresOn } : null;
};
