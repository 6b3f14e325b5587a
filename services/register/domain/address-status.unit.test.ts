import { describe, expect, it } from 'vitest';
import {
  CHIYODA, landingPermitted, residenceAddressCorrected, residenceAddressNotified, residenceAddressVacated, residentRecordEntered,
} from '../../../testing/events.js';
import { history, recordedOn } from '../../../testing/facts.js';
import { NERIMA, NERIMA_ADDRESS, SETAGAYA_ADDRESS, SHINJUKU, SHINJUKU_ADDRESS, s28MovedOutWithoutNewResidence } from '../../../testing/scenario-fixtures.js';
import { q } from '../../../testing/status-queries.js';
import { addressAnomalies } from './address-status.js';
import { endOfLegalDay, type Fact } from './facts.js';
import { statusAt, statusContext } from './status.js';

// MUNI-3 (Art. 61-8-2): the residence address in valid time, with municipal corrections.

const landing = landingPermitted();
const notified = residenceAddressNotified({ movedInOn: '2026-01-25', notifiedOn: '2026-01-30', relayId: 'relay-131016-0001' });

describe('address at the end of D (MUNI-3, Arts. 19-7(1), 61-8-2)', () => {
  it('S01 Q 2026-01-20: no residence known before the move-in (Art. 19-7(1), DT-8)', () => {
    expect(q(history(landing, notified), '2026-01-20').address).toBeNull();
  });
  it('S01 Q 2026-02-02: notified, Chiyoda since 2026-01-25 (Art. 19-7(1), MUNI-1)', () => {
    expect(q(history(landing, notified), '2026-02-02').address).toEqual({
      state: 'notified', address: notified.data.address, since: '2026-01-25', notifiedOn: '2026-01-30', relayId: 'relay-131016-0001',
    });
  });
  it('recorded between the move-in and the filing day (Art. 19-7(1), DT-8)', () => {
    expect(statusAt(history(landing, notified), { asOf: '2026-01-27' }).address).toMatchObject({ state: 'recorded', since: '2026-01-25' });
  });
  it('a resident-record entry alone is recorded, not notified (Art. 61-8-2, MUNI-2)', () => {
    const entry = residentRecordEntered({ residenceEstablishedOn: '2026-01-25', enteredOn: '2026-01-26', relayId: 'relay-131016-0004' });
    expect(q(history(landing, entry), '2026-02-02').address).toMatchObject({ state: 'recorded', since: '2026-01-25', relayId: 'relay-131016-0004' });
  });
  it('S29: vacated since the move-out of 2026-05-01 once relayed (Art. 22-4(1)(ix), MUNI-2)', () => {
    const facts = history(...s28MovedOutWithoutNewResidence());
    expect(q(facts, '2026-05-10').address).toEqual({ state: 'vacated', municipalityCode: SHINJUKU, since: '2026-05-01' });
    expect(q(facts, '2026-05-07').address).toMatchObject({ state: 'notified', address: SHINJUKU_ADDRESS });
  });
  it('a new residence taken up on the move-out day is the current one, whatever the relay order (Art. 19-9(1), NOTIF-3)', () => {
    const facts = history(
      landing, notified,
      residenceAddressNotified({ basis: '19-9', address: SETAGAYA_ADDRESS, movedInOn: '2026-06-01', notifiedOn: '2026-06-03', relayId: 'relay-131121-0001' }),
      residenceAddressVacated({ movedOutOn: '2026-06-01', notifiedOn: '2026-05-29' }),
    );
    expect(q(facts, '2026-06-03').address).toMatchObject({ state: 'notified', address: SETAGAYA_ADDRESS, since: '2026-06-01' });
  });
  it('a move-out of the previous municipality relayed after the move does not vacate the new residence (MUNI-3)', () => {
    const facts = history(
      landing, notified,
      residenceAddressNotified({ basis: '19-9', address: SETAGAYA_ADDRESS, movedInOn: '2026-06-01', notifiedOn: '2026-06-03', relayId: 'relay-131121-0001' }),
      residenceAddressVacated({ municipalityCode: CHIYODA, movedOutOn: '2026-06-05', notifiedOn: '2026-05-29' }),
    );
    expect(q(facts, '2026-06-10').address).toMatchObject({ state: 'notified', address: SETAGAYA_ADDRESS });
  });
});

