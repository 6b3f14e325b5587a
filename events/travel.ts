import { z } from 'zod';
import { fail, onOrAfter } from './refine.js';
import { IsoDate, Port, ReentryPermitId, ResidentId } from './values.js';

/** On what the person left: without either, status and card end at departure (Art. 19-14(iii), DEP-1). */
export const DepartureReentry = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('reentry-permit'), permitId: ReentryPermitId }), // Art. 26(1)
  z.object({ kind: z.literal('special-reentry') }), // Art. 26-2(1): intent to re-enter declared
]);
export type DepartureReentry = z.infer<typeof DepartureReentry>;

export const TravelDocument = z.enum(['passport', 'refugee-travel-document']); // Art. 61-2-12
export type TravelDocument = z.infer<typeof TravelDocument>;

/** Departure confirmation by an inspector at the port (Art. 25(1)). */
export const DepartureConfirmed = z.object({
  type: z.literal('DepartureConfirmed'),
  data: z
    .object({
      residentId: ResidentId,
      departedOn: IsoDate, // JST date of the departure confirmation (DT-1)
      port: Port,
      reentry: DepartureReentry,
      travelDocument: TravelDocument,
    })
    .superRefine((data, ctx) => {
      if (data.reentry.kind === 'special-reentry' && data.travelDocument !== 'passport')
        fail(ctx, ['reentry', 'kind'], 'a special re-entry permit needs a valid passport (Art. 26-2(1))');
    }),
});
export type DepartureConfirmed = z.infer<typeof DepartureConfirmed>;

/** A re-entry permit granted in Japan (Art. 26(1)); validity is stored as written on the permit (DT-5). */
export const ReentryPermitGranted = z.object({
  type: z.literal('ReentryPermitGranted'),
  data: z
    .object({
      residentId: ResidentId,
      permitId: ReentryPermitId,
      grantedOn: IsoDate,
      effectiveOn: IsoDate, // Art. 26(2): effective from the date on the permit, counted from 00:00
      validUntil: IsoDate, // Art. 26(3): at most 5 years, checked by the domain
      multiple: z.boolean(), // Art. 26(1): single or multiple
    })
    .superRefine((data, ctx) => {
      if (!onOrAfter(data.validUntil, data.effectiveOn)) fail(ctx, 'validUntil', 'must not be before effectiveOn (Art. 26(2), (3))');
    }),
});
export type ReentryPermitGranted = z.infer<typeof ReentryPermitGranted>;

/** Extension of a re-entry permit's validity (Art. 26(4) in Japan, 26(5) by a consular officer abroad). */
export const ReentryPermitExtended = z.object({
  type: z.literal('ReentryPermitExtended'),
  data: z.object({
    residentId: ResidentId,
    permitId: ReentryPermitId,
    extendedOn: IsoDate,
    validUntil: IsoDate, // Art. 26(4): to the end of the special period; 26(5), (6): ≤ 1 year, ≤ 6 years in all
    basis: z.enum(['26(4)-special-period', '26(5)-consular']),
  }),
});
export type ReentryPermitExtended = z.infer<typeof ReentryPermitExtended>;

/** Re-entry on a permit: not a new landing, no new card, no new clocks (Art. 9(3) proviso, MLTR-2). */
export const Reentered = z.object({
  type: z.literal('Reentered'),
  data: z
    .object({
      residentId: ResidentId,
      reenteredOn: IsoDate, // Art. 19-12(1): the first entry after learning abroad of a lost card
      port: Port,
      reentry: z.enum(['reentry-permit', 'special-reentry']), // Art. 26(1), 26-2(1)
      permitId: ReentryPermitId.optional(),
    })
    .superRefine((data, ctx) => {
      if (data.reentry === 'reentry-permit' && data.permitId === undefined)
        fail(ctx, 'permitId', 'is required for a re-entry on a re-entry permit (Art. 26(1))');
      if (data.reentry === 'special-reentry' && data.permitId !== undefined)
        fail(ctx, 'permitId', 'must be absent: a special re-entry permit has no permit document (Art. 26-2(1))');
    }),
});
export type Reentered = z.infer<typeof Reentered>;

