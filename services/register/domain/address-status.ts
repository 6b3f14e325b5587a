import type { ResidenceFact } from './address-facts.js';
import { acquisitionAfterBirthDuties, identityChangeDuties } from './identity-birth-duties.js';
import { entryWindows } from './mltr-periods.js';
import { residenceNotificationDuties } from './residence-duties.js';
import { notificationsBy, residenceHistoryOf, residenceOn } from './residence-history.js';
import type { AddressView, ObligationView, StatusContext } from './status-types.js';

export { addressAnomalies } from './address-anomalies.js';

/**
 * MUNI-3, Art. 61-8-2, DT-8: the residence at the end of D by valid date — 'notified' once notified by
 * D, 'recorded' while known but not (yet) notified, 'vacated' after a move-out.
 */
export const addressAt = (ctx: StatusContext): AddressView | null => {
  const at = residenceOn(residenceHistoryOf(ctx.timeline.facts), ctx.asOf);
  if (at === null) return null;
  if (at.kind === 'vacated') return { state: 'vacated', municipalityCode: at.vacated.municipalityCode, since: at.vacated.movedOutOn };
  const { residence } = at;
  const notification = notificationsBy(residence, ctx.asOf)[0];
  if (notification !== undefined)
    return { state: 'notified', address: notification.address, since: residence.since, notifiedOn: notification.notifiedOn, relayId: notification.relayId };
  const latest: ResidenceFact | undefined = residence.facts.filter((f) => f.kind === 'recorded').at(-1) ?? residence.facts[0];
  if (latest === undefined) return null;
  return { state: 'recorded', address: latest.address, since: residence.since, relayId: latest.relayId };
};

/** NOTIF-1 to NOTIF-4, APP-5 (Arts. 19-7, 19-8, 19-9, 19-10, 22-2(2)): the residence and identity duties at D. */
export const residenceObligations = (ctx: StatusContext): ObligationView[] => {
  const history = residenceHistoryOf(ctx.timeline.facts);
  return [
    ...residenceNotificationDuties(ctx, history, entryWindows(ctx)),
    ...identityChangeDuties(ctx),
    ...acquisitionAfterBirthDuties(ctx, history),
  ];
};
