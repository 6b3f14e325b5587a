import { describe, expect, it } from 'vitest';
import {
  CHIYODA, CHIYODA_ADDRESS, departureConfirmed, landingPermitted, reentered, residenceAddressCorrected, residenceAddressNotified,
  residenceAddressVacated, residenceCardIssued, residentRecordEntered, statusPermissionGranted,
} from '../../../../testing/events.js';
import { history, recordedOn } from '../../../../testing/facts.js';
import { endOfLegalDay } from '../facts.js';
import { statusAt } from '../status.js';
import {
  NERIMA, NERIMA_ADDRESS, SETAGAYA_ADDRESS, SHIBUYA_ADDRESS, SHINJUKU_ADDRESS, s28MovedOutWithoutNewResidence,
} from '../../../../testing/scenario-fixtures.js';
import { candidate, obligation, q, watch } from '../../../../testing/status-queries.js';

// scenarios.md section D — residence notifications and the 90-day grounds (viii), (ix).

describe('S25 — Notified on day 90 versus day 91 (Arts. 19-7, 22-4(1)(viii), 71-5(i), DT-2)', () => {
  const landed = (cardNumber: string) => [
    landingPermitted({ permittedOn: '2026-01-13', grant: { status: 'engineer-specialist', periodOfStay: 'P1Y', expiresOn: '2027-01-13' } }),
    residenceCardIssued({ cardNumber, issuedOn: '2026-01-13', printedValidUntil: '2027-01-13' }),
  ];
  const notified = (address: typeof CHIYODA_ADDRESS, notifiedOn: string) =>
    residenceAddressNotified({ basis: '19-7', address, movedInOn: '2026-01-15', notifiedOn, relayId: `relay-${address.municipalityCode}-2501` });
  const p = history(...landed('KL00002501MN'), notified(CHIYODA_ADDRESS, '2026-04-13'));
  const qq = history(...landed('LM00002502NP'), notified(SHINJUKU_ADDRESS, '2026-04-14'));
  // R never files: the register knows R's settling only from the resident-record entry (a BRRA filing
  // without the card, which is not a 19-7 notification).
  const r = history(
    ...landed('MN00002503PQ'),
    residentRecordEntered({ reason: 'moving-in-without-card', address: SHIBUYA_ADDRESS, residenceEstablishedOn: '2026-01-15', enteredOn: '2026-01-15', relayId: 'relay-131130-2503' }),
  );
  const lateFrom0115 = { clockStartedOn: '2026-01-15', deadline: { nominal: '2026-01-29', effective: '2026-01-29' }, overdueSince: '2026-01-30' };

  it('P, Q 2026-04-13: 19-7 (deadline 2026-01-29, overdue since 2026-01-30) met late on 2026-04-13 (Arts. 19-7(1), 71-5(i))', () => {
    expect(obligation(q(p, '2026-04-13'), '19-7')).toMatchObject({ ...lateFrom0115, state: 'metLate', metOn: '2026-04-13' });
  });
  it('P, Q 2026-04-13 and 2026-04-14: no (viii) candidate — filed on day 90 (Art. 22-4(1)(viii), CAN-3)', () => {
    expect(candidate(q(p, '2026-04-13'), 'viii')).toBeUndefined();
    expect(candidate(q(p, '2026-04-14'), 'viii')).toBeUndefined();
  });
  it('Q and R, Q 2026-04-13: no candidate yet — day 90 not over (Art. 22-4(1)(viii), DT-8)', () => {
    expect(candidate(q(qq, '2026-04-13'), 'viii')).toBeUndefined();
    expect(candidate(q(r, '2026-04-13'), 'viii')).toBeUndefined();
  });
  it('Q, Q 2026-04-14: (viii) candidate from 2026-04-14, cured late on 2026-04-14 (Art. 22-4(1)(viii), CAN-3)', () => {
    expect(candidate(q(qq, '2026-04-14'), 'viii')).toMatchObject({ from: '2026-04-14', strictFrom: '2026-04-14', curedLateOn: '2026-04-14' });
  });
  it('Q, Q 2026-04-14: 19-7 met late on 2026-04-14 (Art. 19-7(1))', () => {
    expect(obligation(q(qq, '2026-04-14'), '19-7')).toMatchObject({ ...lateFrom0115, state: 'metLate', metOn: '2026-04-14' });
  });
  it('R, Q 2026-04-14: (viii) candidate from 2026-04-14, open (Art. 22-4(1)(viii), CAN-3)', () => {
    expect(candidate(q(r, '2026-04-14'), 'viii')).toMatchObject({ from: '2026-04-14', curedLateOn: null, state: 'candidate' });
  });
  it('R, Q 2026-04-14: 19-7 still overdue since 2026-01-30 (Arts. 19-7(1), 71-5(i))', () => {
    expect(obligation(q(r, '2026-04-14'), '19-7')).toMatchObject({ ...lateFrom0115, state: 'overdue', metOn: null });
  });
});

