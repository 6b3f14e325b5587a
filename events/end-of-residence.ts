import { z } from 'zod';
import { IsoDate, ResidentId } from './values.js';

/** Death: the card lapses (Art. 19-14(vi)); relatives or cohabitants return it (19-15(4)). */
export const ResidentDied = z.object({
  type: z.literal('ResidentDied'),
  data: z.object({
    residentId: ResidentId,
    diedOn: IsoDate, // Art. 19-14(vi), 19-15(4): the 14 days count from the death
  }),
});
export type ResidentDied = z.infer<typeof ResidentDied>;

/** Naturalisation: no longer a foreign national (Art. 2(ii)), so no longer an MLTR (19-14(i), MLTR-3). */
export const JapaneseNationalityAcquired = z.object({
  type: z.literal('JapaneseNationalityAcquired'),
  data: z.object({
    residentId: ResidentId,
    acquiredOn: IsoDate, // Nationality Act Art. 10(2) [gen]: effective on the day of the gazette notice
  }),
});
export type JapaneseNationalityAcquired = z.infer<typeof JapaneseNationalityAcquired>;
