import { isoOf, openDayFrom, type Day } from './days.js';
import { movingOut } from './address.js';
import { draw, weighted } from './prng.js';
import { record, type Story } from './story.js';

const PORTS = weighted([
  ['Narita Airport', 34], ['Haneda Airport', 28], ['Kansai Airport', 20], ['Chubu Centrair Airport', 7], ['Fukuoka Airport', 6],
  ['New Chitose Airport', 2], ['Naha Airport', 2], ['Port of Hakata', 1],
] as const);

/** Trip lengths: mostly a few weeks home or on holiday, some months, a few long stays. */
const tripLength = (story: Story): number => {
  const u = story.rng.next();
  return u < 0.7 ? story.rng.int(4, 21) : u < 0.95 ? story.rng.int(22, 60) : story.rng.int(61, 150);
};

/**
 * DRP-1, Art. 26-2: a departure declaring the intent to return (special re-entry permit) and the
 * return, both recorded by the inspector at the port. The trip ends before `limit`, which is before
 * the period of stay or the card ends, so the return is always within the deemed validity.
 */
export const trip = (story: Story, day: Day, limit: Day): Day | null => {
  const length = Math.min(tripLength(story), limit - day);
  if (length < 2) return null;
  const back = day + length;
  const residentId = story.residentId;
  record(story, { type: 'ConfirmDeparture', data: { residentId, departedOn: isoOf(day), port: draw(story.rng, PORTS), reentry: { kind: 'special-reentry' }, travelDocument: 'passport' } }, day);
  record(story, { type: 'RecordReentry', data: { residentId, reenteredOn: isoOf(back), port: draw(story.rng, PORTS), reentry: 'special-reentry' } }, back);
  return back;
};

/**
 * DEP-1, Arts. 25, 19-14(iii), 19-15(2): leaving for good: a moving-out notice to abroad, the
 * departure without any re-entry permit, and the card handed back at the port.
 */
export const leaveForGood = (story: Story, day: Day): Day => {
  const residentId = story.residentId;
  movingOut(story, day - story.rng.int(0, 3), true);
  record(story, { type: 'ConfirmDeparture', data: { residentId, departedOn: isoOf(day), port: draw(story.rng, PORTS), reentry: { kind: 'none' }, travelDocument: 'passport' } }, day);
  if (story.card !== null)
    record(story, { type: 'RecordCardReturned', data: { residentId, cardNumber: story.card.number, returnedOn: isoOf(day), returnedBy: 'holder' } }, day);
  story.ended = true;
  return day;
};

/** A departure for good on an open day between `from` and `to` (before the period of stay ends). */
export const leaveBetween = (story: Story, from: Day, to: Day): Day => leaveForGood(story, Math.min(openDayFrom(story.rng.int(from, Math.max(from, to))), to));