describe('S27 — Day 90 falls in Golden Week (Arts. 19-7, 22-4(1)(viii), DT-6 reading #1)', () => {
  const landed = [
    landingPermitted({ permittedOn: '2026-02-04', grant: { status: 'researcher', periodOfStay: 'P3Y', expiresOn: '2029-02-04' } }),
    residenceCardIssued({ cardNumber: 'PQ00002701RS', issuedOn: '2026-02-04', printedValidUntil: '2029-02-04' }),
  ];
  const facts = history(
    ...landed,
    residenceAddressNotified({ basis: '19-7', address: SETAGAYA_ADDRESS, movedInOn: '2026-02-06', notifiedOn: '2026-05-07', relayId: 'relay-131121-2701' }),
  );

  it('Q 2026-02-21: 19-7 deadline 2026-02-20, overdue since 2026-02-21 (Art. 19-7(1), NOTIF-1)', () => {
    expect(obligation(q(facts, '2026-02-21'), '19-7')).toMatchObject({
      state: 'overdue', overdueSince: '2026-02-21', deadline: { nominal: '2026-02-20', effective: '2026-02-20' },
    });
  });
  it('Q 2026-05-07: 19-7 met late on 2026-05-07, overdue since 2026-02-21 (Art. 19-7(1))', () => {
    expect(obligation(q(facts, '2026-05-07'), '19-7')).toMatchObject({ state: 'metLate', metOn: '2026-05-07', overdueSince: '2026-02-21' });
  });
  it('Q 2026-05-06: (viii) day 90 = 2026-05-05 (Children\'s Day) → effective 2026-05-07 (Art. 22-4(1)(viii), DT-6)', () => {
    expect(watch(q(facts, '2026-05-06'), 'viii')).toMatchObject({ day90: { nominal: '2026-05-05', effective: '2026-05-07' }, groundFrom: '2026-05-08' });
  });
  it('Q 2026-05-08: filed on the effective day 90 → no (viii) candidate (Art. 22-4(1)(viii), reading #1)', () => {
    expect(candidate(q(facts, '2026-05-08'), 'viii')).toBeUndefined();
  });
  it('Q 2026-05-08, strict reading (no roll-forward): candidate from 2026-05-06 (Art. 22-4(1)(viii), reading #1)', () => {
    expect(candidate(q(facts, '2026-05-08', { rollForward90DayGrounds: false }), 'viii')).toMatchObject({ from: '2026-05-06' });
  });
  it('Variant (never files), Q 2026-05-08: candidate from 2026-05-08, strict 2026-05-06 (Art. 22-4(1)(viii), CAN-3)', () => {
    expect(candidate(q(history(...landed), '2026-05-08'), 'viii')).toMatchObject({ from: '2026-05-08', strictFrom: '2026-05-06', state: 'candidate' });
  });
});

describe('S29 — Move out with no new residence → ground (ix) (Art. 22-4(1)(ix), CAN-3)', () => {
  // S28 (held back) reconstructed: move-out 2026-05-01 from a notified residence, relayed 2026-05-08.
  const facts = history(...s28MovedOutWithoutNewResidence());

  it('Q 2026-07-30: no candidate on day 90 (Art. 22-4(1)(ix), DT-2)', () => {
    const status = q(facts, '2026-07-30');
    expect(candidate(status, 'ix')).toBeUndefined();
    expect(watch(status, 'ix')).toMatchObject({ clockStartedOn: '2026-05-01', day90: { nominal: '2026-07-30', effective: '2026-07-30' } });
  });
  it('Q 2026-07-31: (ix) candidate from 2026-07-31, open (Art. 22-4(1)(ix), CAN-3)', () => {
    expect(candidate(q(facts, '2026-07-31'), 'ix')).toMatchObject({ from: '2026-07-31', curedLateOn: null, state: 'candidate' });
  });
  it('Q 2026-07-31: no 19-9 duty — no new residence is known (Art. 19-9(1), NOTIF-3)', () => {
    expect(obligation(q(facts, '2026-07-31'), '19-9')).toBeUndefined();
  });
});

