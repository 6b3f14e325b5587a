import { z } from 'zod';
import { addDays, fail, onOrAfter } from './refine.js';
import { IsoDate, ResidentId } from './values.js';

/** The resident's filing duties with a deadline, named by article (NOTIF-10). */
export const Obligation = z.enum([
  '19-7', // residence after a new landing
  '19-8', // residence after becoming an MLTR by permission
  '19-9', // new residence
  '19-10', // identity items
  '19-11', // card validity renewal, by the expiry date
  '19-12', // reissue after loss
  '19-13(3)', // reissue on order
  '19-15', // return of the card
  '19-16', // affiliation / spouse
  '22-2(2)', // acquisition of status: 30 days
]);
export type Obligation = z.infer<typeof Obligation>;

/** Appended by the clock when a duty passes its effective deadline unfiled ("overdue from", section 4). */
export const NotificationOverdue = z.object({
  type: z.literal('NotificationOverdue'),
  data: z
    .object({
      residentId: ResidentId,
      obligation: Obligation,
      clockStartedOn: IsoDate, // the day excluded from the count (DT-2)
      nominalDeadline: IsoDate, // Civil Code Arts. 140–143
      effectiveDeadline: IsoDate, // after the closed-day roll-forward (DT-6)
      overdueSince: IsoDate, // the day after effectiveDeadline
      asOf: IsoDate, // the as-of date of the clock tick
    })
    .superRefine((data, ctx) => {
      if (!onOrAfter(data.nominalDeadline, data.clockStartedOn)) fail(ctx, 'nominalDeadline', 'must not be before clockStartedOn');
      if (!onOrAfter(data.effectiveDeadline, data.nominalDeadline))
        fail(ctx, 'effectiveDeadline', 'must not be before nominalDeadline (DT-6)');
      if (data.overdueSince !== addDays(data.effectiveDeadline, 1))
        fail(ctx, 'overdueSince', 'must be the day after effectiveDeadline');
      if (!onOrAfter(data.asOf, data.overdueSince)) fail(ctx, 'asOf', 'must not be before overdueSince');
    }),
});
export type NotificationOverdue = z.infer<typeof NotificationOverdue>;
