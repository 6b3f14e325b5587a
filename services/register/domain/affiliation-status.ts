import type { AffiliationView, GroundHintView, ObligationView, StatusContext } from './status-types.js';

// PLACEHOLDER — being written: AFF-1..3, CAN-3 (vi), (vii), CAN-5.
export const affiliationAt = (_ctx: StatusContext): AffiliationView | null => null;
export const affiliationObligations = (_ctx: StatusContext): ObligationView[] => [];
export const groundHints = (_ctx: StatusContext): GroundHintView[] => [];
