import type { IsoDate } from '../../../events/values.js';
import { dayAfter, isAfter, isBefore, isOnOrAfter, isOnOrBefore } from './rules/calendar.js';
import { deemedReentryValidUntil } from './rules/reentry.js';
import { createsSpecialPeriod, specialPeriodLimit } from './rules/special-period.js';
import { stayWithoutStatusLastDay } from './rules/acquisition.js';
import type { Application, Grant, Timeline } from './timeline.js';

/** Why a lawful stay ended (MLTR-3, STAY-1, DEP-1, REP-1, CAN-4). */
export type StayEndReason =
  | 'OVERSTAY' // Art. 24(iv)(b) (incl. a denial during the special period) or 24(vii) after birth
  | 'DEPARTED_WITHOUT_REENTRY_PERMIT' // Art. 25, 19-14(iii)
  | 'REENTRY_PERMIT_LAPSED' // Art. 26, 26-2; 19-14(iv)
  | 'STATUS_CANCELLED' // Art. 22-4(6)
  | 'DIED' // 19-14(vi)
  | 'NATURALISED'; // Art. 2(ii): no longer a foreign national

export interface SpecialPeriodState {
  readonly applicationId: string;
  readonly startsOn: IsoDate;
  /** Art. 20(6)(b): the end of the day two months after the original expiry. */
  readonly limit: IsoDate;
}

export interface Abroad {
  readonly departedOn: IsoDate;
  readonly under: 'reentry-permit' | 'special-reentry';
  readonly permitId: string | undefined;
  /** Last day on which re-entry keeps the status (REP-1, DRP-1). */
  readonly returnBy: IsoDate;
}

export type Stay =
  | { readonly kind: 'none'; readonly reason: 'NO_STATUS_RECORDED' }
  | { readonly kind: 'without-status'; readonly bornOn: IsoDate; readonly lawfulUntil: IsoDate; readonly applicationPending: boolean }
  | {
      readonly kind: 'status';
      readonly grant: Grant;
      /** Last day of the period of stay, the special period included (24(iv)(b)); null when indefinite. */
      readonly lawfulUntil: IsoDate | null;
      readonly specialPeriod: SpecialPeriodState | null;
      readonly abroad: Abroad | null;
    }
  | {
      readonly kind: 'ended';
      readonly reason: StayEndReason;
      readonly since: IsoDate;
      readonly grant: Grant | null;
      /** Art. 22-4(7): the departure period designated in a cancellation notice. */
      readonly departBy: IsoDate | null;
    };

type Ending = { readonly reason: StayEndReason; readonly since: IsoDate; readonly departBy: IsoDate | null };

/** Happened after the grant: a later day, or the same day but recorded after it. */
const after = (grant: Grant, on: IsoDate, revision: number): boolean =>
  isAfter(on, grant.on) || (on === grant.on && revision > grant.revision);

const pendingSpecialPeriod = (timeline: Timeline, grant: Grant): { app: Application; limit: IsoDate } | null => {
  const { expiresOn, periodOfStay } = grant.grant;
  if (expiresOn === null) return null;
  const app = timeline.applications.find(
    (a) =>
      after(grant, a.filedOn, a.revision) &&
      (a.kind === 'change-of-status' || a.kind === 'extension') &&
      createsSpecialPeriod({ kind: a.kind, filedOn: a.filedOn, disposedOn: a.disposedOn }, { periodOfStay, expiresOn }),
  );
  return app === undefined ? null : { app, limit: specialPeriodLimit(expiresOn) };
};

/** STAY-1, APP-3: the last lawful day of the grant's period (special period included) as seen at D. */
const periodEnding = (timeline: Timeline, grant: Grant, asOf: IsoDate): { lawfulUntil: IsoDate | null; special: SpecialPeriodState | null; ending: Ending | null } => {
  const { expiresOn } = grant.grant;
  if (expiresOn === null) return { lawfulUntil: null, special: null, ending: null };
  const pending = pendingSpecialPeriod(timeline, grant);
  if (pending === null) return { lawfulUntil: expiresOn, special: null, ending: { reason: 'OVERSTAY', since: dayAfter(expiresOn), departBy: null } };
  const special = { applicationId: pending.app.applicationId, startsOn: dayAfter(expiresOn), limit: pending.limit };
  const disposed = pending.app.disposedOn;
  // A denial or withdrawal ends the special period at that moment (APP-3, S19); a grant is a new Grant.
  if (disposed !== null && isOnOrBefore(disposed, pending.limit) && isOnOrBefore(disposed, asOf) && pending.app.outcome !== 'granted')
    return { lawfulUntil: disposed, special, ending: { reason: 'OVERSTAY', since: disposed, departBy: null } };
  return { lawfulUntil: pending.limit, special, ending: { reason: 'OVERSTAY', since: dayAfter(pending.limit), departBy: null } };
};

const returnByOf = (timeline: Timeline, departure: Timeline['departures'][number], lawfulUntil: IsoDate | null, asOf: IsoDate): IsoDate => {
  if (departure.reentry.kind !== 'reentry-permit') return deemedReentryValidUntil(departure.departedOn, lawfulUntil);
  const history = timeline.permits.get(departure.reentry.permitId) ?? [];
  const known = history.filter((h) => isOnOrBefore(h.on, asOf)).at(-1) ?? history[0];
  // An unknown permit id is an anomaly (status.ts reports it); the deemed rule is the safe fallback.
  return known?.validUntil ?? deemedReentryValidUntil(departure.departedOn, lawfulUntil);
};