describe('municipal corrections (Art. 61-8-2, MUNI-3)', () => {
  // S33: a PR with a notified residence in Nerima; an erroneous ex officio deletion, then withdrawn.
  const s33 = history(
    landingPermitted({ permittedOn: '2020-04-01', grant: { status: 'engineer-specialist', periodOfStay: 'P5Y', expiresOn: '2025-04-01' } }),
    residenceAddressNotified({ address: NERIMA_ADDRESS, movedInOn: '2020-04-05', notifiedOn: '2020-04-08', relayId: 'relay-131202-3301' }),
    recordedOn('2026-04-06', residenceAddressVacated({ municipalityCode: NERIMA, movedOutOn: '2026-04-01', reason: 'ex-officio-deletion', notifiedOn: undefined, relayId: 'relay-131202-3302' })),
    recordedOn('2026-04-20', residenceAddressCorrected({ correctsRelayId: 'relay-131202-3302', correction: { kind: 'withdrawn' }, correctedOn: '2026-04-20', relayId: 'relay-131202-3303' })),
  );
  it('S33 Q 2026-04-10 as known then: vacated (Art. 61-8-2, DT-8)', () => {
    expect(q(s33, '2026-04-10').address).toMatchObject({ state: 'vacated', since: '2026-04-01' });
  });
  it('S33 Q 2026-04-21: the withdrawal restores the residence retroactively (Art. 61-8-2, MUNI-3)', () => {
    expect(q(s33, '2026-04-21').address).toMatchObject({ state: 'notified', address: NERIMA_ADDRESS });
    expect(statusAt(s33, { asOf: '2026-04-10' }).address).toMatchObject({ state: 'notified', address: NERIMA_ADDRESS });
  });
  it('an amendment replaces the moved-in date in valid time (Art. 61-8-2, MUNI-3)', () => {
    const facts = history(landing, notified, residenceAddressCorrected({ correctsRelayId: 'relay-131016-0001', correction: { kind: 'amended', movedInOn: '2026-01-20' }, correctedOn: '2026-02-10' }));
    expect(q(facts, '2026-02-20').address).toMatchObject({ state: 'notified', since: '2026-01-20' });
  });
  it('a correction of another relay changes nothing (Art. 61-8-2, MUNI-3)', () => {
    const facts = history(landing, notified, residenceAddressCorrected({ correctsRelayId: 'relay-131016-9999', correction: { kind: 'withdrawn' }, correctedOn: '2026-02-10' }));
    expect(q(facts, '2026-02-20').address).toMatchObject({ state: 'notified', since: '2026-01-25' });
  });
});

describe('address anomalies (MUNI-3, reading #11)', () => {
  const anomalies = (facts: readonly Fact[], asOf: string) =>
    addressAnomalies(statusContext(facts, { asOf, knownAt: endOfLegalDay(asOf) })).map((a) => [a.code, a.on]);

  it('MOVED_IN_BEFORE_LANDING for a moved-in date before the landing (Art. 19-7(1), reading #11)', () => {
    const facts = history(landing, residenceAddressNotified({ movedInOn: '2026-01-05', notifiedOn: '2026-01-20' }));
    expect(anomalies(facts, '2026-01-20')).toEqual([['MOVED_IN_BEFORE_LANDING', '2026-01-05']]);
  });
  it('S31 Q 2026-03-15 as known then: the relay is unmatched; gone once the landing arrives (MUNI-3)', () => {
    const facts = history(
      recordedOn('2026-03-10', residenceAddressNotified({ address: SETAGAYA_ADDRESS, movedInOn: '2026-03-05', notifiedOn: '2026-03-09', relayId: 'relay-131121-3101' })),
      recordedOn('2026-03-20', landingPermitted({ permittedOn: '2026-03-03', grant: { status: 'skilled-labor', periodOfStay: 'P3Y', expiresOn: '2029-03-03' } })),
    );
    expect(anomalies(facts, '2026-03-15')).toEqual([['RESIDENCE_NOTIFIED_WITHOUT_STATUS', '2026-03-09']]);
    expect(anomalies(facts, '2026-03-20')).toEqual([]);
  });
  it('RESIDENCE_NOTIFIED_WITHOUT_STATUS for a Temporary Visitor (MUNI-3, Art. 19-3(ii))', () => {
    const visitor = landingPermitted({ grant: { status: 'temporary-visitor', periodOfStay: 'P90D', expiresOn: '2026-04-09' } });
    expect(anomalies(history(visitor, notified), '2026-02-02')).toEqual([['RESIDENCE_NOTIFIED_WITHOUT_STATUS', '2026-01-30']]);
  });
  it('ADDRESS_CORRECTION_UNMATCHED for a correction of an unknown relay (MUNI-3)', () => {
    const facts = history(landing, notified, residenceAddressCorrected({ correctsRelayId: 'relay-131016-9999', correctedOn: '2026-02-10' }));
    expect(anomalies(facts, '2026-02-10')).toEqual([['ADDRESS_CORRECTION_UNMATCHED', '2026-02-10']]);
  });
  it('MOVE_OUT_OF_UNKNOWN_RESIDENCE when no residence is known (Art. 22-4(1)(ix))', () => {
    expect(anomalies(history(landing, residenceAddressVacated({ movedOutOn: '2026-05-31' })), '2026-06-01')).toEqual([['MOVE_OUT_OF_UNKNOWN_RESIDENCE', '2026-05-31']]);
  });
  it('no anomaly for a timely, matched notification (MUNI-3)', () => {
    expect(anomalies(history(landing, notified), '2026-02-02')).toEqual([]);
  });
});
