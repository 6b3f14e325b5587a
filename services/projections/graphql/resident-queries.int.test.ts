import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { at, codesOf, dataOf } from './testing/answers.js';
import { startGraphqlServer, type GraphqlTestServer } from './testing/graphql-server.js';
import { CARDS, ENGINEER, OVERSTAYED, TODAY, UNKNOWN_RESIDENT } from './testing/population.js';

let server: GraphqlTestServer;
beforeAll(async () => {
  server = await startGraphqlServer();
});
afterAll(async () => server.stop());

const RESIDENT = `query R($id: ID!, $asOf: Date, $knownAt: DateTime) {
  resident(id: $id, asOf: $asOf, knownAt: $knownAt) {
    id asOf knownAt
    particulars { name dateOfBirth sex nationality }
    midToLongTermResident { is reason since newlyBy }
    stay { kind statusOfResidence periodOfStay expiresOn grantedVia endReason endedOn }
    card { number valid validUntil validityBasis invalidity { item since } }
    address { state municipalityCode line since notifiedOn }
    obligations { duty state deadline { nominal effective } }
    cancellationGrounds { ground from state }
  }
}`;

describe('resident: the status at the end of a legal date, from the log (REG-2, DT-8)', () => {
  it('answers as of today (JST, from the injected clock) by default, with enums in GraphQL names', async () => {
    const resident = at(dataOf(await server.query(RESIDENT, { id: ENGINEER })), 'resident');
    expect(resident).toMatchObject({
      id: ENGINEER, asOf: TODAY, knownAt: null,
      particulars: { name: 'NGUYEN VAN AN', dateOfBirth: '1995-04-12', sex: 'MALE', nationality: 'VNM' },
      midToLongTermResident: { is: true, reason: 'MID_TO_LONG_TERM_RESIDENT', since: '2026-01-10', newlyBy: 'LANDING' },
      stay: { kind: 'STATUS', statusOfResidence: 'ENGINEER_SPECIALIST', periodOfStay: 'P1Y', expiresOn: '2027-01-10', grantedVia: 'LANDING' },
      card: { number: CARDS.engineer, valid: true, validUntil: '2027-01-10', validityBasis: 'ART_19_5_1_III', invalidity: [] },
      address: { state: 'NOTIFIED', municipalityCode: '131016', since: '2026-01-25', notifiedOn: '2026-01-30' },
      obligations: [{ duty: 'ART_19_7', state: 'MET', deadline: { nominal: '2026-02-08', effective: '2026-02-09' } }],
    });
  });

  it('answers for a past date from the log: before the residence notification the 19-7 duty is open', async () => {
    const resident = at(dataOf(await server.query(RESIDENT, { id: ENGINEER, asOf: '2026-01-20' })), 'resident');
    expect(resident).toMatchObject({ asOf: '2026-01-20', address: null, obligations: [{ duty: 'ART_19_7', state: 'OPEN' }] });
  });

  it('answers as known at an instant: the notification recorded on 30 Jan is unknown on 29 Jan (DT-8)', async () => {
    const resident = at(dataOf(await server.query(RESIDENT, { id: ENGINEER, asOf: '2026-01-31', knownAt: '2026-01-29T00:00:00Z' })), 'resident');
    expect(resident).toMatchObject({ knownAt: '2026-01-29T00:00:00Z', address: null });
  });

  it('shows a stay ended by overstay and a card without effect under Art. 19-14', async () => {
    const resident = at(dataOf(await server.query(RESIDENT, { id: OVERSTAYED })), 'resident');
    expect(resident).toMatchObject({
      midToLongTermResident: { is: false, reason: 'OVERSTAY' },
      stay: { kind: 'ENDED', statusOfResidence: null, endReason: 'OVERSTAY', endedOn: '2025-06-02' },
      card: { valid: false, invalidity: [{ item: 'ART_19_14_II', since: '2025-06-02' }, { item: 'ART_19_14_I', since: '2025-06-02' }] },
    });
  });

  it('answers null for a resident the register has no record of', async () => {
    expect(dataOf(await server.query(RESIDENT, { id: UNKNOWN_RESIDENT }))).toEqual({ resident: null });
  });
});

describe('residentByCard: the card index names the holder (Art. 19-4(2))', () => {
  const BY_CARD = `query C($number: String!, $asOf: Date) { residentByCard(number: $number, asOf: $asOf) { id asOf card { number } } }`;

  it('finds the holder, with the status at the date asked', async () => {
    const data = dataOf(await server.query(BY_CARD, { number: CARDS.engineer, asOf: '2026-06-01' }));
    expect(data).toEqual({ residentByCard: { id: ENGINEER, asOf: '2026-06-01', card: { number: CARDS.engineer } } });
  });

  it('answers null before the card was issued, and for a number no card has', async () => {
    expect(dataOf(await server.query(BY_CARD, { number: CARDS.engineer, asOf: '2026-01-09' }))).toEqual({ residentByCard: null });
    expect(dataOf(await server.query(BY_CARD, { number: 'ZZ99999999ZZ' }))).toEqual({ residentByCard: null });
  });
});

describe('cardValidity: the card-number lapse inquiry (Art. 19-14), no personal data', () => {
  const VALIDITY = `query V($number: String!, $asOf: Date) { cardValidity(number: $number, asOf: $asOf) { number asOf validity reason since } }`;

  it('says VALID for a card in effect', async () => {
    const data = dataOf(await server.query(VALIDITY, { number: CARDS.engineer }));
    expect(data).toEqual({ cardValidity: { number: CARDS.engineer, asOf: TODAY, validity: 'VALID', reason: null, since: null } });
  });

  it('says INVALID with the primary Art. 19-14 item and its date (INV-1)', async () => {
    const data = dataOf(await server.query(VALIDITY, { number: CARDS.overstayed }));
    expect(at(data, 'cardValidity')).toMatchObject({ validity: 'INVALID', reason: 'ART_19_14_II', since: '2025-06-02' });
  });

  it('answers another date from the log: the card was still valid in January 2025', async () => {
    expect(at(dataOf(await server.query(VALIDITY, { number: CARDS.overstayed, asOf: '2025-01-15' })), 'cardValidity', 'validity')).toBe('VALID');
  });

  it('says UNKNOWN for a number the register does not know, or not yet issued at the date', async () => {
    expect(at(dataOf(await server.query(VALIDITY, { number: 'ZZ99999999ZZ' })), 'cardValidity', 'validity')).toBe('UNKNOWN');
    expect(at(dataOf(await server.query(VALIDITY, { number: CARDS.engineer, asOf: '2025-12-31' })), 'cardValidity', 'validity')).toBe('UNKNOWN');
  });

  it('refuses a malformed card number (BAD_USER_INPUT)', async () => {
    expect(codesOf(await server.query(VALIDITY, { number: 'AB123' }))).toEqual(['BAD_USER_INPUT']);
  });
});
