import type { Logger } from 'pino';
import type { Intake } from './intake.js';
import type { QuarantineStore } from './quarantine-store.js';
import { Relay } from './relay-schema.js';

/**
 * Causes that time can remove: the landing or card not yet in the register, a corrected relay not yet
 * arrived, a newborn's entry before the grant of status (Art. 22-2) opens the record.
 */
const WAITING = new Set(['UNKNOWN_CARD', 'RESIDENT_NOT_PROJECTED', 'UNKNOWN_RELAY', 'UNKNOWN_RESIDENT', 'NO_CARD_NUMBER']);

export interface SweepResult {
  readonly examined: number;
  readonly applied: number;
}

/**
 * Issue #5, item 7: a relay that arrived before the landing is kept and applied when it can be.
 * Re-applies, as the relaying office, every open entry whose cause may have gone; an entry whose
 * cause needs an officer (identity mismatch, a decision of the law) stays for `reapply`.
 */
export const sweepQuarantine = async (quarantine: QuarantineStore, intake: Intake, logger: Logger, pageSize = 200): Promise<SweepResult> => {
  let examined = 0;
  let applied = 0;
  for (let after = 0; ; ) {
    const page = quarantine.list({ state: 'open', afterId: after, limit: pageSize });
    for (const entry of page.filter((e) => WAITING.has(e.reason.code))) {
      examined += 1;
      const outcome = await intake.apply(Relay.parse(entry.relay), entry.raw, { actor: `municipality-${entry.municipalityCode}` });
      if (outcome.outcome === 'accepted' || outcome.outcome === 'duplicate') applied += 1;
    }
    const last = page.at(-1);
    if (last === undefined || page.length < pageSize) break;
    after = last.id;
  }
  if (applied > 0) logger.info({ examined, applied }, 'quarantine sweep applied relays');
  return { examined, applied };
};
