import type { ResidentCommand } from '../domain/commands.js';
import { isoOf, openDayFrom, type Day } from './days.js';
import { addressLine, drawMunicipality, type Municipality } from './places.js';
import { filer, nextRelayId, record, type Home, type Story } from './story.js';

/** Shares of municipal relays that reach the register months late, or twice (MUNI-3). */
const LATE_RELAY = 0.03;
const DUPLICATE_RELAY = 0.015;

/**
 * MUNI-1: a municipality relays what was filed at its counter, normally 1–3 open days later; a few
 * relays arrive months late (the register must still judge deadlines by the filing day, decision 2),
 * and a few are sent twice (the second is a no-op: the same relay id with the same content).
 */
export const relay = (story: Story, command: ResidentCommand, filedOn: Day): void => {
  const { rng } = story;
  const recorded = openDayFrom(filedOn + (rng.chance(LATE_RELAY) ? rng.int(30, 200) : rng.int(1, 3)));
  record(story, command, recorded);
  if (rng.chance(DUPLICATE_RELAY)) record(story, command, openDayFrom(recorded + rng.int(1, 20)));
};

export const newHome = (story: Story, municipality: Municipality = drawMunicipality(story.rng)): Home => ({
  municipality, line: addressLine(story.rng, municipality),
});

type Basis = '19-7' | '19-8' | '19-9';
type Deemed = 'brra-22' | 'brra-23' | 'brra-30-46';

/** NOTIF-1..3: the residence notification, filed with the card as a BRRA moving-in notification (deemed, 19-7(3), 19-9(3)). */
export const notifyResidence = (story: Story, home: Home, basis: Basis, deemedBy: Deemed, movedIn: Day, filedOn: Day): void => {
  const code = home.municipality.code;
  relay(story, {
    type: 'NotifyResidenceAddress',
    data: {
      residentId: story.residentId, basis, address: { municipalityCode: code, line: home.line }, movedInOn: isoOf(movedIn),
      notifiedOn: isoOf(filedOn), deemedBy, cardPresented: true, relayId: nextRelayId(story, code, filedOn), filedBy: filer(story, filedOn),
    },
  }, filedOn);
  story.home = home;
};

/**
 * The first residence notification after a landing (NOTIF-1, Art. 19-7): mostly within the 14 days,
 * some late, a few after the 90 days of ground (viii) (cured late), and a few never (ground (viii)).
 * Returns the filing day, or null when the person never files.
 */
export const firstResidence = (story: Story, landedOn: Day, home: Home, limit: Day): Day | null => {
  const { rng } = story;
  const settledOn = landedOn + (rng.chance(0.9) ? rng.int(0, 10) : rng.int(11, 45));
  const u = rng.next();
  if (u < 0.02) return null;
  const drawn = u < 0.86 ? openDayFrom(settledOn + rng.int(0, 10))
    : u < 0.975 ? openDayFrom(settledOn + rng.int(15, 80))
    : openDayFrom(landedOn + rng.int(91, 160));
  // Filed while the first period of stay still runs (a short one, e.g. 4 months, ends early).
  const filedOn = Math.min(drawn, limit);
  notifyResidence(story, home, '19-7', 'brra-30-46', Math.min(settledOn, filedOn), filedOn);
  return filedOn;
};

/** A moving-out notice (BRRA Art. 24) relayed under Art. 61-8-2: the 90 days of (ix) count from leaving. */
export const movingOut = (story: Story, movedOut: Day, abroad: boolean): void => {
  const { home } = story;
  if (home === null) return;
  const noticeOn = Math.min(openDayFrom(movedOut - story.rng.int(1, 10)), movedOut);
  const code = home.municipality.code;
  relay(story, {
    type: 'RecordMoveOut',
    data: {
      residentId: story.residentId, municipalityCode: code, movedOutOn: isoOf(movedOut),
      reason: abroad ? 'moving-out-abroad-notice' : 'moving-out-notice', relayId: nextRelayId(story, code, noticeOn), notifiedOn: isoOf(noticeOn),
    },
  }, movedOut); // relayed once the person has left, so the register never records a future departure
};

/**
 * NOTIF-3, Art. 19-9: a move. Within the municipality a BRRA 23 notification; to another one a
 * moving-out notice there and a BRRA 22 notification here; 2 % leave with no new address (ix).
 * Returns the last day the move used, or null if it does not fit before `limit`.
 */
export const move = (story: Story, day: Day, limit: Day): Day | null => {
  const { rng, home } = story;
  if (home === null || limit - day < 75) return null;
  const u = rng.next();
  if (u < 0.02) {
    movingOut(story, day, false);
    story.ended = true; // CAN-3 (ix): no new residence is ever notified
    return day;
  }
  const within = u < 0.37;
  if (!within) movingOut(story, day, false);
  const movedIn = day + (within ? 0 : rng.int(0, 3));
  const filedOn = openDayFrom(movedIn + (rng.chance(0.88) ? rng.int(0, 12) : rng.int(15, 60)));
  const next = within ? newHome(story, home.municipality) : newHome(story);
  notifyResidence(story, next, '19-9', within ? 'brra-23' : 'brra-22', movedIn, filedOn);
  return filedOn;
};

/** S33, MUNI-3: a resident record deleted ex officio by mistake, and the deletion withdrawn by a correction. */
export const mistakenDeletion = (story: Story, day: Day, limit: Day): Day | null => {
  const { rng, home } = story;
  if (home === null || limit - day < 50) return null;
  const code = home.municipality.code;
  const deletionId = nextRelayId(story, code, day);
  const deletionRecorded = openDayFrom(day + rng.int(2, 8));
  record(story, { type: 'RecordMoveOut', data: { residentId: story.residentId, municipalityCode: code, movedOutOn: isoOf(day), reason: 'ex-officio-deletion', relayId: deletionId } }, deletionRecorded);
  const correctedOn = openDayFrom(deletionRecorded + rng.int(5, 25));
  record(story, {
    type: 'CorrectResidenceAddress',
    data: { residentId: story.residentId, correctsRelayId: deletionId, correction: { kind: 'withdrawn' }, correctedOn: isoOf(correctedOn), relayId: nextRelayId(story, code, correctedOn) },
  }, openDayFrom(correctedOn + rng.int(1, 3)));
  return correctedOn;
};