describe('S31 — Address notification relayed before the landing event arrives (Arts. 19-7, 22-4(1)(viii), MUNI-3, DT-8)', () => {
  const facts = history(
    recordedOn('2026-03-10', residenceAddressNotified({ basis: '19-7', address: SETAGAYA_ADDRESS, movedInOn: '2026-03-05', notifiedOn: '2026-03-09', relayId: 'relay-131121-3101' })),
    recordedOn('2026-03-20', landingPermitted({ permittedOn: '2026-03-03', grant: { status: 'skilled-labor', periodOfStay: 'P3Y', expiresOn: '2029-03-03' } })),
    recordedOn('2026-03-20', residenceCardIssued({ cardNumber: 'UV00003101WX', issuedOn: '2026-03-03', printedValidUntil: '2029-03-03' })),
  );

  it('Q 2026-03-15 as known then: no MLTR record, no obligations (MUNI-3)', () => {
    const status = q(facts, '2026-03-15');
    expect(status.midToLongTermResident.is).toBe(false);
    expect(status.obligations).toEqual([]);
  });
  it('Q 2026-03-15 as known then: the relay filed 2026-03-09 is held as unmatched, flagged as an anomaly (MUNI-3)', () => {
    expect(q(facts, '2026-03-15').anomalies).toContainEqual(expect.objectContaining({ on: '2026-03-09' }));
  });
  it('Q 2026-03-20: MLTR since 2026-03-03 (Art. 19-3, MLTR-2)', () => {
    expect(q(facts, '2026-03-20').midToLongTermResident).toMatchObject({ is: true, since: '2026-03-03' });
  });
  it('Q 2026-03-20: 19-7 met on 2026-03-09, deadline 2026-03-19 — judged on the filing date (Art. 19-7(1), MUNI-3)', () => {
    expect(obligation(q(facts, '2026-03-20'), '19-7')).toMatchObject({ state: 'met', metOn: '2026-03-09', deadline: { effective: '2026-03-19' } });
  });
  it('Q 2026-03-20: (viii) closed, nothing overdue although the landing arrived last (Art. 22-4(1)(viii), MUNI-3)', () => {
    const status = q(facts, '2026-03-20');
    expect(watch(status, 'viii')).toBeUndefined();
    expect(candidate(status, 'viii')).toBeUndefined();
    expect(status.obligations.filter((o) => o.state === 'overdue')).toEqual([]);
  });
});

describe('S33 — Erroneous deletion withdrawn by the municipality (Arts. 61-8-2, 22-4(1)(ix), MUNI-3)', () => {
  // Reconstructed: permanent residence granted 2025-04-01, residence in Nerima notified in time.
  const facts = history(
    statusPermissionGranted({ kind: 'permanent-residence', grantedOn: '2025-04-01', applicationId: undefined, grant: { status: 'permanent-resident', periodOfStay: 'indefinite', expiresOn: null } }),
    residenceCardIssued({ cardNumber: 'WX00003301YZ', issuedOn: '2025-04-01', printedValidUntil: '2032-03-31', reason: 'permanent-residence' }),
    residenceAddressNotified({ basis: '19-8', address: NERIMA_ADDRESS, movedInOn: '2025-04-05', notifiedOn: '2025-04-10', relayId: 'relay-131202-3301' }),
    recordedOn('2026-04-06', residenceAddressVacated({ municipalityCode: NERIMA, movedOutOn: '2026-04-01', reason: 'ex-officio-deletion', notifiedOn: undefined, relayId: 'relay-131202-3302' })),
    recordedOn('2026-04-20', residenceAddressCorrected({ correctsRelayId: 'relay-131202-3302', correction: { kind: 'withdrawn' }, correctedOn: '2026-04-20', relayId: 'relay-131202-3303' })),
  );

  it('Q 2026-04-10 as known at 2026-04-10 (asked before or after the correction): (ix) watch, day 90 = 2026-06-30 (Art. 22-4(1)(ix), DT-8)', () => {
    expect(watch(q(facts, '2026-04-10'), 'ix')).toMatchObject({ clockStartedOn: '2026-04-01', day90: { nominal: '2026-06-30', effective: '2026-06-30' } });
  });
  it('Q 2026-04-10 as known then: the residence is shown vacated since 2026-04-01 (Art. 61-8-2, MUNI-2)', () => {
    expect(q(facts, '2026-04-10').address).toMatchObject({ state: 'vacated', municipalityCode: NERIMA, since: '2026-04-01' });
  });
  it('Q 2026-04-21: no move-out, no watch, no candidate (Art. 61-8-2, CAN-3)', () => {
    const status = q(facts, '2026-04-21');
    expect(status.address).toMatchObject({ state: 'notified', address: { municipalityCode: NERIMA } });
    expect(watch(status, 'ix')).toBeUndefined();
    expect(candidate(status, 'ix')).toBeUndefined();
  });
  it('Q 2026-07-15: no watch, no candidate (Art. 22-4(1)(ix), CAN-3)', () => {
    const status = q(facts, '2026-07-15');
    expect(watch(status, 'ix')).toBeUndefined();
    expect(candidate(status, 'ix')).toBeUndefined();
  });
  it('Q 2026-04-10 as known now: the correction withdraws the clock retroactively (CAN-3, MUNI-3)', () => {
    expect(watch(statusAt(facts, { asOf: '2026-04-10' }), 'ix')).toBeUndefined();
    expect(watch(statusAt(facts, { asOf: '2026-04-10', knownAt: endOfLegalDay('2026-04-20') }), 'ix')).toBeUndefined();
  });
});

