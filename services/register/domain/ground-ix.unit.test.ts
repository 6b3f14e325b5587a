import { describe, expect, it } from 'vitest';
import {
  departureConfirmed, justifiableReasonRecorded, landingPermitted, reentered, residenceAddressCorrected, residenceAddressNotified,
  residenceAddressVacated, residentRecordEntered, statusPermissionGranted,
} from '../../../testing/events.js';
import { history, recordedOn } from '../../../testing/facts.js';
import { NERIMA, NERIMA_ADDRESS, SHIBUYA_ADDRESS, SHINJUKU_ADDRESS, s28MovedOutWithoutNewResidence } from '../../../testing/scenario-fixtures.js';
import { candidate, q, watch } from '../../../testing/status-queries.js';
import { statusAt } from './status.js';

// CAN-3, Art. 22-4(1)(ix): 90 days from leaving a notified residence, through statusAt.

describe('S29 — move out with no new residence (Art. 22-4(1)(ix), CAN-3)', () => {
  const facts = history(...s28MovedOutWithoutNewResidence());
  it('Q 2026-07-30: no candidate on day 90; the watch runs (Art. 22-4(1)(ix), DT-2)', () => {
    const status = q(facts, '2026-07-30');
    expect(candidate(status, 'ix')).toBeUndefined();
    expect(watch(status, 'ix')).toEqual({ ground: 'ix', clockStartedOn: '2026-05-01', day90: { nominal: '2026-07-30', effective: '2026-07-30' }, groundFrom: '2026-07-31' });
  });
  it('Q 2026-07-31: candidate from 2026-07-31, open, known since the relay (Art. 22-4(1)(ix), CAN-3)', () => {
    expect(candidate(q(facts, '2026-07-31'), 'ix')).toMatchObject({
      from: '2026-07-31', strictFrom: '2026-07-31', clockStartedOn: '2026-05-01', curedLateOn: null, state: 'candidate', knownSince: '2026-05-08T12:00:00+09:00',
    });
  });
  it('Q 2026-07-31: no 19-9 duty — no new residence is known (Art. 19-9(1), NOTIF-3)', () => {
    expect(q(facts, '2026-07-31').obligations.filter((o) => o.duty === '19-9')).toEqual([]);
  });
  it('as known before the relay there is no watch (DT-8)', () => {
    expect(q(facts, '2026-05-07').watches).toEqual([]);
  });
});

describe('S33 — erroneous deletion withdrawn by the municipality (Arts. 61-8-2, 22-4(1)(ix))', () => {
  const facts = history(
    landingPermitted({ permittedOn: '2020-04-01', grant: { status: 'engineer-specialist', periodOfStay: 'P5Y', expiresOn: '2025-04-01' } }),
    residenceAddressNotified({ address: NERIMA_ADDRESS, movedInOn: '2020-04-05', notifiedOn: '2020-04-08', relayId: 'relay-131202-3301' }),
    statusPermissionGranted({ kind: 'permanent-residence', grantedOn: '2023-04-03', grant: { status: 'permanent-resident', periodOfStay: 'indefinite', expiresOn: null } }),
    recordedOn('2026-04-06', residenceAddressVacated({ municipalityCode: NERIMA, movedOutOn: '2026-04-01', reason: 'ex-officio-deletion', notifiedOn: undefined, relayId: 'relay-131202-3302' })),
    recordedOn('2026-04-20', residenceAddressCorrected({ correctsRelayId: 'relay-131202-3302', correction: { kind: 'withdrawn' }, correctedOn: '2026-04-20', relayId: 'relay-131202-3303' })),
  );
  it('Q 2026-04-10 as known then: watch running, day 90 = 2026-06-30 (Art. 22-4(1)(ix), DT-8)', () => {
    expect(watch(q(facts, '2026-04-10'), 'ix')).toMatchObject({ clockStartedOn: '2026-04-01', day90: { nominal: '2026-06-30', effective: '2026-06-30' } });
  });
  it('Q 2026-04-21 and Q 2026-07-15: no watch, no candidate (Art. 61-8-2, MUNI-3)', () => {
    for (const asOf of ['2026-04-21', '2026-07-15']) {
      const status = q(facts, asOf);
      expect([status.watches, status.cancellationGrounds]).toEqual([[], []]);
    }
  });
  it('Q 2026-04-10 as known later: the withdrawal applies retroactively (Art. 61-8-2, DT-8)', () => {
    expect(statusAt(facts, { asOf: '2026-04-10' }).watches).toEqual([]);
  });
});

