import type { CancellationCandidateView, GroundWatchView, StatusContext } from './status-types.js';

// PLACEHOLDER — being written: CAN-3 (viii), (ix).
export const cancellationGrounds = (_ctx: StatusContext): { cancellationGrounds: CancellationCandidateView[]; watches: GroundWatchView[] } => ({
  cancellationGrounds: [],
  watches: [],
});
