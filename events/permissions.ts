import { z } from 'zod';
import { fail } from './refine.js';
import { PeriodOfStay, StatusAttributes, StatusOfResidence } from './status-of-residence.js';
import { ApplicationId, IsoDate, PersonalParticulars, Port, ResidentId } from './values.js';

const WITHOUT_END: ReadonlySet<PeriodOfStay> = new Set(['indefinite', 'duration-of-diplomatic-activities']);

/** A status of residence with its period of stay, as a permission decides it (Art. 2-2(3), 19-4(1)(iii)). */
export const StatusGrant = z
  .object({
    status: StatusOfResidence,
    periodOfStay: PeriodOfStay, // Art. 2-2(3): set by ordinance per status
    expiresOn: IsoDate.nullable(), // Art. 19-4(1)(iii): expiry of the period of stay; null when it has no end
    attributes: StatusAttributes.default({}),
  })
  .superRefine((grant, ctx) => {
    const withoutEnd = WITHOUT_END.has(grant.periodOfStay);
    if (withoutEnd && grant.expiresOn !== null) fail(ctx, 'expiresOn', `must be null for a period of stay "${grant.periodOfStay}"`);
    if (!withoutEnd && grant.expiresOn === null) fail(ctx, 'expiresOn', 'must be the expiry date of a fixed period of stay');
  });
export type StatusGrant = z.infer<typeof StatusGrant>;

/** What an application asks for: any part of a grant, nothing checked across fields. */
export const RequestedGrant = z.object({
  status: StatusOfResidence.optional(),
  periodOfStay: PeriodOfStay.optional(),
  expiresOn: IsoDate.nullable().optional(),
  attributes: StatusAttributes.optional(),
});
export type RequestedGrant = z.infer<typeof RequestedGrant>;

/** Landing permission with a status determined by the inspector (Ch. III s.1/2); the card follows under 19-6. */
export const LandingPermitted = z.object({
  type: z.literal('LandingPermitted'),
  data: z.object({
    residentId: ResidentId,
    permittedOn: IsoDate, // Art. 9(1): day of the landing stamp; starts the 22-4(1)(viii) clock
    port: Port,
    person: PersonalParticulars, // Art. 19-4(1)(i)
    grant: StatusGrant,
  }),
});
export type LandingPermitted = z.infer<typeof LandingPermitted>;

/** The permissions other than landing that confer a status (MLTR-2). */
export const StatusPermissionKind = z.enum([
  'change-of-status', // Art. 20(3)
  'extension', // Art. 21(3)
  'permanent-residence', // Art. 22(2)
  'acquisition', // Art. 22-2(3), (4)
  'temporary-refuge-acquisition', // Art. 22-3
  'special-permission-to-stay', // Art. 50(1)
  'refugee-related', // Art. 61-2-2(1), (2)
]);
export type StatusPermissionKind = z.infer<typeof StatusPermissionKind>;

/** How the grant was notified to the person (Art. 20(4)(i)–(iii)); it takes effect then (20(5)). */
export const PermissionNotice = z.enum(['residence-card', 'passport-endorsement', 'certificate']);
export type PermissionNotice = z.infer<typeof PermissionNotice>;

const ACQUISITIONS: ReadonlySet<StatusPermissionKind> = new Set(['acquisition', 'temporary-refuge-acquisition']);

export const StatusPermissionGranted = z.object({
  type: z.literal('StatusPermissionGranted'),
  data: z
    .object({
      residentId: ResidentId,
      kind: StatusPermissionKind,
      grantedOn: IsoDate, // Arts. 20(5), 22(4): the day the card is issued when notified by card
      grant: StatusGrant,
      applicationId: ApplicationId.optional(),
      notifiedBy: PermissionNotice, // Art. 20(4)
      person: PersonalParticulars.optional(), // when the permission opens the record (e.g. a newborn, 22-2)
      residenceRecordCopySubmitted: z.boolean().default(false), // Art. 19-8(4): deemed residence notification
    })
    .superRefine((data, ctx) => {
      const toPermanent = data.grant.status === 'permanent-resident';
      if (data.kind === 'permanent-residence' && !toPermanent)
        fail(ctx, ['grant', 'status'], 'permanent residence grants the status permanent-resident (Art. 22(2))');
      if (data.kind === 'permanent-residence' && data.notifiedBy !== 'residence-card')
        fail(ctx, 'notifiedBy', 'permanent residence is notified by issuing a residence card (Art. 22(3))');
      if (data.kind === 'change-of-status' && toPermanent)
        fail(ctx, ['grant', 'status'], 'permanent residence is not obtained by a change of status (Art. 20(2) proviso)');
      if (data.residenceRecordCopySubmitted && !ACQUISITIONS.has(data.kind))
        fail(ctx, 'residenceRecordCopySubmitted', 'only an acquisition under Art. 22-2 or 22-3 is deemed notified (Art. 19-8(4))');
    }),
});
export type StatusPermissionGranted = z.infer<typeof StatusPermissionGranted>;
