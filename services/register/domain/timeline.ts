import type { StatusGrant } from '../../../events/permissions.js';
import type { ApplicationKind } from '../../../events/applications.js';
import type { DepartureConfirmed, Reentered } from '../../../events/travel.js';
import type { IsoDate } from '../../../events/values.js';
import { byDateThenRevision, factsOf, type Fact } from './facts.js';
import { minDate } from './rules/calendar.js';

/**
 * A permission that conferred a status: a landing or one of the permissions of MLTR-2. Its date is the
 * card issue date the ISA recorded, also for a card mailed after an online application (reading #19).
 * Reading #16: the kinds follow the seed text's cross-references in 19-8 and 22-4(1)(viii) (Arts. 50,
 * 61-2-2), to be re-verified against the current e-Gov text.
 */
export interface Grant {
  readonly on: IsoDate;
  readonly revision: number;
  readonly via: 'landing' | 'change-of-status' | 'extension' | 'permanent-residence' | 'acquisition'
    | 'temporary-refuge-acquisition' | 'special-permission-to-stay' | 'refugee-related';
  readonly grant: StatusGrant;
  readonly applicationId: string | undefined;
  /** Art. 19-8(4): a copy of the resident record came with an acquisition application. */
  readonly residenceRecordCopySubmitted: boolean;
}

export interface Application {
  readonly applicationId: string;
  readonly kind: ApplicationKind;
  readonly filedOn: IsoDate;
  readonly revision: number;
  /** The day of the disposition (ApplicationDecided, or the grant that names the application). */
  readonly disposedOn: IsoDate | null;
  readonly outcome: 'granted' | 'denied' | 'withdrawn' | null;
}

/** DEP-1, REP-1, DRP-1, DRP-2: what the stay and the anomalies read of a departure (copied field by field: cheaper than a spread). */
export interface Departure {
  readonly departedOn: IsoDate;
  readonly reentry: DepartureConfirmed['data']['reentry'];
  readonly travelDocument: DepartureConfirmed['data']['travelDocument'];
  readonly revision: number;
}

/** REP-1, DRP-1: what the stay reads of a re-entry. */
export interface Reentry {
  readonly reenteredOn: Reentered['data']['reenteredOn'];
  readonly revision: number;
}

export interface Timeline {
  readonly facts: readonly Fact[];
  readonly grants: readonly Grant[];
  readonly applications: readonly Application[];
  readonly departures: readonly Departure[];
  readonly reentries: readonly Reentry[];
  /** Per re-entry permit id: the validity history, each entry effective from `on`. */
  readonly permits: ReadonlyMap<string, readonly { readonly on: IsoDate; readonly validUntil: IsoDate }[]>;
  readonly diedOn: IsoDate | null;
  readonly naturalisedOn: IsoDate | null;
  readonly cancellations: readonly { readonly on: IsoDate; readonly revision: number; readonly departBy: IsoDate | null }[];
  readonly hearingNoticesServedOn: readonly IsoDate[];
  /** Art. 22-2(1): born in Japan (a resident-record entry by birth). */
  readonly bornOn: IsoDate | null;
}

const earliest = (dates: readonly IsoDate[]): IsoDate | null =>
  dates.reduce<IsoDate | null>((min, d) => (min === null ? d : minDate(min, d)), null);

const grantsOf = (facts: readonly Fact[]): Grant[] => [
  ...factsOf(facts, 'LandingPermitted').map(({ event: { data }, revision }): Grant => ({
    on: data.permittedOn, revision, via: 'landing', grant: data.grant, applicationId: undefined, residenceRecordCopySubmitted: false,
  })),
  ...factsOf(facts, 'StatusPermissionGranted').map(({ event: { data }, revision }): Grant => ({
    on: data.grantedOn, revision, via: data.kind, grant: data.grant, applicationId: data.applicationId,
    residenceRecordCopySubmitted: data.residenceRecordCopySubmitted,
  })),
].sort(byDateThenRevision((g) => g.on));

const applicationsOf = (facts: readonly Fact[], grants: readonly Grant[]): Application[] => {
  const decisions = factsOf(facts, 'ApplicationDecided');
  return factsOf(facts, 'ApplicationFiled').map(({ event: { data }, revision }): Application => {
    const decision = decisions.find((d) => d.event.data.applicationId === data.applicationId);
    const grant = grants.find((g) => g.applicationId === data.applicationId);
    const decided = decision?.event.data;
    const disposedOn = earliest([decided?.decidedOn, grant?.on].filter((d): d is IsoDate => d !== undefined));
    const outcome = decided?.outcome ?? (grant === undefined ? null : 'granted');
    return { applicationId: data.applicationId, kind: data.kind, filedOn: data.filedOn, revision, disposedOn, outcome };
  });
};

const permitsOf = (facts: readonly Fact[]): Map<string, { on: IsoDate; validUntil: IsoDate }[]> => {
  const permits = new Map<string, { on: IsoDate; validUntil: IsoDate }[]>();
  for (const { event } of facts) {
    if (event.type === 'ReentryPermitGranted')
      permits.set(event.data.permitId, [...(permits.get(event.data.permitId) ?? []), { on: event.data.grantedOn, validUntil: event.data.validUntil }]);
    if (event.type === 'ReentryPermitExtended')
      permits.set(event.data.permitId, [...(permits.get(event.data.permitId) ?? []), { on: event.data.extendedOn, validUntil: event.data.validUntil }]);
  }
  return permits;
};

/** Everything the stay, card and obligation rules read, extracted once from a resident's facts. */
export const buildTimeline = (facts: readonly Fact[]): Timeline => {
  const grants = grantsOf(facts);
  const births = factsOf(facts, 'ResidentRecordEntered').filter((f) => f.event.data.reason === 'birth');
  return {
    facts,
    grants,
    applications: applicationsOf(facts, grants),
    departures: factsOf(facts, 'DepartureConfirmed')
      .map(({ event: { data }, revision }): Departure => ({ departedOn: data.departedOn, reentry: data.reentry, travelDocument: data.travelDocument, revision }))
      .sort(byDateThenRevision((d) => d.departedOn)),
    reentries: factsOf(facts, 'Reentered')
      .map(({ event: { data }, revision }): Reentry => ({ reenteredOn: data.reenteredOn, revision }))
      .sort(byDateThenRevision((r) => r.reenteredOn)),
    permits: permitsOf(facts),
    diedOn: earliest(factsOf(facts, 'ResidentDied').map((f) => f.event.data.diedOn)),
    naturalisedOn: earliest(factsOf(facts, 'JapaneseNationalityAcquired').map((f) => f.event.data.acquiredOn)),
    cancellations: factsOf(facts, 'StatusOfResidenceCancelled').map((f) => ({
      on: f.event.data.cancelledOn, revision: f.revision, departBy: f.event.data.departBy,
    })),
    hearingNoticesServedOn: factsOf(facts, 'HearingNoticeServed').map((f) => f.event.data.servedOn),
    bornOn: earliest(births.map((f) => f.event.data.residenceEstablishedOn)),
  };
};
