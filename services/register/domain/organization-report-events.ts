import type { AcceptingInstitutionReported, SswReportKind } from '../../../events/organization-reports.js';
import type { IsoDate, Organization } from '../../../events/values.js';
import { categoriesHeldOn, runStartOn, type ActivityEffect, type AffiliationEvent } from './affiliation-held.js';
import { affiliationCategory, type AffiliationCategory } from './eligibility.js';
import { factsOf } from './facts.js';
import { isOnOrBefore } from './rules/calendar.js';
import type { StatusContext } from './status-types.js';

/** What a report tells about the activity, and which 19-16 event of the resident it reveals, per category. */
interface Meaning {
  readonly activity: ActivityEffect;
  readonly events: Partial<Record<AffiliationCategory, string>>;
}

/** AFF-2, Art. 19-17: the end of acceptance is the student's 離脱 or the end of a contract; a start is a move or a new contract. */
const ACCEPTANCE: Readonly<Record<AcceptingInstitutionReported['data']['kind'], Meaning>> = {
  'acceptance-ended': { activity: 'end', events: { 'activity-institution': 'left', 'contract-institution': 'contract-ended' } },
  'acceptance-started': { activity: 'start', events: { 'activity-institution': 'transferred', 'contract-institution': 'contract-concluded' } },
  'conditions-changed': { activity: 'none', events: {} },
};

/** AFF-3, Art. 19-18(1)(i): the SSW employment contract; the worker's own 19-16(ii) duty is a separate obligation. */
const SSW_CONTRACT: Partial<Readonly<Record<SswReportKind, Meaning>>> = {
  'contract-terminated': { activity: 'end', events: { 'contract-institution': 'contract-ended' } },
  'contract-concluded': { activity: 'start', events: { 'contract-institution': 'contract-concluded' } },
  'contract-changed': { activity: 'none', events: {} },
};

interface Report {
  readonly kind: string;
  readonly occurredOn: IsoDate;
  readonly organization: Organization;
  readonly revision: number;
  readonly meaning: Meaning;
}

/** An ending belongs to the status held when the day began, a start to the one held when it ended. */
const reportCategory = (ctx: StatusContext, report: Report): AffiliationCategory | null => {
  const held = categoriesHeldOn(ctx, report.occurredOn).filter((c) => c !== 'spouse');
  return (report.meaning.activity === 'end' ? held[0] : held.at(-1)) ?? null;
};

/** The organization the status was granted for: a start reported on the day the category began is no 19-16 event. */
const beganWithStatus = (ctx: StatusContext, category: AffiliationCategory, occurredOn: IsoDate): boolean => {
  const start = runStartOn(ctx, occurredOn, (g) => affiliationCategory(g.grant.status, g.grant.attributes) === category);
  return start !== null && isOnOrBefore(occurredOn, start.on);
};

const toEvent = (ctx: StatusContext, report: Report): AffiliationEvent => {
  const category = reportCategory(ctx, report);
  const revealed = category === null ? undefined : report.meaning.events[category];
  const initial = category !== null && report.meaning.activity === 'start' && beganWithStatus(ctx, category, report.occurredOn);
  const notifiable = revealed !== undefined && !initial;
  return {
    source: 'reported', category, event: notifiable ? revealed : report.kind, notifiable, activity: report.meaning.activity,
    occurredOn: report.occurredOn, notifiedOn: null, organization: report.meaning.activity === 'end' ? null : report.organization,
    revision: report.revision,
  };
};

/** AFF-2, AFF-3 (Arts. 19-17, 19-18(1)(i)): organization reports, read as the resident's 19-16 events they reveal. */
export const reportedEvents = (ctx: StatusContext): AffiliationEvent[] => [
  ...factsOf(ctx.timeline.facts, 'AcceptingInstitutionReported').map(({ event: { data }, revision }) =>
    toEvent(ctx, { kind: data.kind, occurredOn: data.occurredOn, organization: data.organization, revision, meaning: ACCEPTANCE[data.kind] }),
  ),
  ...factsOf(ctx.timeline.facts, 'SpecifiedSkilledWorkerOrganizationReported').flatMap(({ event: { data }, revision }) => {
    const meaning = SSW_CONTRACT[data.kind];
    return meaning === undefined ? [] : [toEvent(ctx, { kind: data.kind, occurredOn: data.occurredOn, organization: data.organization, revision, meaning })];
  }),
];
