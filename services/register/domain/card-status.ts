import type { CardView, ObligationView, StatusContext } from './status-types.js';

// PLACEHOLDER — being written: CARD-4/5, INV-1/2, NOTIF-5/6/7.
export const cardsAt = (_ctx: StatusContext): CardView[] => [];
export const cardObligations = (_ctx: StatusContext): ObligationView[] => [];
