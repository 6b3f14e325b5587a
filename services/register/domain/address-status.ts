import type { AddressView, ObligationView, StatusContext } from './status-types.js';

// PLACEHOLDER — being written: address view with 61-8-2 corrections, NOTIF-1..4, 22-2(2).
export const addressAt = (_ctx: StatusContext): AddressView | null => null;
export const residenceObligations = (_ctx: StatusContext): ObligationView[] => [];
