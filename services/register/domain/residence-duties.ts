import type { IsoDate } from '../../../events/values.js';
import type { NotifiedFact } from './address-facts.js';
import { inWindow, windowAt, type EntryWindow } from './mltr-periods.js';
import { isOnOrBefore, maxDate, minDate } from './rules/calendar.js';
import { newResidenceDeadline, residenceAfterLandingDeadline, residenceAfterPermissionDeadline } from './rules/deadlines.js';
import { obligationAt } from './residence-duty-state.js';
import {
  allNotifications, establishedOn, filedOn, notificationsBy, residenceOn, type Residence, type ResidenceHistory,
} from './residence-history.js';
import type { ObligationView, StatusContext } from './status-types.js';

/** NOTIF-1 to NOTIF-3 (Arts. 19-7, 19-8, 19-9): the residence-notification duties. */

export interface Settling {
  readonly residence: Residence;
  /** The day the residence was established as relayed (reading #11: may precede the landing). */
  readonly on: IsoDate;
}

/**
 * NOTIF-1, NOTIF-2, Arts. 19-7(1), 19-8(1): the first residence the person settled in during the window — its facts were filed,
 * or it was established, in the window; its earliest such date is the settling day.
 */
export const settlingIn = (history: ResidenceHistory, window: EntryWindow): Settling | null => {
  for (const residence of history.residences) {
    const dates = residence.facts
      .filter((f) => inWindow(window, filedOn(f)) || inWindow(window, establishedOn(f)))
      .map(establishedOn);
    const on = dates.reduce<IsoDate | null>((min, d) => (min === null ? d : minDate(min, d)), null);
    if (on !== null) return { residence, on };
  }
  return null;
};

/** NOTIF-1, NOTIF-2, CAN-3 (Arts. 19-7, 19-8, 22-4(1)(viii)): the notifications filed in the window, earliest first. */
export const notificationsIn = (history: ResidenceHistory, window: EntryWindow): NotifiedFact[] =>
  allNotifications(history).filter((n) => inWindow(window, n.notifiedOn));

const firstFiledBy = (notifications: readonly NotifiedFact[], asOf: IsoDate): IsoDate | null =>
  notifications.find((n) => isOnOrBefore(n.notifiedOn, asOf))?.notifiedOn ?? null;

/** NOTIF-1, Art. 19-7(1): 14 days from settling after the landing (reading #11: never before the landing). */
const afterLanding = (ctx: StatusContext, history: ResidenceHistory, window: EntryWindow): ObligationView => {
  const settled = settlingIn(history, window);
  const known = settled !== null && isOnOrBefore(maxDate(settled.on, window.from), ctx.asOf);
  const deadline = known
    ? residenceAfterLandingDeadline({ landedOn: window.from, residenceEstablishedOn: settled.on }, ctx.policy.calendar)
    : null;
  const filed = firstFiledBy(notificationsIn(history, window), ctx.asOf);
  return obligationAt({ duty: '19-7', subject: `landing ${window.from}`, deadline, filedOn: filed }, ctx.asOf);
};

/** NOTIF-2, Art. 19-8(1): the day the 14 days start — the permission if already resident then, else settling. */
const permissionClockStart = (ctx: StatusContext, history: ResidenceHistory, window: EntryWindow): IsoDate | null => {
  if (residenceOn(history, window.from)?.kind === 'residing') return window.from;
  const settled = settlingIn(history, window);
  return settled !== null && isOnOrBefore(maxDate(settled.on, window.from), ctx.asOf) ? maxDate(settled.on, window.from) : null;
};

/** NOTIF-2, Art. 19-8(1), (4): residence after becoming newly an MLTR by a permission; deemed filed with a record copy. */
const afterPermission = (ctx: StatusContext, history: ResidenceHistory, window: EntryWindow): ObligationView => {
  const { grant } = window.entry;
  const deemed = grant.residenceRecordCopySubmitted;
  const start = deemed ? window.from : permissionClockStart(ctx, history, window);
  const deadline =
    start === null ? null : residenceAfterPermissionDeadline({ permittedOn: window.from, residenceEstablishedOn: start }, ctx.policy.calendar);
  const filed = deemed ? window.from : firstFiledBy(notificationsIn(history, window), ctx.asOf);
  return obligationAt({ duty: '19-8', subject: `${grant.via} ${window.from}`, deadline, filedOn: filed }, ctx.asOf);
};

/** NOTIF-3: a residence notified in the same MLTR period, filed by the day the person moved into `residence`. */
const notifiedBefore = (history: ResidenceHistory, residence: Residence, window: EntryWindow): boolean =>
  history.residences.some(
    (r) => r.index < residence.index && notificationsBy(r, residence.since).some((n) => inWindow(window, n.notifiedOn)),
  );

/** NOTIF-3, Art. 19-9(1): 14 days from moving into a new residence after a notified one; met by its notification. */
const newResidence = (ctx: StatusContext, history: ResidenceHistory, residence: Residence): ObligationView[] => {
  if (!isOnOrBefore(residence.since, ctx.asOf) || !ctx.mltrOn(residence.since)) return [];
  const window = windowAt(ctx, residence.since);
  if (window === null || !notifiedBefore(history, residence, window)) return [];
  const deadline = newResidenceDeadline(residence.since, ctx.policy.calendar);
  const filed = notificationsBy(residence, ctx.asOf)[0]?.notifiedOn ?? null;
  const subject = `residence ${residence.municipalityCode} from ${residence.since}`;
  return [obligationAt({ duty: '19-9', subject, deadline, filedOn: filed }, ctx.asOf)];
};

/** NOTIF-1, NOTIF-2, NOTIF-3 (Arts. 19-7, 19-8, 19-9): the residence-notification duties at the end of D. */
export const residenceNotificationDuties = (ctx: StatusContext, history: ResidenceHistory, windows: readonly EntryWindow[]): ObligationView[] => [
  ...windows
    .filter((w) => isOnOrBefore(w.from, ctx.asOf))
    .map((w) => (w.entry.grant.via === 'landing' ? afterLanding(ctx, history, w) : afterPermission(ctx, history, w))),
  ...history.residences.flatMap((r) => newResidence(ctx, history, r)),
];
