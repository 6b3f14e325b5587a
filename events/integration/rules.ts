import type { EventOf, ResidentEvent } from '../catalogue.js';
import type { IsoDate } from '../values.js';
import type { Draft } from './draft.js';
import { addressChange, mltrTransition, particularsOn, stayBefore, timeDrivenEnd, transitionDateOf, type History } from './history.js';

/** What a rule may ask for: the resident's history (read only when needed) and the day it was recorded (JST). */
export interface RuleContext {
  readonly history: () => Promise<History>;
  readonly recordedOn: IsoDate;
}

const ARTICLE = {
  'ceased-to-be-mltr': '19-14(i)', 'validity-expired': '19-14(ii)', 'departed-without-reentry-permit': '19-14(iii)',
  'not-reentered-in-time': '19-14(iv)', 'new-card-issued': '19-14(v)', died: '19-14(vi)',
} as const;

const ADDRESS_GROUNDS: ReadonlySet<string> = new Set(['viii', 'ix']);

const withHistory = async (ctx: RuleContext, build: (history: History) => Draft[]): Promise<Draft[]> => build(await ctx.history());

const grant = async ({ data }: EventOf<'StatusPermissionGranted'>, ctx: RuleContext): Promise<Draft[]> =>
  withHistory(ctx, (history) => {
    const held = stayBefore(history, data.grantedOn);
    const stay = { statusOfResidence: data.grant.status, periodOfStay: data.grant.periodOfStay, expiresOn: data.grant.expiresOn };
    const drafts: Draft[] = [];
    if (data.kind === 'extension')
      drafts.push({ name: 'period-of-stay-extended', on: data.grantedOn, data: { residentId: data.residentId, extendedOn: data.grantedOn, previousExpiresOn: held?.expiresOn ?? null, ...stay } });
    else if (held?.status !== data.grant.status)
      drafts.push({
        name: 'status-of-residence-changed', on: data.grantedOn,
        data: { residentId: data.residentId, changedOn: data.grantedOn, kind: data.kind, previousStatusOfResidence: held?.status ?? null, ...stay },
      });
    drafts.push(...mltrTransition(history, data.grantedOn));
    if (data.person !== undefined) drafts.push(...particularsOn(history, data.grantedOn));
    return drafts;
  });

const cardIssued = (residentId: string, cardNumber: string, issuedOn: IsoDate, validUntil: IsoDate, reason: string): Draft[] => [
  { name: 'residence-card-issued', on: issuedOn, data: { residentId, cardNumber, issuedOn, validUntil, reason } },
];

const cardInvalidated = async ({ data }: EventOf<'ResidenceCardInvalidated'>, ctx: RuleContext): Promise<Draft[]> => {
  const invalidated: Draft = {
    name: 'residence-card-invalidated', on: data.invalidOn,
    data: { residentId: data.residentId, cardNumber: data.cardNumber, ground: data.ground, article: ARTICLE[data.ground], invalidOn: data.invalidOn },
  };
  if (data.ground === 'new-card-issued' || data.ground === 'died' || data.ground === 'departed-without-reentry-permit') return [invalidated];
  return [invalidated, ...(await withHistory(ctx, (history) => timeDrivenEnd(history, data.invalidOn)))];
};

/** `first`, then became / ceased on the event's transition date (the one `timeDrivenEnd` checks against). */
const transitionOn = (ctx: RuleContext, event: ResidentEvent, first: Draft[] = []): Promise<Draft[]> => {
  const on = transitionDateOf(event);
  return on === undefined ? Promise.resolve(first) : withHistory(ctx, (history) => [...first, ...mltrTransition(history, on)]);
};

/** The integration events one domain event yields; `MAPPING_TABLE` says the same in words. */
export const draftsOf = async (event: ResidentEvent, ctx: RuleContext): Promise<Draft[]> => {
  switch (event.type) {
    case 'LandingPermitted':
      return withHistory(ctx, (history) => [...mltrTransition(history, event.data.permittedOn), ...particularsOn(history, event.data.permittedOn)]);
    case 'StatusPermissionGranted': return grant(event, ctx);
    case 'ResidenceCardIssued': case 'ResidenceCardReissued': {
      const { residentId, cardNumber, issuedOn, printedValidUntil, reason } = event.data;
      return cardIssued(residentId, cardNumber, issuedOn, printedValidUntil, reason);
    }
    case 'ResidenceCardRenewed': {
      const { residentId, cardNumber, issuedOn, printedValidUntil } = event.data;
      return cardIssued(residentId, cardNumber, issuedOn, printedValidUntil, 'renewal');
    }
    case 'ResidenceCardInvalidated': return cardInvalidated(event, ctx);
    case 'ResidenceAddressNotified': return withHistory(ctx, (history) => addressChange(history, event.data.movedInOn));
    case 'ResidenceAddressCorrected': return withHistory(ctx, (history) => addressChange(history, event.data.correctedOn));
    case 'ResidentRecordEntered': {
      const on = event.data.residenceEstablishedOn;
      return withHistory(ctx, (history) => [...addressChange(history, on), ...(event.data.person === undefined ? [] : particularsOn(history, on))]);
    }
    case 'IdentityParticularsChanged': return withHistory(ctx, (history) => particularsOn(history, event.data.changedOn));
    case 'ApplicationDecided': return transitionOn(ctx, event);
    case 'DepartureConfirmed': {
      const { residentId, departedOn, reentry } = event.data;
      return transitionOn(ctx, event, [{ name: 'departed', on: departedOn, data: { residentId, departedOn, reentry: reentry.kind } }]);
    }
    case 'Reentered': {
      const { residentId, reenteredOn, reentry } = event.data;
      return [{ name: 'reentered', on: reenteredOn, data: { residentId, reenteredOn, reentry } }];
    }
    case 'CancellationGroundDetected': {
      const { residentId, ground, groundFrom, nominalDeadline, effectiveDeadline } = event.data;
      if (!ADDRESS_GROUNDS.has(ground)) return [];
      return [{ name: 'address-lapse-ground-detected', on: groundFrom, data: { residentId, ground, groundFrom, nominalDeadline, effectiveDeadline } }];
    }
    case 'CancellationGroundWithdrawn': {
      const { residentId, ground, groundFrom, reason } = event.data;
      // A withdrawal carries no legal date of its own: it takes effect the day the register records it.
      if (!ADDRESS_GROUNDS.has(ground)) return [];
      return [{ name: 'address-lapse-ground-withdrawn', on: ctx.recordedOn, data: { residentId, ground, groundFrom, reason } }];
    }
    case 'StatusOfResidenceCancelled': {
      const { residentId, cancelledOn, grounds, departBy } = event.data;
      return transitionOn(ctx, event, [{ name: 'status-of-residence-cancelled', on: cancelledOn, data: { residentId, cancelledOn, grounds, departBy } }]);
    }
    case 'ResidentDied': return transitionOn(ctx, event);
    case 'JapaneseNationalityAcquired': return transitionOn(ctx, event);
    case 'ResidenceCardReissueOrdered': case 'ResidenceCardReturned': case 'ResidenceCardReportedLost': case 'ResidenceCardFound':
    case 'ResidenceAddressVacated': case 'AffiliationNotified': case 'AcceptingInstitutionReported': case 'SpecifiedSkilledWorkerOrganizationReported':
    case 'ApplicationFiled': case 'ReentryPermitGranted': case 'ReentryPermitExtended': case 'JustifiableReasonRecorded':
    case 'HearingNoticeServed': case 'NotificationOverdue':
      return [];
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
};
