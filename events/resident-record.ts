import { z } from 'zod';
import { Address, IsoDate, PersonalParticulars, RelayId, ResidentId } from './values.js';

/**
 * Why a municipality entered a foreign resident's resident record (住民票) without a residence
 * notification under the ICRRA: a BRRA filing made without the card is not a deemed notification
 * (Arts. 19-7(3), 19-8(3), 19-9(3) need the card), a birth, or an entry ex officio.
 */
export const ResidentRecordEntryReason = z.enum([
  'moving-in-without-card', // BRRA Arts. 22, 23, 30-46, 30-47 filed without the card
  'birth', // BRRA birth registration; the 60/30 days of Art. 22-2(1), (2) run from it
  'ex-officio', // entry made by the municipal head of its own motion
]);
export type ResidentRecordEntryReason = z.infer<typeof ResidentRecordEntryReason>;

/**
 * A resident-record entry relayed under Art. 61-8-2 (MUNI-2). It tells the register where and since
 * when the person lives (the clocks of 19-7, 19-8, 19-9 start there) but is not itself the
 * residence notification: the duty stays open until a notification is filed.
 */
export const ResidentRecordEntered = z.object({
  type: z.literal('ResidentRecordEntered'),
  data: z.object({
    residentId: ResidentId,
    reason: ResidentRecordEntryReason,
    address: Address,
    residenceEstablishedOn: IsoDate, // moved-in date or date of birth: the day the residence began
    enteredOn: IsoDate, // Art. 61-8-2: the day the municipal head made the entry
    person: PersonalParticulars.optional(), // when the entry opens the person's record (a newborn)
    relayId: RelayId,
  }),
});
export type ResidentRecordEntered = z.infer<typeof ResidentRecordEntered>;