describe('S35 — Leaving the residence to go abroad on a deemed re-entry permit (Arts. 22-4(1)(ix), 26-2, 19-9(3), 19-14(iii))', () => {
  const facts = history(
    landingPermitted({ permittedOn: '2026-01-10', grant: { status: 'engineer-specialist', periodOfStay: 'P1Y', expiresOn: '2027-01-10' } }),
    residenceCardIssued({ cardNumber: 'XY00003501ZA', issuedOn: '2026-01-10', printedValidUntil: '2027-01-10' }),
    residenceAddressNotified({ basis: '19-7', address: CHIYODA_ADDRESS, movedInOn: '2026-01-25', notifiedOn: '2026-01-30', relayId: 'relay-131016-3501' }),
    recordedOn('2026-06-01', departureConfirmed({ departedOn: '2026-06-01', port: 'Narita Airport', reentry: { kind: 'special-reentry' } })),
    recordedOn('2026-06-02', residenceAddressVacated({ municipalityCode: CHIYODA, movedOutOn: '2026-05-31', reason: 'moving-out-abroad-notice', notifiedOn: '2026-05-29', relayId: 'relay-131016-3502' })),
    reentered({ reenteredOn: '2026-10-15', port: 'Narita Airport', reentry: 'special-reentry' }),
    residenceAddressNotified({ basis: '19-9', deemedBy: 'brra-30-46', cardPresented: true, address: SHIBUYA_ADDRESS, movedInOn: '2026-10-20', notifiedOn: '2026-10-28', relayId: 'relay-131130-3503' }),
  );

  it('Q 2026-09-01: deemed re-entry valid through min(2027-06-01, expiry 2027-01-10) = 2027-01-10 (Art. 26-2(2), DRP-1)', () => {
    expect(q(facts, '2026-09-01').travel).toMatchObject({ abroad: true, under: 'special-reentry', returnBy: '2027-01-10' });
  });
  it('Q 2026-09-01: MLTR while abroad (MLTR-3)', () => {
    expect(q(facts, '2026-09-01').midToLongTermResident.is).toBe(true);
  });
  it('Q 2026-09-01: card valid while abroad — no 19-14(iii) with a deemed permit (Art. 19-14(iii), DRP-1)', () => {
    expect(q(facts, '2026-09-01').card).toMatchObject({ cardNumber: 'XY00003501ZA', valid: true, invalidity: [] });
  });
  it('Q 2026-09-01: (ix) candidate from 2026-09-01 (day 90 2026-08-29 → 2026-08-31; strict 2026-08-30), hinted ABROAD_ON_REENTRY_PERMIT, not suppressed (CAN-3)', () => {
    expect(candidate(q(facts, '2026-09-01'), 'ix')).toMatchObject({
      from: '2026-09-01', strictFrom: '2026-08-30', clockStartedOn: '2026-05-31', day90: { nominal: '2026-08-29', effective: '2026-08-31' },
      likelyJustification: 'ABROAD_ON_REENTRY_PERMIT', state: 'candidate',
    });
  });
  it('Q 2026-10-28: 19-9 met by the BRRA 30-46 filing with the card (moved in 2026-10-20; deadline 2026-11-03 → 2026-11-04) (Art. 19-9(1),(3))', () => {
    expect(obligation(q(facts, '2026-10-28'), '19-9')).toMatchObject({
      state: 'met', metOn: '2026-10-28', clockStartedOn: '2026-10-20', deadline: { nominal: '2026-11-03', effective: '2026-11-04' },
    });
  });
  it('Q 2026-10-28: (ix) candidate cured late on 2026-10-28 (Art. 22-4(1)(ix), CAN-3)', () => {
    expect(candidate(q(facts, '2026-10-28'), 'ix')).toMatchObject({ from: '2026-09-01', curedLateOn: '2026-10-28' });
  });
});
