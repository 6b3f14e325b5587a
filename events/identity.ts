import { z } from 'zod';
import { IsoDate, PersonalParticulars, ResidentId } from './values.js';

/** The identity items that changed, with their new values; at least one. */
export const ParticularsChange = PersonalParticulars.partial().refine(
  (changes) => Object.values(changes).some((value) => value !== undefined),
  'must change at least one of name, dateOfBirth, sex, nationality',
);
export type ParticularsChange = z.infer<typeof ParticularsChange>;

/** Notification of a change of name, date of birth, sex or nationality/region (Art. 19-10(1)); a new card follows (19-10(2)). */
export const IdentityParticularsChanged = z.object({
  type: z.literal('IdentityParticularsChanged'),
  data: z.object({
    residentId: ResidentId,
    changedOn: IsoDate, // Art. 19-10(1): the 14 days count from the change
    notifiedOn: IsoDate, // Art. 19-10(1): filed with the Commissioner (61-9-3(1)(ii))
    changes: ParticularsChange, // Art. 19-4(1)(i)
  }),
});
export type IdentityParticularsChanged = z.infer<typeof IdentityParticularsChanged>;