/** DEP-1, REP-1, DRP-1: walks the trips abroad after the grant; returns an ending or where the person is now. */
const travel = (timeline: Timeline, grant: Grant, lawfulUntil: IsoDate | null, asOf: IsoDate): { ending: Ending | null; abroad: Abroad | null } => {
  const trips = timeline.departures.filter((d) => after(grant, d.departedOn, d.revision) && isOnOrBefore(d.departedOn, asOf));
  for (const [i, departure] of trips.entries()) {
    if (departure.reentry.kind === 'none')
      return { ending: { reason: 'DEPARTED_WITHOUT_REENTRY_PERMIT', since: departure.departedOn, departBy: null }, abroad: null };
    const returnBy = returnByOf(timeline, departure, lawfulUntil, asOf);
    const next = trips[i + 1]?.departedOn;
    const reentry = timeline.reentries.find(
      (r) => isOnOrAfter(r.reenteredOn, departure.departedOn) && (next === undefined || isOnOrBefore(r.reenteredOn, next)),
    );
    const back = reentry !== undefined && isOnOrBefore(reentry.reenteredOn, asOf);
    if (back && isOnOrBefore(reentry.reenteredOn, returnBy)) continue;
    if (back || isAfter(asOf, returnBy)) return { ending: { reason: 'REENTRY_PERMIT_LAPSED', since: dayAfter(returnBy), departBy: null }, abroad: null };
    const permitId = departure.reentry.kind === 'reentry-permit' ? departure.reentry.permitId : undefined;
    const under = permitId === undefined ? 'special-reentry' : 'reentry-permit';
    return { ending: null, abroad: { departedOn: departure.departedOn, under, permitId, returnBy } };
  }
  return { ending: null, abroad: null };
};

const terminalEndings = (timeline: Timeline, grant: Grant): Ending[] => {
  const endings: Ending[] = [];
  if (timeline.diedOn !== null && !isBefore(timeline.diedOn, grant.on)) endings.push({ reason: 'DIED', since: timeline.diedOn, departBy: null });
  if (timeline.naturalisedOn !== null && !isBefore(timeline.naturalisedOn, grant.on))
    endings.push({ reason: 'NATURALISED', since: timeline.naturalisedOn, departBy: null });
  for (const c of timeline.cancellations)
    if (after(grant, c.on, c.revision)) endings.push({ reason: 'STATUS_CANCELLED', since: c.on, departBy: c.departBy });
  return endings;
};

/** The earliest ending that has happened by D; of endings on the same day, the first listed. */
const firstEndingBy = (endings: readonly Ending[], asOf: IsoDate): Ending | null => {
  let first: Ending | null = null;
  for (const e of endings) if (isOnOrBefore(e.since, asOf) && (first === null || isBefore(e.since, first.since))) first = e;
  return first;
};

const beforeAnyGrant = (timeline: Timeline, asOf: IsoDate): Stay => {
  const born = timeline.bornOn;
  if (born === null || isAfter(born, asOf)) return { kind: 'none', reason: 'NO_STATUS_RECORDED' };
  const lawfulUntil = stayWithoutStatusLastDay(born);
  const pending = timeline.applications.some(
    (a) => a.kind === 'acquisition' && isOnOrBefore(a.filedOn, asOf) && (a.disposedOn === null || isAfter(a.disposedOn, asOf)),
  );
  if (isAfter(asOf, lawfulUntil) && !pending)
    return { kind: 'ended', reason: 'OVERSTAY', since: dayAfter(lawfulUntil), grant: null, departBy: null };
  return { kind: 'without-status', bornOn: born, lawfulUntil, applicationPending: pending };
};

/** The last of the first `limit` grants dated on or before D. */
const latestGrantBy = (grants: readonly Grant[], asOf: IsoDate, limit: number): Grant | undefined => {
  for (let i = Math.min(limit, grants.length) - 1; i >= 0; i -= 1) {
    const grant = grants[i];
    if (grant !== undefined && isOnOrBefore(grant.on, asOf)) return grant;
  }
  return undefined;
};

/**
 * The person's stay at the end of legal date D (DT-8), from the latest grant on or before D and
 * everything after it: period expiry and the special period (STAY-1, APP-3), trips abroad (DEP-1,
 * REP-1, DRP-1), cancellation (CAN-4), death and naturalisation (MLTR-3). `grantLimit` evaluates as
 * if only the first n grants existed (to ask what the stay was just before a grant).
 */
export const stayAt = (timeline: Timeline, asOf: IsoDate, grantLimit = timeline.grants.length): Stay => {
  const grant = latestGrantBy(timeline.grants, asOf, grantLimit);
  if (grant === undefined) return beforeAnyGrant(timeline, asOf);
  const period = periodEnding(timeline, grant, asOf);
  const trips = travel(timeline, grant, period.lawfulUntil, asOf);
  const endings = terminalEndings(timeline, grant);
  if (trips.ending !== null) endings.push(trips.ending);
  if (period.ending !== null) endings.push(period.ending);
  const ended = firstEndingBy(endings, asOf);
  if (ended !== null) return { kind: 'ended', ...ended, grant };
  const special = period.special !== null && isOnOrAfter(asOf, period.special.startsOn) ? period.special : null;
  return { kind: 'status', grant, lawfulUntil: period.lawfulUntil, specialPeriod: special, abroad: trips.abroad };
};
