import { entryWindows } from './mltr-periods.js';
import { isBefore, isOnOrBefore } from './rules/calendar.js';
import { settlingIn } from './residence-duties.js';
import { allNotifications, residenceHistoryOf, type ResidenceHistory } from './residence-history.js';
import type { Anomaly, StatusContext } from './status-types.js';

/** NOTIF-1 reading #11: a moved-in date before the landing; the 19-7 clock starts at the landing instead. */
const movedInBeforeLanding = (ctx: StatusContext, history: ResidenceHistory): Anomaly[] =>
  entryWindows(ctx)
    .filter((w) => w.entry.grant.via === 'landing' && isOnOrBefore(w.from, ctx.asOf))
    .flatMap((w) => {
      const settled = settlingIn(history, w);
      if (settled === null || !isBefore(settled.on, w.from)) return [];
      const message = `moved-in date ${settled.on} precedes the landing on ${w.from}; the Art. 19-7 clock starts at the landing (reading #11)`;
      return [{ code: 'MOVED_IN_BEFORE_LANDING', message, on: settled.on }];
    });

/** MUNI-3: a residence notification filed while the person was not an MLTR is no 19-7/19-8 notification ('unmatched'). */
const notifiedWithoutStatus = (ctx: StatusContext, history: ResidenceHistory): Anomaly[] =>
  allNotifications(history)
    .filter((n) => isOnOrBefore(n.notifiedOn, ctx.asOf) && !ctx.mltrOn(n.notifiedOn))
    .map((n) => ({
      code: 'RESIDENCE_NOTIFIED_WITHOUT_STATUS',
      message: `relay ${n.relayId} was filed on ${n.notifiedOn} while the person was not a mid-to-long-term resident; held as unmatched (MUNI-3)`,
      on: n.notifiedOn,
    }));

/** MUNI-3: a correction naming a relay the register does not know (yet). */
const correctionOfUnknownRelay = (ctx: StatusContext, history: ResidenceHistory): Anomaly[] =>
  history.facts.unmatchedCorrections
    .filter((c) => isOnOrBefore(c.correctedOn, ctx.asOf))
    .map((c) => ({
      code: 'ADDRESS_CORRECTION_UNMATCHED',
      message: `correction of relay ${c.correctsRelayId}, which the register does not know; held until it arrives (MUNI-3, Art. 61-8-2)`,
      on: c.correctedOn,
    }));

/** CAN-3 (ix): a move-out from no residence the register knows; the (ix) precondition cannot be checked. */
const moveOutOfUnknownResidence = (ctx: StatusContext, history: ResidenceHistory): Anomaly[] =>
  history.moveOuts
    .filter((m) => m.left === null && isOnOrBefore(m.vacated.movedOutOn, ctx.asOf))
    .map((m) => ({
      code: 'MOVE_OUT_OF_UNKNOWN_RESIDENCE',
      message: `move-out on ${m.vacated.movedOutOn} from municipality ${m.vacated.municipalityCode}, where no residence is known (Art. 22-4(1)(ix))`,
      on: m.vacated.movedOutOn,
    }));

/** MUNI-3, NOTIF-1 reading #11 (Arts. 61-8-2, 19-7(1)): data-quality findings about the residence facts at the end of D. */
export const addressAnomalies = (ctx: StatusContext): Anomaly[] => {
  const history = residenceHistoryOf(ctx.timeline.facts);
  return [
    ...movedInBeforeLanding(ctx, history),
    ...notifiedWithoutStatus(ctx, history),
    ...correctionOfUnknownRelay(ctx, history),
    ...moveOutOfUnknownResidence(ctx, history),
  ];
};
