import { z } from 'zod';
import { CardNumber, IsoDate, ResidentId } from './values.js';

/** The grounds on which a card loses effect, in the order of Art. 19-14 items (i)–(vi) (INV-1). */
export const CardInvalidationGround = z.enum([
  'ceased-to-be-mltr', // (i)
  'validity-expired', // (ii)
  'departed-without-reentry-permit', // (iii)
  'not-reentered-in-time', // (iv)
  'new-card-issued', // (v)
  'died', // (vi)
]);
export type CardInvalidationGround = z.infer<typeof CardInvalidationGround>;

/** One ground of Art. 19-14 took effect; several grounds for one card are several events. */
export const ResidenceCardInvalidated = z.object({
  type: z.literal('ResidenceCardInvalidated'),
  data: z.object({
    residentId: ResidentId,
    cardNumber: CardNumber,
    ground: CardInvalidationGround, // Art. 19-14
    invalidOn: IsoDate, // first day without effect (INV-1 "effective from")
  }),
});
export type ResidenceCardInvalidated = z.infer<typeof ResidenceCardInvalidated>;

/** Return of a card that lost effect (Art. 19-15(1)–(3) holder; 19-15(4) relatives or cohabitants). */
export const ResidenceCardReturned = z.object({
  type: z.literal('ResidenceCardReturned'),
  data: z.object({
    residentId: ResidentId,
    cardNumber: CardNumber,
    returnedOn: IsoDate,
    returnedBy: z.enum(['holder', 'relative', 'cohabitant']), // Art. 19-15(4) after a death
  }),
});
export type ResidenceCardReturned = z.infer<typeof ResidenceCardReturned>;

/** The holder reports the card lost, stolen or destroyed and so owes a reissue application (Art. 19-12(1)). */
export const ResidenceCardReportedLost = z.object({
  type: z.literal('ResidenceCardReportedLost'),
  data: z.object({
    residentId: ResidentId,
    cardNumber: CardNumber,
    cause: z.enum(['loss', 'theft', 'destruction']), // Art. 19-12(1): 紛失、盗難、滅失
    learnedOn: IsoDate, // Art. 19-12(1): the 14 days count from the day the holder learned of it
    learnedAbroad: z.boolean(), // Art. 19-12(1): then from the first entry into Japan afterwards
    reportedOn: IsoDate,
  }),
});
export type ResidenceCardReportedLost = z.infer<typeof ResidenceCardReportedLost>;

/** A card reported lost was found; if it had lapsed it must be returned (Art. 19-15(3), INV-2). */
export const ResidenceCardFound = z.object({
  type: z.literal('ResidenceCardFound'),
  data: z.object({
    residentId: ResidentId,
    cardNumber: CardNumber,
    foundOn: IsoDate, // Art. 19-15(3), (4): the 14 days count from the finding
  }),
});
export type ResidenceCardFound = z.infer<typeof ResidenceCardFound>;
