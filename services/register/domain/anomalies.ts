import { addressAnomalies } from './address-status.js';
import { cardAnomalies } from './card-status.js';
import { isAfter, isOnOrAfter } from './rules/calendar.js';
import type { Anomaly, StatusContext } from './status-types.js';

/** DRP-2, reading #10: a refugee travel document departure voids the card literally; a person must review it. */
const refugeeTravelDocumentDepartures = (ctx: StatusContext): Anomaly[] =>
  ctx.timeline.departures
    .filter((d) => d.travelDocument === 'refugee-travel-document' && !isAfter(d.departedOn, ctx.asOf))
    .map((d) => ({
      code: 'REFUGEE_TRAVEL_DOCUMENT_DEPARTURE',
      message: 'departed on a refugee travel document: Art. 19-14(iii) read literally voids the card; route to manual review (reading #10)',
      on: d.departedOn,
    }));

/** REP-1: a departure naming a re-entry permit the register does not hold. */
const unknownPermits = (ctx: StatusContext): Anomaly[] =>
  ctx.timeline.departures.flatMap((d) =>
    d.reentry.kind === 'reentry-permit' && !ctx.timeline.permits.has(d.reentry.permitId)
      ? [{ code: 'UNKNOWN_REENTRY_PERMIT', message: `departure under re-entry permit ${d.reentry.permitId}, which the register does not hold`, on: d.departedOn }]
      : [],
  );

/** REP-1, DRP-1: a re-entry recorded after the (deemed) permit had lapsed is not a re-entry on that permit. */
const lateReentries = (ctx: StatusContext): Anomaly[] => {
  const { stay } = ctx;
  if (stay.kind !== 'ended' || stay.reason !== 'REENTRY_PERMIT_LAPSED') return [];
  return ctx.timeline.reentries
    .filter((r) => isOnOrAfter(r.reenteredOn, stay.since) && !isAfter(r.reenteredOn, ctx.asOf))
    .map((r) => ({ code: 'REENTRY_AFTER_PERMIT_LAPSED', message: `re-entered on ${r.reenteredOn}, after the permit lapsed on ${stay.since}`, on: r.reenteredOn }));
};

/** Facts that are accepted but unusual: shown, never dropped (issue: rejections and anomalies). */
export const anomaliesOf = (ctx: StatusContext): Anomaly[] => [
  ...addressAnomalies(ctx),
  ...cardAnomalies(ctx),
  ...refugeeTravelDocumentDepartures(ctx),
  ...unknownPermits(ctx),
  ...lateReentries(ctx),
];
