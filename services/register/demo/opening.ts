import type { StatusAttributes, StatusOfResidence } from '../../../events/status-of-residence.js';
import type { ResidentCommand } from '../domain/commands.js';
import { dayOf, isoOf, monthsOf, openDayFrom, periodEnd, type Day } from './days.js';
import { firstResidence, newHome, notifyResidence } from './address.js';
import { issueCard, takeCard } from './cards.js';
import { drawPeriod, grantOf, holding } from './grants.js';
import { drawOrganization } from './organizations.js';
import type { Municipality } from './places.js';
import { attributesFor } from './status-profiles.js';
import { record, WINDOW_START, type Story } from './story.js';

const PORTS = ['Narita Airport', 'Haneda Airport', 'Kansai Airport', 'Chubu Centrair Airport', 'Fukuoka Airport'];

/** Records a fact of the earlier history on the migration day, or on its own day if that is later. */
const migrate = (story: Story, command: ResidentCommand, legal: Day, migrationOn: Day): void => record(story, command, Math.max(legal, migrationOn));

/** Ch. III, Art. 19-6: a landing with a status and the card issued at the port. */
const land = (story: Story, status: StatusOfResidence, attributes: StatusAttributes, period: string, landedOn: Day, recordOn: Day): void => {
  const held = holding(story, status, attributes, period, landedOn);
  const on = Math.max(landedOn, recordOn);
  record(story, {
    type: 'PermitLanding',
    data: { residentId: story.residentId, permittedOn: isoOf(landedOn), port: story.rng.pick(PORTS), person: story.person, grant: grantOf(held) },
  }, on);
  story.held = held;
  issueCard(story, held, landedOn, { reason: 'landing', recordOn: on });
  if (story.rng.chance(0.9)) story.organization = drawOrganization(story.rng, status === 'student');
};

/**
 * A timely residence notification after the landing (NOTIF-1), part of the migrated history unless it
 * is filed inside the window. Returns the day it is filed: the life inside the window starts after it.
 */
const settle = (story: Story, municipality: Municipality, landedOn: Day, migrationOn: Day): Day => {
  const movedIn = landedOn + story.rng.int(0, 10);
  const filedOn = Math.min(openDayFrom(movedIn + story.rng.int(0, 10)), (story.held?.decideOn ?? Infinity) - 1);
  if (filedOn >= WINDOW_START) {
    notifyResidence(story, newHome(story, municipality), '19-7', 'brra-30-46', movedIn, filedOn);
    return filedOn;
  }
  const home = newHome(story, municipality);
  const data = { residentId: story.residentId, basis: '19-7', address: { municipalityCode: home.municipality.code, line: home.line }, movedInOn: isoOf(movedIn), notifiedOn: isoOf(filedOn), deemedBy: 'brra-30-46', cardPresented: true, relayId: `relay-${home.municipality.code}-migrated-${story.index}`, filedBy: 'self' } as const;
  migrate(story, { type: 'NotifyResidenceAddress', data }, filedOn, migrationOn);
  story.home = home;
  return filedOn;
};

/** Arts. 20, 22: a permission granted before the register opened, with the card that notified it. */
const migratedGrant = (story: Story, kind: 'change-of-status' | 'permanent-residence', status: StatusOfResidence, grantedOn: Day, migrationOn: Day): void => {
  const held = holding(story, status, {}, kind === 'permanent-residence' ? 'indefinite' : drawPeriod(story, status), grantedOn);
  migrate(story, { type: 'GrantStatusPermission', data: { residentId: story.residentId, kind, grantedOn: isoOf(grantedOn), grant: grantOf(held), notifiedBy: 'residence-card', residenceRecordCopySubmitted: false } }, grantedOn, migrationOn);
  story.held = held;
  issueCard(story, held, grantedOn, { reason: kind, recordOn: Math.max(grantedOn, migrationOn) });
};

/** NOTIF-5: cards that lapsed before the register opened were renewed then (19-11). */
const renewLapsedCards = (story: Story, migrationOn: Day): void => {
  for (let card = story.card; card !== null && story.held !== null && card.validUntil < WINDOW_START + 15; card = story.card) {
    const issuedOn = Math.min(WINDOW_START - 1, Math.max(card.issuedOn + 1, card.validUntil - story.rng.int(10, 50)));
    const next = takeCard(story, story.held, issuedOn, true);
    migrate(story, { type: 'RenewResidenceCard', data: { residentId: story.residentId, cardNumber: next.number, issuedOn: isoOf(issuedOn), printedValidUntil: isoOf(next.validUntil), channel: 'counter', filedBy: 'self' } }, issuedOn, migrationOn);
  }
};

const PERMANENT_FROM = dayOf('2013-01-01');

/** APP-4: a permanent resident landed years ago with another status and was granted PR before 2024. */
const permanentHistory = (story: Story, child: boolean, municipality: Municipality, migrationOn: Day): void => {
  const { rng } = story;
  const grantedOn = child ? rng.int(story.born + 90, WINDOW_START - 10) : rng.int(PERMANENT_FROM, WINDOW_START - 10);
  const first: StatusOfResidence = child ? 'long-term-resident' : rng.pick(['engineer-specialist', 'spouse-or-child-of-japanese-national', 'long-term-resident', 'dependent'] as const);
  const period = rng.pick(['P3Y', 'P5Y']);
  const span = periodEnd(grantedOn, monthsOf(period)) - grantedOn;
  const landedOn = Math.min(grantedOn - 30, Math.max(grantedOn - rng.int(60, span - 30), story.born + 1));
  land(story, first, attributesFor(rng, first, child), period, landedOn, migrationOn);
  settle(story, municipality, landedOn, migrationOn);
  migratedGrant(story, 'permanent-residence', 'permanent-resident', grantedOn, migrationOn);
};

