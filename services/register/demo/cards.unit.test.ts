import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StatusOfResidence } from '../../../events/status-of-residence.js';
import { requiresValidityRenewal, statutoryCardValidity } from '../domain/rules/card-validity.js';
import { cardValidity } from './cards.js';
import { dayOf, isoOf } from './days.js';
import { seededRandom } from './prng.js';
import { newStory, type Held } from './story.js';

const STATUSES: readonly StatusOfResidence[] = ['permanent-resident', 'highly-skilled-professional-ii', 'engineer-specialist', 'dependent'];

describe('printed card validity of the demo agrees with Art. 19-5(1) (CARD-4)', () => {
  it('gives the statutory validity and renewal duty for any age, status and issue reason (19-5(1)(i)–(iv), 19-11)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayOf('1990-01-01'), max: dayOf('2026-12-31') }), fc.integer({ min: 0, max: 9000 }),
        fc.integer({ min: 30, max: 2000 }), fc.constantFrom(...STATUSES), fc.boolean(),
        (born, age, remaining, status, renewal) => {
          const issuedOn = born + age;
          const indefinite = status === 'permanent-resident' || status === 'highly-skilled-professional-ii';
          const held: Held = { status, attributes: {}, periodOfStay: indefinite ? 'indefinite' : 'P5Y', expiresOn: indefinite ? null : issuedOn + remaining, decideOn: null };
          const story = newStory(seededRandom('cards'), 0, '00000000-0000-4000-8000-000000000000', { name: 'TEST', dateOfBirth: isoOf(born), sex: 'female', nationality: 'VNM' });
          const expected = statutoryCardValidity({
            issuedOn: isoOf(issuedOn), dateOfBirth: isoOf(born), status,
            periodExpiresOn: held.expiresOn === null ? null : isoOf(held.expiresOn), reason: renewal ? 'validity-renewal' : 'landing',
          });
          const actual = cardValidity(story, held, issuedOn, renewal);
          expect(isoOf(actual.validUntil)).toBe(expected.validUntil);
          expect(actual.renewable).toBe(requiresValidityRenewal(expected));
        },
      ),
    );
  });
});