describe('S35 — leaving the residence to go abroad on a special re-entry permit (Arts. 22-4(1)(ix), 26-2)', () => {
  const s35 = [
    landingPermitted(),
    residenceAddressNotified({ movedInOn: '2026-01-25', notifiedOn: '2026-01-30' }),
    recordedOn('2026-06-02', residenceAddressVacated({ movedOutOn: '2026-05-31', reason: 'moving-out-abroad-notice', notifiedOn: '2026-05-29' })),
    departureConfirmed({ departedOn: '2026-06-01', reentry: { kind: 'special-reentry' } }),
    reentered({ reenteredOn: '2026-10-15' }),
    residenceAddressNotified({ basis: '19-9', deemedBy: 'brra-30-46', address: SHIBUYA_ADDRESS, movedInOn: '2026-10-20', notifiedOn: '2026-10-28', relayId: 'relay-131130-3501' }),
  ];
  const facts = history(...s35);
  it('Q 2026-09-01: candidate from 2026-09-01 (day 90 2026-08-29 Sat → 2026-08-31), abroad hint (Art. 22-4(1)(ix), CAN-3)', () => {
    expect(candidate(q(facts, '2026-09-01'), 'ix')).toMatchObject({
      from: '2026-09-01', strictFrom: '2026-08-30', day90: { nominal: '2026-08-29', effective: '2026-08-31' },
      likelyJustification: 'ABROAD_ON_REENTRY_PERMIT', state: 'candidate', curedLateOn: null,
    });
  });
  it('Q 2026-08-31: still a watch on the effective day 90 (Art. 22-4(1)(ix), DT-6)', () => {
    expect(watch(q(facts, '2026-08-31'), 'ix')).toMatchObject({ groundFrom: '2026-09-01' });
  });
  it('Q 2026-10-28: cured late by the Shibuya notification (Art. 22-4(1)(ix), CAN-3)', () => {
    expect(candidate(q(facts, '2026-10-28'), 'ix')).toMatchObject({ from: '2026-09-01', curedLateOn: '2026-10-28' });
  });
  it('strict reading (policy off): candidate from 2026-08-30 (Art. 22-4(1)(ix), reading #1)', () => {
    expect(candidate(q(facts, '2026-08-30', { rollForward90DayGrounds: false }), 'ix')).toMatchObject({ from: '2026-08-30', strictFrom: '2026-08-30' });
  });
  it('a justifiable reason recorded for the candidate withdraws it (Art. 22-4(1)(ix), reading #7)', () => {
    const reason = justifiableReasonRecorded({ ground: 'ix', groundFrom: '2026-09-01', reason: 'abroad-on-reentry-permit', decidedOn: '2026-09-10' });
    expect(candidate(q(history(...s35, reason), '2026-09-10'), 'ix')).toMatchObject({
      state: 'withdrawn', justifiableReason: { reason: 'abroad-on-reentry-permit', decidedOn: '2026-09-10' },
    });
  });
});

describe('(ix) rules (Art. 22-4(1)(ix), CAN-3)', () => {
  const landed = landingPermitted();
  const notified = residenceAddressNotified({ movedInOn: '2026-01-25', notifiedOn: '2026-01-30' });
  const movedOut = (recordedDate: string) => recordedOn(recordedDate, residenceAddressVacated({ movedOutOn: '2026-05-01', notifiedOn: '2026-04-28' }));

  it('a move-out relayed after day 90 gives a retroactive candidate known since the relay (reading #13)', () => {
    const facts = history(landed, notified, movedOut('2026-08-15'));
    expect(candidate(q(facts, '2026-08-14'), 'ix')).toBeUndefined();
    expect(candidate(q(facts, '2026-08-15'), 'ix')).toMatchObject({ from: '2026-07-31', knownSince: '2026-08-15T12:00:00+09:00' });
  });
  it('a new residence notified by day 90 prevents the ground (Art. 22-4(1)(ix), CAN-3)', () => {
    const next = residenceAddressNotified({ basis: '19-9', address: SHINJUKU_ADDRESS, movedInOn: '2026-07-01', notifiedOn: '2026-07-30', relayId: 'relay-131041-0100' });
    const status = q(history(landed, notified, movedOut('2026-05-02'), next), '2026-08-01');
    expect([status.watches, status.cancellationGrounds]).toEqual([[], []]);
  });
  it('a new residence known only from the resident record does not prevent it (Art. 22-4(1)(ix), MUNI-2)', () => {
    const next = residentRecordEntered({ address: SHINJUKU_ADDRESS, residenceEstablishedOn: '2026-07-01', enteredOn: '2026-07-02', relayId: 'relay-131041-0101' });
    expect(candidate(q(history(landed, notified, movedOut('2026-05-02'), next), '2026-07-31'), 'ix')).toMatchObject({ from: '2026-07-31' });
  });
  it('no (ix) clock when the residence left had never been notified (Art. 22-4(1)(ix), CAN-3)', () => {
    const recorded = residentRecordEntered({ residenceEstablishedOn: '2026-01-25', enteredOn: '2026-01-26' });
    expect(q(history(landed, recorded, movedOut('2026-05-02')), '2026-06-01').watches).toEqual([]);
  });
  it('no watch for a person who never was an MLTR (Art. 22-4(1)(ix), MLTR-1)', () => {
    const visitor = landingPermitted({ grant: { status: 'temporary-visitor', periodOfStay: 'P90D', expiresOn: '2026-04-09' } });
    const vacated = residenceAddressVacated({ movedOutOn: '2026-03-01', notifiedOn: '2026-03-01' });
    expect(q(history(visitor, notified, vacated), '2026-03-10').watches).toEqual([]);
  });
  it('moot once the person departs without a re-entry permit (REG-3, Art. 25)', () => {
    const gone = departureConfirmed({ departedOn: '2026-08-05', reentry: { kind: 'none' } });
    expect(candidate(q(history(landed, notified, movedOut('2026-05-02'), gone), '2026-08-05'), 'ix')).toMatchObject({ from: '2026-07-31', state: 'moot' });
  });
});
