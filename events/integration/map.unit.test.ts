import { describe, expect, it } from 'vitest';
import {
  CARD_NUMBER, CHIYODA_ADDRESS, PERSON, RESIDENT_ID, applicationDecided, applicationFiled, cancellationGroundDetected, cancellationGroundWithdrawn,
  departureConfirmed, identityParticularsChanged, japaneseNationalityAcquired, landingPermitted, reentered, residenceAddressCorrected, residenceAddressNotified,
  residenceAddressVacated, residenceCardInvalidated, residenceCardIssued, residenceCardRenewed, residentDied,
  statusOfResidenceCancelled, statusPermissionGranted,
} from '../../testing/events.js';
import { mapFacts, namesOf } from '../../testing/integration-events.js';

const SHINJUKU = { municipalityCode: '131041', line: '3-3-3 Nishi-Shinjuku, Shinjuku-ku, Tokyo', postalCode: '160-0023' };

const PERSONAL_KEYS = new Set(['name', 'line', 'postalCode', 'address', 'person', 'dateOfBirth', 'sex', 'nationality']);

const keysDeep = (value: unknown): string[] => {
  if (typeof value !== 'object' || value === null) return [];
  if (Array.isArray(value)) return value.flatMap(keysDeep);
  return Object.entries(value).flatMap(([key, item]) => [key, ...keysDeep(item)]);
};

