import { z } from 'zod';
import { fail } from './refine.js';
import { IsoDate, Organization, ResidentId } from './values.js';

/**
 * An institution accepting a holder of an Appended Table I status reports the acceptance. An endeavour
 * duty only (Art. 19-17, AFF-2): no deadline, no penalty; corroborates the resident's own 19-16 notice.
 */
export const AcceptingInstitutionReported = z.object({
  type: z.literal('AcceptingInstitutionReported'),
  data: z.object({
    residentId: ResidentId,
    kind: z.enum(['acceptance-started', 'acceptance-ended', 'conditions-changed']), // Art. 19-17
    occurredOn: IsoDate,
    reportedOn: IsoDate,
    organization: Organization,
  }),
});
export type AcceptingInstitutionReported = z.infer<typeof AcceptingInstitutionReported>;

/** The item of Art. 19-18 a specified-skilled-worker organization reports under (AFF-3). */
export const SswReportItem = z.enum([
  '19-18(1)(i)', // change, termination or conclusion of the SSW employment contract
  '19-18(1)(ii)', // change of the support plan for SSW (i)
  '19-18(1)(iii)', // conclusion, change or termination of a support-outsourcing contract (2-5(5))
  '19-18(1)(iv)', // other cases named by ordinance
  '19-18(2)', // periodic report
]);
export type SswReportItem = z.infer<typeof SswReportItem>;

export const SswReportKind = z.enum([
  'contract-changed',
  'contract-terminated',
  'contract-concluded',
  'support-plan-changed',
  'support-outsourcing-concluded',
  'support-outsourcing-changed',
  'support-outsourcing-terminated',
  'ordinance-case',
  'periodic-report',
]);
export type SswReportKind = z.infer<typeof SswReportKind>;

const KINDS_OF_ITEM: Readonly<Record<SswReportItem, readonly SswReportKind[]>> = {
  '19-18(1)(i)': ['contract-changed', 'contract-terminated', 'contract-concluded'],
  '19-18(1)(ii)': ['support-plan-changed'],
  '19-18(1)(iii)': ['support-outsourcing-concluded', 'support-outsourcing-changed', 'support-outsourcing-terminated'],
  '19-18(1)(iv)': ['ordinance-case'],
  '19-18(2)': ['periodic-report'],
};

/** A mandatory report by the SSW organization (Art. 19-18); separate from the worker's 19-16(ii) duty. */
export const SpecifiedSkilledWorkerOrganizationReported = z.object({
  type: z.literal('SpecifiedSkilledWorkerOrganizationReported'),
  data: z
    .object({
      residentId: ResidentId,
      item: SswReportItem, // Art. 19-18(1)(i)–(iv), (2)
      kind: SswReportKind,
      occurredOn: IsoDate, // for a periodic report (19-18(2)), the last day of the period reported on
      reportedOn: IsoDate,
      organization: Organization,
    })
    .superRefine((data, ctx) => {
      if (!KINDS_OF_ITEM[data.item].includes(data.kind)) fail(ctx, 'kind', `"${data.kind}" is not reported under Art. ${data.item}`);
    }),
});
export type SpecifiedSkilledWorkerOrganizationReported = z.infer<typeof SpecifiedSkilledWorkerOrganizationReported>;
