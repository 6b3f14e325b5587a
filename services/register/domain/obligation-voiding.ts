import type { ObligationView, StatusContext } from './status-types.js';

export const applyEndOfResidence = (_ctx: StatusContext, obligations: ObligationView[]): ObligationView[] => obligations;