describe('the integration mapping', () => {
  it('publishes a landing that makes an MLTR as became-mid-to-long-term-resident in a CloudEvents envelope (Art. 19-3)', async () => {
    const [message, ...rest] = await mapFacts([landingPermitted()]);
    expect(rest).toEqual([]);
    expect(message?.attributes).toMatchObject({
      specversion: '1.0', type: 'jp.go.isa.register.became-mid-to-long-term-resident.v1', subject: RESIDENT_ID,
      time: '2026-01-10T00:00:00+09:00', recordedtime: '2026-01-10T03:00:00Z', sequence: '0', datacontenttype: 'application/json',
    });
    expect(message?.key).toBe(RESIDENT_ID);
    expect(message?.topic).toBe('status');
    expect(message?.data).toEqual({
      residentId: RESIDENT_ID, since: '2026-01-10', via: 'landing', statusOfResidence: 'engineer-specialist', periodOfStay: 'P1Y', expiresOn: '2027-01-10',
    });
  });

  it('uses the source event id as the CloudEvents id, and the global position', async () => {
    const messages = await mapFacts([landingPermitted(), residenceCardIssued()]);
    expect(messages.map((m) => m.position)).toEqual([1, 2]);
    expect(new Set(messages.map((m) => m.attributes.id)).size).toBe(2);
    expect(messages.every((m) => !m.attributes.id.includes('/'))).toBe(true);
  });

  it('publishes nothing for a Temporary Visitor landing (not an MLTR, Art. 19-3(ii))', async () => {
    const tv = landingPermitted({ grant: { status: 'temporary-visitor', periodOfStay: 'P90D', expiresOn: '2026-04-09' } });
    expect(await mapFacts([tv])).toEqual([]);
  });

  it('publishes an extension as period-of-stay-extended with the previous expiry (Art. 21)', async () => {
    const messages = await mapFacts([landingPermitted(), statusPermissionGranted()]);
    expect(namesOf(messages)).toEqual(['became-mid-to-long-term-resident', 'period-of-stay-extended']);
    expect(messages[1]?.data).toMatchObject({ extendedOn: '2027-01-05', previousExpiresOn: '2027-01-10', expiresOn: '2030-01-10' });
  });

  it('publishes a change of status with the previous status (Art. 20)', async () => {
    const change = statusPermissionGranted({ kind: 'change-of-status', grant: { status: 'business-manager' } });
    const messages = await mapFacts([landingPermitted(), change]);
    expect(namesOf(messages)).toEqual(['became-mid-to-long-term-resident', 'status-of-residence-changed']);
    expect(messages[1]?.data).toMatchObject({ kind: 'change-of-status', previousStatusOfResidence: 'engineer-specialist', statusOfResidence: 'business-manager' });
  });

  it('publishes a change to Temporary Visitor as status changed and ceased (MLTR-3)', async () => {
    const change = statusPermissionGranted({ kind: 'change-of-status', grant: { status: 'temporary-visitor', periodOfStay: 'P90D', expiresOn: '2027-04-04' } });
    const messages = await mapFacts([landingPermitted(), change]);
    expect(namesOf(messages)).toEqual(['became-mid-to-long-term-resident', 'status-of-residence-changed', 'ceased-to-be-mid-to-long-term-resident']);
    expect(messages[2]?.data).toEqual({ residentId: RESIDENT_ID, ceasedOn: '2027-01-05', reason: 'TEMPORARY_VISITOR' });
    const ids = messages.slice(1).map((m) => m.attributes.id);
    expect(ids[0]?.endsWith('/status-of-residence-changed')).toBe(true);
    expect(ids[1]?.endsWith('/ceased-to-be-mid-to-long-term-resident')).toBe(true);
  });

  it('publishes card issue, renewal and invalidation with the card number and the 19-14 item', async () => {
    const messages = await mapFacts([
      landingPermitted(), residenceCardIssued(), residenceCardRenewed({ issuedOn: '2026-06-01', printedValidUntil: '2027-01-10' }),
      residenceCardInvalidated({ ground: 'new-card-issued', invalidOn: '2026-06-01' }),
    ]);
    expect(namesOf(messages)).toEqual(['became-mid-to-long-term-resident', 'residence-card-issued', 'residence-card-issued', 'residence-card-invalidated']);
    expect(messages[1]?.data).toMatchObject({ cardNumber: CARD_NUMBER, reason: 'landing', validUntil: '2027-01-10' });
    expect(messages[2]?.data).toMatchObject({ reason: 'renewal' });
    expect(messages[3]?.data).toEqual({ residentId: RESIDENT_ID, cardNumber: CARD_NUMBER, ground: 'new-card-issued', article: '19-14(v)', invalidOn: '2026-06-01' });
  });

  it('publishes ceased when the period of stay ran out, on the clock\'s card invalidation (Art. 19-14(ii), MLTR-3)', async () => {
    const messages = await mapFacts([landingPermitted(), residenceCardIssued(), residenceCardInvalidated({ ground: 'validity-expired', invalidOn: '2027-01-11' })]);
    expect(namesOf(messages).slice(2)).toEqual(['residence-card-invalidated', 'ceased-to-be-mid-to-long-term-resident']);
    expect(messages[3]?.data).toEqual({ residentId: RESIDENT_ID, ceasedOn: '2027-01-11', reason: 'OVERSTAY' });
  });

  it('publishes a move to another municipality with the previous code, and none for the same municipality (Art. 19-9)', async () => {
    const messages = await mapFacts([
      landingPermitted(), residenceAddressNotified(),
      residenceAddressNotified({ address: { ...CHIYODA_ADDRESS, line: '2-2-2 Chiyoda' }, movedInOn: '2026-03-01', notifiedOn: '2026-03-05', relayId: 'r-2' }),
      residenceAddressNotified({ basis: '19-9', address: SHINJUKU, movedInOn: '2026-05-01', notifiedOn: '2026-05-07', relayId: 'r-3' }),
    ]);
    expect(namesOf(messages)).toEqual(['became-mid-to-long-term-resident', 'residence-municipality-changed', 'residence-municipality-changed']);
    expect(messages[1]?.data).toEqual({ residentId: RESIDENT_ID, municipalityCode: '131016', previousMunicipalityCode: null, movedInOn: '2026-01-25' });
    expect(messages[2]?.data).toEqual({ residentId: RESIDENT_ID, municipalityCode: '131041', previousMunicipalityCode: '131016', movedInOn: '2026-05-01' });
    expect(messages[2]?.attributes.time).toBe('2026-05-01T00:00:00+09:00');
  });

  it('publishes a municipal correction that withdraws a move as a change back (Art. 61-8-2)', async () => {
    const messages = await mapFacts([
      landingPermitted(), residenceAddressNotified(),
      residenceAddressNotified({ basis: '19-9', address: SHINJUKU, movedInOn: '2026-05-01', notifiedOn: '2026-05-07', relayId: 'r-3' }),
      residenceAddressCorrected({ correctsRelayId: 'r-3', correction: { kind: 'withdrawn' }, correctedOn: '2026-06-20' }),
    ]);
    expect(namesOf(messages).slice(-1)).toEqual(['residence-municipality-changed']);
    expect(messages.at(-1)?.data).toEqual({ residentId: RESIDENT_ID, municipalityCode: '131016', previousMunicipalityCode: '131041', movedInOn: '2026-01-25' });
  });

  it('keeps the vacated municipality as the one of record: moving out yields nothing', async () => {
    const messages = await mapFacts([landingPermitted(), residenceAddressNotified(), residenceAddressVacated()]);
    expect(namesOf(messages)).toEqual(['became-mid-to-long-term-resident', 'residence-municipality-changed']);
  });

  it('publishes departure without re-entry permit as departed and ceased, re-entry as reentered (Arts. 25, 26-2)', async () => {
    const without = await mapFacts([landingPermitted(), departureConfirmed({ reentry: { kind: 'none' } })]);
    expect(namesOf(without)).toEqual(['became-mid-to-long-term-resident', 'departed', 'ceased-to-be-mid-to-long-term-resident']);
    expect(without[2]?.data).toMatchObject({ reason: 'DEPARTED_WITHOUT_REENTRY_PERMIT', ceasedOn: '2026-06-01' });
    const round = await mapFacts([landingPermitted(), departureConfirmed(), reentered({ reenteredOn: '2026-08-01' })]);
    expect(namesOf(round)).toEqual(['became-mid-to-long-term-resident', 'departed', 'reentered']);
    expect(round[1]?.data).toEqual({ residentId: RESIDENT_ID, departedOn: '2026-06-01', reentry: 'special-reentry' });
  });

  it('publishes address grounds (viii)/(ix) detected and withdrawn, but not (vi)/(vii) (Art. 22-4(1))', async () => {
    const messages = await mapFacts([
      landingPermitted(), cancellationGroundDetected(),
      { event: cancellationGroundWithdrawn(), recordedAt: '2026-04-20T16:00:00Z' },
      cancellationGroundDetected({ ground: 'vi', clockStartedOn: '2026-01-10', nominalDeadline: '2026-04-10', effectiveDeadline: '2026-04-10', groundFrom: '2026-04-11', asOf: '2026-04-11' }),
    ]);
    expect(namesOf(messages)).toEqual(['became-mid-to-long-term-resident', 'address-lapse-ground-detected', 'address-lapse-ground-withdrawn']);
    expect(messages[1]?.data).toEqual({ residentId: RESIDENT_ID, ground: 'viii', groundFrom: '2026-04-14', nominalDeadline: '2026-04-13', effectiveDeadline: '2026-04-13' });
    // A withdrawal's time is the JST day it was recorded: 16:00Z is the next day in Tokyo.
    expect(messages[2]?.attributes.time).toBe('2026-04-21T00:00:00+09:00');
  });

  it('publishes a cancellation and the end of the MLTR period (Art. 22-4(6))', async () => {
    const messages = await mapFacts([landingPermitted(), statusOfResidenceCancelled()]);
    expect(namesOf(messages)).toEqual(['became-mid-to-long-term-resident', 'status-of-residence-cancelled', 'ceased-to-be-mid-to-long-term-resident']);
    expect(messages[1]?.data).toEqual({ residentId: RESIDENT_ID, cancelledOn: '2026-10-01', grounds: ['ix'], departBy: '2026-10-31' });
    expect(messages[2]?.data).toMatchObject({ reason: 'STATUS_CANCELLED' });
  });

  it('publishes death and naturalisation as ceased (19-14(vi), Art. 2(ii))', async () => {
    expect(namesOf(await mapFacts([landingPermitted(), residentDied()])).at(-1)).toBe('ceased-to-be-mid-to-long-term-resident');
    const naturalised = await mapFacts([landingPermitted(), statusPermissionGranted({ kind: 'permanent-residence', grant: { status: 'permanent-resident', periodOfStay: 'indefinite', expiresOn: null } }), japaneseNationalityAcquired()]);
    expect(naturalised.at(-1)?.data).toMatchObject({ reason: 'NATURALISED', ceasedOn: '2030-04-01' });
  });

  it('publishes nothing for events that are internal (an application filed)', async () => {
    expect(namesOf(await mapFacts([landingPermitted(), applicationFiled()]))).toEqual(['became-mid-to-long-term-resident']);
  });

  it('never puts a name or a street address on the status topic (Art. 19-36(3))', async () => {
    const messages = await mapFacts([
      landingPermitted(), residenceCardIssued(), residenceAddressNotified(), identityParticularsChanged(),
      residenceAddressNotified({ basis: '19-9', address: SHINJUKU, movedInOn: '2026-05-01', notifiedOn: '2026-05-07', relayId: 'r-3' }),
      departureConfirmed({ reentry: { kind: 'none' } }),
    ]);
    expect(messages.every((m) => m.topic === 'status')).toBe(true);
    const keys = keysDeep(messages.map((m) => ({ attributes: m.attributes, data: m.data })));
    expect(keys.filter((key) => PERSONAL_KEYS.has(key))).toEqual([]);
    expect(JSON.stringify(messages)).not.toContain(PERSON.name);
    expect(JSON.stringify(messages)).not.toContain('Chiyoda-ku');
  });

  it('publishes names and street addresses on the personal topic only when it is configured', async () => {
    const facts = [landingPermitted(), residenceAddressNotified(), identityParticularsChanged()];
    const messages = await mapFacts(facts, true);
    const personal = messages.filter((m) => m.topic === 'personal');
    expect(namesOf(personal)).toEqual(['personal.resident-particulars', 'personal.residence-address-changed', 'personal.resident-particulars']);
    expect(personal[0]?.data).toMatchObject({ name: PERSON.name, effectiveOn: '2026-01-10' });
    expect(personal[1]?.data).toMatchObject({ address: CHIYODA_ADDRESS, movedInOn: '2026-01-25' });
    expect(personal[2]?.data).toMatchObject({ name: 'NGUYEN VAN BINH', dateOfBirth: PERSON.dateOfBirth, effectiveOn: '2026-03-01' });
    // The status topic is the same whether or not the personal topic is on: same ids, same payloads.
    expect(messages.filter((m) => m.topic === 'status').map((m) => m.attributes.type)).toEqual((await mapFacts(facts)).map((m) => m.attributes.type));
  });

  it('maps the same stored event the same way whatever was appended after it', async () => {
    const store = await mapFacts([landingPermitted(), statusPermissionGranted()]);
    const later = await mapFacts([landingPermitted(), statusPermissionGranted(), departureConfirmed({ reentry: { kind: 'none' }, departedOn: '2026-02-01' })]);
    expect(later.slice(0, store.length).map((m) => m.data)).toEqual(store.map((m) => m.data));
  });
});

describe('the end of an MLTR period announced once', () => {
  it('publishes a refusal in the special period as ceased, and not again on the clock\'s card invalidation (Art. 20(6))', async () => {
    const messages = await mapFacts([
      landingPermitted(), residenceCardIssued(), applicationFiled(), applicationDecided({ decidedOn: '2027-02-01', outcome: 'denied' }),
      residenceCardInvalidated({ ground: 'ceased-to-be-mltr', invalidOn: '2027-02-01' }),
    ]);
    expect(namesOf(messages)).toEqual(['became-mid-to-long-term-resident', 'residence-card-issued', 'ceased-to-be-mid-to-long-term-resident', 'residence-card-invalidated']);
    expect(messages[2]?.data).toEqual({ residentId: RESIDENT_ID, ceasedOn: '2027-02-01', reason: 'OVERSTAY' });
  });
});
