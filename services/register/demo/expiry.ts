import type { StatusOfResidence } from '../../../events/status-of-residence.js';
import { isoOf, openDayFrom, type Day } from './days.js';
import { issueCard, takeCard } from './cards.js';
import { drawPeriod, grantOf, holding } from './grants.js';
import { attributesFor, drawExpiryChoice } from './status-profiles.js';
import { filer, nextApplicationId, record, type Held, type Story } from './story.js';
import { leaveBetween } from './travel.js';

type Kind = 'extension' | 'change-of-status' | 'permanent-residence';

/** APP-1, APP-2, APP-4: the application as filed at the bureau (online since 2022, §15). */
const fileApplication = (story: Story, kind: Kind | 'card-renewal', filedOn: Day, status?: StatusOfResidence, period?: string): { id: string; online: boolean } => {
  const id = nextApplicationId(story, filedOn);
  const online = story.rng.chance(0.35);
  record(story, {
    type: 'FileApplication',
    data: {
      residentId: story.residentId, applicationId: id, kind, filedOn: isoOf(filedOn), channel: online ? 'online' : 'counter',
      filedBy: filer(story, filedOn) === 'relative' ? 'legal-representative' : 'self',
      ...(status === undefined ? {} : { requested: { status, ...(period === undefined ? {} : { periodOfStay: period }) } }),
    },
  }, filedOn);
  return { id, online };
};

/** Arts. 20(3)–(5), 21(3), 22(2)–(4): the grant, its disposition, and the card that notifies it, all on one day. */
const grant = (story: Story, kind: Kind, held: Held, grantedOn: Day, application: { id: string; online: boolean }): void => {
  const residentId = story.residentId;
  record(story, {
    type: 'GrantStatusPermission',
    data: { residentId, kind, grantedOn: isoOf(grantedOn), grant: grantOf(held), applicationId: application.id, notifiedBy: 'residence-card', residenceRecordCopySubmitted: false },
  }, grantedOn);
  record(story, { type: 'DecideApplication', data: { residentId, applicationId: application.id, decidedOn: isoOf(grantedOn), outcome: 'granted' } }, grantedOn);
  story.held = held;
  issueCard(story, held, grantedOn, { reason: kind, applicationId: application.id, online: application.online });
};

/**
 * APP-2/APP-3: when the period of stay nears its end the holder extends, changes status or goes home.
 * The application is filed before the expiry, so a decision after it falls in the special period of
 * Art. 20(6) (at most 45 days after filing here, well inside the two months). A few extensions are denied.
 */
export const expiryStep = (story: Story, day: Day): Day => {
  const { rng, held } = story;
  if (held === null || held.expiresOn === null) return day;
  const expiresOn = held.expiresOn;
  const choice = drawExpiryChoice(rng, held.status);
  if (choice.kind === 'leave') return leaveBetween(story, day, expiresOn - 1);
  const to = choice.kind === 'change' ? choice.to : held.status;
  const period = drawPeriod(story, to);
  const kind: Kind = choice.kind === 'change' ? 'change-of-status' : 'extension';
  const filedOn = Math.min(openDayFrom(day), expiresOn);
  const application = fileApplication(story, kind, filedOn, to, period);
  const decidedOn = openDayFrom(filedOn + rng.int(10, 45));
  if (kind === 'extension' && decidedOn + 7 <= expiresOn && rng.chance(0.02)) {
    record(story, { type: 'DecideApplication', data: { residentId: story.residentId, applicationId: application.id, decidedOn: isoOf(decidedOn), outcome: 'denied' } }, decidedOn);
    return leaveBetween(story, decidedOn + 1, expiresOn - 1);
  }
  const attributes = to === held.status ? held.attributes : attributesFor(rng, to, false);
  grant(story, kind, holding(story, to, attributes, period, kind === 'extension' ? expiresOn : decidedOn), decidedOn, application);
  return decidedOn;
};

/** APP-4, Art. 22: an application for permanent residence; the decision comes months later. */
export const applyForPermanentResidence = (story: Story, day: Day): Day => {
  const filedOn = openDayFrom(day);
  const { id } = fileApplication(story, 'permanent-residence', filedOn, 'permanent-resident');
  story.pendingPermanentResidence = { applicationId: id, decideOn: openDayFrom(filedOn + story.rng.int(120, 300)) };
  return filedOn;
};

/** APP-4: granted (a new card valid 7 years, 19-5(1)(i)) or denied; the holder keeps the status meanwhile. */
export const permanentResidenceDecision = (story: Story, day: Day): Day => {
  const pending = story.pendingPermanentResidence;
  story.pendingPermanentResidence = null;
  if (pending === null || story.held === null) return day;
  const decidedOn = openDayFrom(day);
  if (story.rng.chance(0.25)) {
    record(story, { type: 'DecideApplication', data: { residentId: story.residentId, applicationId: pending.applicationId, decidedOn: isoOf(decidedOn), outcome: 'denied' } }, decidedOn);
    return decidedOn;
  }
  grant(story, 'permanent-residence', holding(story, 'permanent-resident', {}, 'indefinite', decidedOn), decidedOn, { id: pending.applicationId, online: false });
  return decidedOn;
};

/** NOTIF-5, Art. 19-11: renewal of a 7-year or 16th-birthday card, by a relative while the holder is under 16. */
export const renewalStep = (story: Story, day: Day, limit: Day): Day => {
  const { card, held } = story;
  if (card === null || held === null) return day;
  const filedOn = openDayFrom(day);
  const application = fileApplication(story, 'card-renewal', filedOn);
  const issuedOn = Math.max(filedOn, Math.min(openDayFrom(filedOn + story.rng.int(7, 25)), card.validUntil, limit));
  const next = takeCard(story, held, issuedOn, true);
  record(story, {
    type: 'RenewResidenceCard',
    data: {
      residentId: story.residentId, cardNumber: next.number, issuedOn: isoOf(issuedOn), printedValidUntil: isoOf(next.validUntil),
      channel: 'counter', filedBy: filer(story, filedOn), applicationId: application.id,
    },
  }, issuedOn);
  return issuedOn;
};
