import { z } from 'zod';
import { RequestedGrant } from './permissions.js';
import { ApplicationId, Channel, FiledBy, IsoDate, ResidentId } from './values.js';

/** What the resident applied for (Arts. 20(2), 21(2), 22(1), 22-2(2), 26(1), 19-11, 19-12, 19-13). */
export const ApplicationKind = z.enum([
  'change-of-status', // Art. 20(2)
  'extension', // Art. 21(2)
  'permanent-residence', // Art. 22(1)
  'acquisition', // Art. 22-2(2), 22-3
  'reentry-permit', // Art. 26(1)
  'card-renewal', // Art. 19-11(1)
  'card-reissue', // Art. 19-12(1), 19-13(1), (3)
]);
export type ApplicationKind = z.infer<typeof ApplicationKind>;

export const ApplicationFiled = z.object({
  type: z.literal('ApplicationFiled'),
  data: z.object({
    residentId: ResidentId,
    applicationId: ApplicationId,
    kind: ApplicationKind,
    filedOn: IsoDate, // Art. 20(6): a change/extension filed before expiry opens the special period
    channel: Channel, // rules.md §15: online since March 2022
    filedBy: FiledBy, // Art. 61-9-3(1)(iii), (2), (4)
    requested: RequestedGrant.optional(),
  }),
});
export type ApplicationFiled = z.infer<typeof ApplicationFiled>;

/** The disposition of an application; a grant also appears as its own permission or card event. */
export const ApplicationDecided = z.object({
  type: z.literal('ApplicationDecided'),
  data: z.object({
    residentId: ResidentId,
    applicationId: ApplicationId,
    decidedOn: IsoDate, // Art. 20(6)(a): the special period ends with the disposition
    outcome: z.enum(['granted', 'denied', 'withdrawn']),
  }),
});
export type ApplicationDecided = z.infer<typeof ApplicationDecided>;
