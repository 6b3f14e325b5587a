import { affiliationCategory } from '../domain/eligibility.js';
import { mistakenDeletion, move } from './address.js';
import { openDayFrom, type Day } from './days.js';
import { applyForPermanentResidence, expiryStep, permanentResidenceDecision, renewalStep } from './expiry.js';
import { affiliationChange, cardLoss, death, naturalisation } from './life.js';
import { profileOf } from './status-profiles.js';
import { under16On, type Story } from './story.js';
import { leaveForGood, trip } from './travel.js';

const YEAR = 365.25;

type Episode = 'trip' | 'move' | 'affiliation' | 'loss' | 'death' | 'naturalisation' | 'permanent' | 'leave' | 'deletion';

const mortality = (age: number): number => (age < 40 ? 0.0005 : age < 60 ? 0.002 : age < 75 ? 0.01 : 0.04);

const affiliationRate = (story: Story): number => {
  const held = story.held;
  const category = held === null ? null : affiliationCategory(held.status, held.attributes);
  if (category === 'contract-institution') return 0.12;
  if (category === 'activity-institution') return held?.status === 'student' ? 0.06 : 0.03;
  return category === 'spouse' ? 0.1 : 0;
};

/** Yearly rates of what can happen to the person at any time (the steps tied to dates are scheduled). */
const ratesFor = (story: Story, day: Day): readonly (readonly [Episode, number])[] => {
  const status = story.held?.status ?? 'permanent-resident';
  const profile = profileOf(status);
  const adult = !under16On(story, day);
  const settled = status === 'permanent-resident' || status === 'spouse-or-child-of-japanese-national';
  return [
    ['trip', profile.tripsPerYear],
    ['move', status === 'student' ? 0.35 : status.startsWith('technical-intern') ? 0.1 : 0.2],
    ['affiliation', affiliationRate(story)],
    ['loss', 0.012],
    ['death', mortality((day - story.born) / YEAR)],
    ['naturalisation', settled && adult ? 0.004 : 0],
    ['permanent', adult && story.pendingPermanentResidence === null ? profile.permanentResidencePerYear : 0],
    ['leave', status === 'permanent-resident' ? 0.004 : 0.015],
    ['deletion', 0.003],
  ];
};

const pickEpisode = (story: Story, rates: readonly (readonly [Episode, number])[], total: number): Episode => {
  let target = story.rng.next() * total;
  for (const [episode, rate] of rates) {
    target -= rate;
    if (target < 0) return episode;
  }
  return 'trip';
};

const runEpisode = (story: Story, episode: Episode, day: Day, limit: Day): Day | null => {
  switch (episode) {
    case 'trip': return trip(story, day, limit);
    case 'move': return move(story, day, limit);
    case 'affiliation': return affiliationChange(story, day, limit);
    case 'loss': return cardLoss(story, day, limit);
    case 'death': return death(story, day);
    case 'naturalisation': return naturalisation(story, day);
    case 'permanent': return applyForPermanentResidence(story, day);
    case 'leave': return leaveForGood(story, openDayFrom(day));
    case 'deletion': return mistakenDeletion(story, day, limit);
  }
};

type Step = { readonly day: Day; readonly run: (day: Day, limit: Day) => Day };

/** The dated steps ahead: the period's end (APP-2), a card renewal (19-11), a pending PR decision (APP-4). */
const stepsAhead = (story: Story): Step[] => {
  const steps: Step[] = [];
  const { held, card, pendingPermanentResidence: pending } = story;
  if (held?.decideOn != null) steps.push({ day: held.decideOn, run: (day) => expiryStep(story, day) });
  if (card?.renewOn != null) steps.push({ day: card.renewOn, run: (day, limit) => renewalStep(story, day, limit) });
  if (pending !== null) steps.push({ day: pending.decideOn, run: (day) => permanentResidenceDecision(story, day) });
  return steps.sort((a, b) => a.day - b.day);
};

/**
 * The person's life inside the window, one episode after another: at random times (constant yearly
 * rates) unless a dated step comes first. Each episode ends before the next dated step, so a trip never
 * spans the end of the period of stay. Every draw depends only on what came before, so a later
 * `until` extends a story without changing its beginning (re-runs stay idempotent).
 */
export const simulate = (story: Story, from: Day, until: Day): void => {
  for (let t = from, guard = 0; !story.ended && t <= until && guard < 2000; guard += 1) {
    const [next, after] = stepsAhead(story);
    const rates = ratesFor(story, t);
    const total = rates.reduce((sum, [, rate]) => sum + rate, 0);
    const randomDay = t + Math.ceil(story.rng.exponential(YEAR / total));
    if (next !== undefined && next.day <= randomDay) {
      const day = Math.max(next.day, t);
      if (day > until) return;
      t = next.run(day, (after?.day ?? Infinity) - 1) + 1;
      continue;
    }
    if (randomDay > until) return;
    const end = runEpisode(story, pickEpisode(story, rates, total), randomDay, (next?.day ?? Infinity) - 1);
    t = (end ?? randomDay) + 1;
  }
};
