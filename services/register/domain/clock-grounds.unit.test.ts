import { describe, expect, it } from 'vitest';
import {
  cancellationGroundDetected, cancellationGroundWithdrawn, justifiableReasonRecorded, landingPermitted, residenceAddressCorrected,
  residenceAddressNotified, residenceAddressVacated, residenceCardIssued, residentRecordEntered,
} from '../../../testing/events.js';
import { history, recordedOn } from '../../../testing/facts.js';
import { followedBy, tickedOn } from '../../../testing/clock.js';
import { SHIBUYA_ADDRESS, SHINJUKU, s28MovedOutWithoutNewResidence } from '../../../testing/scenario-fixtures.js';
import { clockEvents, plannedClockEvents } from './clock.js';
import { knownBy, type Fact } from './facts.js';

// Architecture decision 7, CAN-3: a ground detected by the clock, and a later fact that removes it.

// S25 R: lands 2026-01-13, settles in Shibuya 2026-01-15 (resident record only), never files by day 90.
const s25R = (): Fact[] => history(
  landingPermitted({ permittedOn: '2026-01-13', grant: { status: 'engineer-specialist', periodOfStay: 'P1Y', expiresOn: '2027-01-13' } }),
  residenceCardIssued({ cardNumber: 'MN00002503PQ', issuedOn: '2026-01-13', printedValidUntil: '2027-01-13' }),
  residentRecordEntered({ reason: 'moving-in-without-card', address: SHIBUYA_ADDRESS, residenceEstablishedOn: '2026-01-15', enteredOn: '2026-01-15', relayId: 'relay-131130-2503' }),
);
const detectedOn0414 = (): Fact[] => tickedOn(s25R(), '2026-04-14');
const withdrawnViii = (reason: 'notified-in-time-relayed-late' | 'justifiable-reason' | 'correction') =>
  cancellationGroundWithdrawn({ ground: 'viii', groundFrom: '2026-04-14', reason });

describe('a move-out relayed after its 90 days (Art. 22-4(1)(ix), CAN-3, reading #13)', () => {
  // S28 with the relay arriving on 2026-08-15: the move-out of 2026-05-01 is known only then.
  const lateRelay = recordedOn('2026-08-15', residenceAddressVacated({
    municipalityCode: SHINJUKU, movedOutOn: '2026-05-01', reason: 'moving-out-notice', notifiedOn: '2026-05-01', relayId: 'relay-131041-2802',
  }));
  const facts = (): Fact[] => history(...s28MovedOutWithoutNewResidence().slice(0, 3), lateRelay);

  it('on the facts known before the relay, a tick on 2026-08-14 appends nothing', () => {
    expect(clockEvents(knownBy(facts(), '2026-08-14T23:59:59+09:00'), '2026-08-14')).toEqual([]);
  });
  it('after the relay, a tick on 2026-08-15 detects ground (ix) from 2026-07-31, the legal date — not the relay date', () => {
    expect(clockEvents(facts(), '2026-08-15')).toEqual([cancellationGroundDetected({
      ground: 'ix', clockStartedOn: '2026-05-01', nominalDeadline: '2026-07-30', effectiveDeadline: '2026-07-30', groundFrom: '2026-07-31', asOf: '2026-08-15',
    })]);
  });
});

