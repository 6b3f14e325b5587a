import { z } from 'zod';
import { ApplicationId, CardNumber, Channel, FiledBy, IsoDate, ResidentId } from './values.js';

/** Fields every card issue carries: a new number every time (Art. 19-4(2), CARD-2). */
const cardIssue = {
  residentId: ResidentId,
  cardNumber: CardNumber, // Art. 19-4(1)(v), (2)
  issuedOn: IsoDate, // Art. 19-4(1)(v); the permission takes effect on this day (20(5), 22(4))
  printedValidUntil: IsoDate, // Art. 19-4(1)(v): the validity printed on the card, kept even if it disagrees with 19-5
  channel: Channel, // rules.md §15: counter, online or post
  receivedOn: IsoDate.optional(), // a card mailed after an online application reaches the holder later (§15)
  filedBy: FiledBy.optional(), // Art. 61-9-3
  applicationId: ApplicationId.optional(),
};

/** Why a card was issued, named for the article that orders the issue (CARD-3). */
export const CardIssueReason = z.enum([
  'landing', // Art. 19-6
  'change-of-status', // Art. 20(4)(i)
  'extension', // Art. 21(4) applying 20(4)(i)
  'permanent-residence', // Art. 22(3)
  'acquisition', // Art. 22-2(3), (4); 22-3
  'special-permission-to-stay', // Art. 50(3)
  'refugee-related', // Art. 61-2-2(3)(i)
  'identity-change', // Art. 19-10(2)
]);
export type CardIssueReason = z.infer<typeof CardIssueReason>;

export const ResidenceCardIssued = z.object({
  type: z.literal('ResidenceCardIssued'),
  data: z.object({ ...cardIssue, reason: CardIssueReason }),
});
export type ResidenceCardIssued = z.infer<typeof ResidenceCardIssued>;

export const CardReissueReason = z.enum([
  'loss', // Art. 19-12(2): loss, theft, destruction
  'damage', // Art. 19-13(1): badly damaged or soiled, or chip record damaged
  'exchange', // Art. 19-13(1): exchange without damage (fee, 67-2)
  'ordered', // Art. 19-13(4) on an application ordered under 19-13(2), (3)
]);
export type CardReissueReason = z.infer<typeof CardReissueReason>;

export const ResidenceCardReissued = z.object({
  type: z.literal('ResidenceCardReissued'),
  data: z.object({ ...cardIssue, reason: CardReissueReason }),
});
export type ResidenceCardReissued = z.infer<typeof ResidenceCardReissued>;

/** A new card on renewal of validity (Art. 19-11(3)); excluded from 19-5(1)(ii), (iv). */
export const ResidenceCardRenewed = z.object({
  type: z.literal('ResidenceCardRenewed'),
  data: z.object(cardIssue),
});
export type ResidenceCardRenewed = z.infer<typeof ResidenceCardRenewed>;

/** The Commissioner orders the holder of a damaged card to apply for a new one (Art. 19-13(2)). */
export const ResidenceCardReissueOrdered = z.object({
  type: z.literal('ResidenceCardReissueOrdered'),
  data: z.object({
    residentId: ResidentId,
    cardNumber: CardNumber, // the damaged card
    orderReceivedOn: IsoDate, // Art. 19-13(3): the 14 days count from receipt of the order
  }),
});
export type ResidenceCardReissueOrdered = z.infer<typeof ResidenceCardReissueOrdered>;
