import type { StatusGrant } from '../../../events/permissions.js';
import type { StatusAttributes, StatusOfResidence } from '../../../events/status-of-residence.js';
import { isoOf, monthsOf, periodEnd, type Day } from './days.js';
import { profileOf } from './status-profiles.js';
import type { Held, Story } from './story.js';

/** A period of stay for the status, as the ordinance allows it (rules.md §13). */
export const drawPeriod = (story: Story, status: StatusOfResidence): string => story.rng.pick(profileOf(status).periods);

/**
 * The status a permission confers, with its expiry: the period counts from the day after `from`
 * (DT-3; from the old expiry for an extension, Art. 21) and the holder's plan for its end.
 */
export const holding = (story: Story, status: StatusOfResidence, attributes: StatusAttributes, periodOfStay: string, from: Day): Held => {
  if (periodOfStay === 'indefinite') return { status, attributes, periodOfStay, expiresOn: null, decideOn: null };
  const expiresOn = periodEnd(from, monthsOf(periodOfStay));
  return { status, attributes, periodOfStay, expiresOn, decideOn: expiresOn - story.rng.int(20, 75) };
};

export const grantOf = (held: Held): StatusGrant => ({
  status: held.status,
  periodOfStay: held.periodOfStay,
  expiresOn: held.expiresOn === null ? null : isoOf(held.expiresOn),
  attributes: held.attributes,
});