/** TITP (ii), SSW (ii): reached by a change of status from the status the person landed with. */
const changedHistory = (story: Story, from: StatusOfResidence, to: StatusOfResidence, municipality: Municipality, migrationOn: Day): void => {
  const changedOn = WINDOW_START - story.rng.int(1, 270);
  const landedOn = changedOn - story.rng.int(300, 350);
  land(story, from, {}, 'P1Y', landedOn, migrationOn);
  settle(story, municipality, landedOn, migrationOn);
  migratedGrant(story, 'change-of-status', to, changedOn, migrationOn);
};

/**
 * A resident already in Japan on 2024-01-01. Their history is loaded from the previous system in
 * December 2023 (recorded late, with its legal dates); the current period of stay ends at least 90
 * days into the window. Returns the first day of their life inside the window.
 */
export const alreadyResident = (story: Story, status: StatusOfResidence, child: boolean, municipality: Municipality): Day => {
  const { rng } = story;
  const migrationOn = openDayFrom(dayOf('2023-12-01') + rng.int(0, 24));
  // A landing just before the window may be notified inside it: nothing else happens before that filing
  // (a departure for good first would make the notification one from a person already gone).
  let settledOn = WINDOW_START - 1;
  if (status === 'permanent-resident') permanentHistory(story, child, municipality, migrationOn);
  else if (status === 'technical-intern-training-i-b' && rng.chance(0.5)) changedHistory(story, status, 'technical-intern-training-ii-b', municipality, migrationOn);
  else if (status === 'specified-skilled-worker-ii') changedHistory(story, 'specified-skilled-worker-i', status, municipality, migrationOn);
  else {
    const period = drawPeriod(story, status);
    const span = periodEnd(WINDOW_START, monthsOf(period)) - WINDOW_START;
    const landedOn = Math.max(WINDOW_START + 90 - rng.int(91, span - 1), story.born + 1);
    land(story, status, attributesFor(rng, status, child), period, landedOn, migrationOn);
    settledOn = settle(story, municipality, landedOn, migrationOn);
  }
  renewLapsedCards(story, migrationOn);
  return Math.max(WINDOW_START, settledOn + 1);
};

/** A new landing inside the window; a few never notify a residence (ground (viii)) and drop out of sight. */
export const newcomer = (story: Story, status: StatusOfResidence, child: boolean, municipality: Municipality, landedOn: Day): Day => {
  land(story, status, attributesFor(story.rng, status, child), drawPeriod(story, status), landedOn, landedOn);
  const limit = (story.held?.decideOn ?? Infinity) - 1;
  const filedOn = firstResidence(story, landedOn, newHome(story, municipality), limit);
  if (filedOn === null) story.ended = true;
  return Math.min(filedOn ?? landedOn, limit) + 1;
};

/**
 * APP-5, Art. 22-2, S61: a child born in Japan: the birth entered in the resident record, the
 * acquisition applied for within 30 days with a copy of the record, granted within 60 days of birth,
 * which is deemed the residence notification (19-8(4)).
 */
export const bornInJapan = (story: Story, status: StatusOfResidence, municipality: Municipality): Day => {
  const { rng, residentId } = story;
  const home = newHome(story, municipality);
  const enteredOn = openDayFrom(story.born + rng.int(3, 10));
  const entryRecorded = openDayFrom(enteredOn + rng.int(1, 3));
  const relayId = `relay-${municipality.code}-${isoOf(enteredOn).replaceAll('-', '')}-birth-${story.index}`;
  record(story, { type: 'RecordResidentRecordEntry', data: { residentId, reason: 'birth', address: { municipalityCode: municipality.code, line: home.line }, residenceEstablishedOn: isoOf(story.born), enteredOn: isoOf(enteredOn), person: story.person, relayId } }, entryRecorded);
  const filedOn = Math.max(openDayFrom(story.born + rng.int(10, 24)), entryRecorded);
  const applicationId = `APP-${isoOf(filedOn).slice(0, 4)}-${story.index}-birth`;
  record(story, { type: 'FileApplication', data: { residentId, applicationId, kind: 'acquisition', filedOn: isoOf(filedOn), channel: 'counter', filedBy: 'legal-representative', requested: { status } } }, filedOn);
  const grantedOn = openDayFrom(filedOn + rng.int(5, 20));
  const held = holding(story, status, attributesFor(rng, status, true), drawPeriod(story, status), grantedOn);
  record(story, { type: 'GrantStatusPermission', data: { residentId, kind: 'acquisition', grantedOn: isoOf(grantedOn), grant: grantOf(held), applicationId, notifiedBy: 'residence-card', person: story.person, residenceRecordCopySubmitted: true } }, grantedOn);
  record(story, { type: 'DecideApplication', data: { residentId, applicationId, decidedOn: isoOf(grantedOn), outcome: 'granted' } }, grantedOn);
  story.held = held;
  story.home = home;
  issueCard(story, held, grantedOn, { reason: 'acquisition', applicationId });
  return grantedOn + 1;
};