describe('withdrawing a detected ground (decision 7; CAN-3, MUNI-3)', () => {
  it('a notification filed on day 87 but relayed after the detection withdraws it: notified in time, relayed late (MUNI-3)', () => {
    const facts = followedBy(detectedOn0414(), recordedOn('2026-04-20', residenceAddressNotified({
      basis: '19-7', address: SHIBUYA_ADDRESS, movedInOn: '2026-01-15', notifiedOn: '2026-04-10', relayId: 'relay-131130-2504',
    })));
    expect(clockEvents(facts, '2026-04-20')).toEqual([withdrawnViii('notified-in-time-relayed-late')]);
  });
  it('a notification filed on day 91 does not withdraw it: the late cure is kept on the candidate (CAN-3)', () => {
    const facts = followedBy(detectedOn0414(), recordedOn('2026-04-20', residenceAddressNotified({
      basis: '19-7', address: SHIBUYA_ADDRESS, movedInOn: '2026-01-15', notifiedOn: '2026-04-14', relayId: 'relay-131130-2504',
    })));
    expect(clockEvents(facts, '2026-04-20')).toEqual([]);
  });
  it('an officer\'s justifiable reason withdraws it (Art. 22-4(1)(viii) "正当な理由", reading #7)', () => {
    const facts = followedBy(detectedOn0414(), recordedOn('2026-04-20', justifiableReasonRecorded({
      ground: 'viii', groundFrom: '2026-04-14', reason: 'hospitalisation', decidedOn: '2026-04-20',
    })));
    expect(clockEvents(facts, '2026-04-19')).toEqual([]);
    expect(clockEvents(facts, '2026-04-20')).toEqual([withdrawnViii('justifiable-reason')]);
  });
  it('a municipal correction withdrawing the deletion withdraws ground (ix): record restored (Art. 61-8-2, CAN-3 (ix))', () => {
    const detected = tickedOn(history(...s28MovedOutWithoutNewResidence()), '2026-07-31');
    const facts = followedBy(detected, recordedOn('2026-08-05', residenceAddressCorrected({
      correctsRelayId: 'relay-131041-2802', correction: { kind: 'withdrawn' }, correctedOn: '2026-08-05', relayId: 'relay-131041-2803',
    })));
    expect(clockEvents(facts, '2026-08-05')).toEqual([cancellationGroundWithdrawn({ ground: 'ix', groundFrom: '2026-07-31', reason: 'record-restored' })]);
  });
  it('a correction moving the day of leaving withdraws the old ground and detects the new one (Art. 61-8-2, CAN-3 (ix))', () => {
    const detected = tickedOn(history(...s28MovedOutWithoutNewResidence()), '2026-07-31');
    const facts = followedBy(detected, recordedOn('2026-08-05', residenceAddressCorrected({
      correctsRelayId: 'relay-131041-2802', correction: { kind: 'amended', movedOutOn: '2026-05-04' }, correctedOn: '2026-08-05', relayId: 'relay-131041-2803',
    })));
    expect(plannedClockEvents(facts, '2026-08-05').map((p) => [p.key, p.event.type === 'CancellationGroundWithdrawn' ? p.event.data.reason : null])).toEqual([
      ['ground-withdrawn/ix/2026-07-31', 'correction'],
      ['ground-detected/ix/2026-08-04', null],
    ]);
  });
  it('a tick as of a date before the detection\'s from-date leaves it alone (the log was brought to a later date)', () => {
    expect(clockEvents(detectedOn0414(), '2026-04-13')).toEqual([]);
  });
  it('each detection is withdrawn once: a later tick appends nothing more', () => {
    const facts = followedBy(detectedOn0414(), recordedOn('2026-04-20', justifiableReasonRecorded({
      ground: 'viii', groundFrom: '2026-04-14', reason: 'hospitalisation', decidedOn: '2026-04-20',
    })));
    expect(clockEvents(tickedOn(facts, '2026-04-20'), '2026-05-01')).toEqual([]);
  });
  it('a ground that holds again after its withdrawal is detected again, under a new key', () => {
    const relay = residenceAddressNotified({ basis: '19-7', address: SHIBUYA_ADDRESS, movedInOn: '2026-01-15', notifiedOn: '2026-04-10', relayId: 'relay-131130-2504' });
    const withdrawn = tickedOn(followedBy(detectedOn0414(), recordedOn('2026-04-20', relay)), '2026-04-20');
    const facts = followedBy(withdrawn, recordedOn('2026-04-25', residenceAddressCorrected({
      correctsRelayId: 'relay-131130-2504', correction: { kind: 'withdrawn' }, correctedOn: '2026-04-25', relayId: 'relay-131130-2505',
    })));
    expect(plannedClockEvents(facts, '2026-04-25').map((p) => p.key)).toEqual(['ground-detected/viii/2026-04-14/2']);
    expect(clockEvents(tickedOn(facts, '2026-04-25'), '2026-04-25')).toEqual([]);
  });
});
