import { describe, expect, it } from 'vitest';
import {
  CHIYODA_ADDRESS, applicationDecided, applicationFiled, landingPermitted, residenceAddressNotified, residenceCardIssued,
  statusPermissionGranted,
} from '../../../../testing/events.js';
import { history, recordedOn } from '../../../../testing/facts.js';
import { cardNo, candidate, obligation, q, watch } from '../../../../testing/status-queries.js';

// scenarios.md section C — applications and the special period (Art. 20(6)). The landing before the
// first expiry is not given by the scenarios; each is reconstructed one period before that expiry.

const engineerLanding = (permittedOn: string, expiresOn: string, cardNumber: string) => [
  landingPermitted({ permittedOn, grant: { status: 'engineer-specialist', periodOfStay: 'P1Y', expiresOn } }),
  residenceCardIssued({ cardNumber, issuedOn: permittedOn, printedValidUntil: expiresOn }),
];

describe('S17 — Extension pending past expiry, granted inside the special period; month-end arithmetic (Arts. 20(6), 19-5(2), 19-14(v), 19-15(2))', () => {
  const facts = history(
    ...engineerLanding('2025-06-30', '2026-06-30', 'ZA00001701BC'),
    applicationFiled({ applicationId: 'APP-S17', kind: 'extension', filedOn: '2026-06-10' }),
    recordedOn('2026-07-21', statusPermissionGranted({ kind: 'extension', grantedOn: '2026-07-21', applicationId: 'APP-S17', grant: { status: 'engineer-specialist', periodOfStay: 'P3Y', expiresOn: '2029-06-30' } })),
    recordedOn('2026-07-21', residenceCardIssued({ cardNumber: 'AB00001702CD', issuedOn: '2026-07-21', printedValidUntil: '2029-06-30', reason: 'extension', applicationId: 'APP-S17' })),
  );

  it('Q 2026-06-30: ordinary status, no special period; card valid (Art. 19-5(1)(iii))', () => {
    const status = q(facts, '2026-06-30');
    expect(status.stay).toMatchObject({ kind: 'status', specialPeriod: null });
    expect(status.card).toMatchObject({ cardNumber: 'ZA00001701BC', valid: true });
  });
  it('Q 2026-07-01: special period until the disposition or the end of 2026-08-31, not 2026-08-30 (Art. 20(6), APP-3, DT-3)', () => {
    expect(q(facts, '2026-07-01').stay).toMatchObject({ kind: 'status', specialPeriod: { limit: '2026-08-31' } });
  });
  it('Q 2026-07-01: still an MLTR (Art. 19-3, APP-3)', () => {
    expect(q(facts, '2026-07-01').midToLongTermResident.is).toBe(true);
  });
  it('Q 2026-07-01: ZA00001701BC valid until the end of the special period 2026-08-31 (Art. 19-5(2), CARD-5)', () => {
    expect(q(facts, '2026-07-01').card).toMatchObject({ cardNumber: 'ZA00001701BC', valid: true, validUntil: '2026-08-31' });
  });
  it('Q 2026-07-21: the grant ends the special period (Arts. 20(6)(a), 21(4), APP-3)', () => {
    expect(q(facts, '2026-07-21').stay).toMatchObject({ kind: 'status', grantedOn: '2026-07-21', expiresOn: '2029-06-30', specialPeriod: null });
  });
  it('Q 2026-07-21: AB00001702CD valid through 2029-06-30 (Art. 19-5(1)(iii), CARD-4)', () => {
    expect(q(facts, '2026-07-21').card).toMatchObject({ cardNumber: 'AB00001702CD', validUntil: '2029-06-30', valid: true });
  });
  it('Q 2026-07-21: ZA00001701BC invalid since 2026-07-21, to be returned immediately (Arts. 19-14(v), 19-15(2))', () => {
    const status = q(facts, '2026-07-21');
    expect(cardNo(status, 'ZA00001701BC')?.invalidity[0]).toEqual({ item: '19-14(v)', since: '2026-07-21' });
    expect(obligation(status, '19-15', { subject: 'ZA00001701BC' })).toMatchObject({ immediately: true });
  });
  it('no overstay at any point: 2026-07-01, 2026-07-20, 2026-07-21, 2026-08-31 (Art. 24(iv)(b), STAY-1)', () => {
    for (const date of ['2026-07-01', '2026-07-20', '2026-07-21', '2026-08-31']) expect(q(facts, date).stay.kind).toBe('status');
  });
});

describe('S19 — Denial during the special period, then a short departure-preparation status (Arts. 20(6), 19-3(i), 19-14(i), 19-15(1), 24(iv)(b))', () => {
  const pending = [
    ...engineerLanding('2025-04-30', '2026-04-30', 'BC00001901DE'),
    applicationFiled({ applicationId: 'APP-S19', kind: 'extension', filedOn: '2026-04-15' }),
    recordedOn('2026-05-15', applicationDecided({ applicationId: 'APP-S19', decidedOn: '2026-05-15', outcome: 'denied' })),
  ];
  const facts = history(
    ...pending,
    recordedOn('2026-05-15', statusPermissionGranted({
      kind: 'change-of-status', grantedOn: '2026-05-15', notifiedBy: 'passport-endorsement', applicationId: undefined,
      grant: { status: 'designated-activities', periodOfStay: 'P31D', expiresOn: '2026-06-15', attributes: { designatedActivity: 'departure preparation' } },
    })),
  );

  it('Q 2026-05-14: special period until the decision or 2026-06-30 (Art. 20(6), APP-3)', () => {
    expect(q(facts, '2026-05-14').stay).toMatchObject({ kind: 'status', specialPeriod: { limit: '2026-06-30' } });
  });
  it('Q 2026-05-14: card valid (Art. 19-5(2), CARD-5)', () => {
    expect(q(facts, '2026-05-14').card).toMatchObject({ cardNumber: 'BC00001901DE', valid: true });
  });
  it('Q 2026-05-14: MLTR (Art. 19-3)', () => {
    expect(q(facts, '2026-05-14').midToLongTermResident.is).toBe(true);
  });
  it('Q 2026-05-15: special period ended at the denial; 31-day departure-preparation status (Art. 20(6)(a), APP-3)', () => {
    expect(q(facts, '2026-05-15').stay).toMatchObject({ kind: 'status', status: 'designated-activities', grantedOn: '2026-05-15', specialPeriod: null });
  });
  it('Q 2026-05-15: period of 3 months or less → not an MLTR (Art. 19-3(i), MLTR-3)', () => {
    expect(q(facts, '2026-05-15').midToLongTermResident).toMatchObject({ is: false, reason: 'PERIOD_OF_STAY_THREE_MONTHS_OR_LESS' });
  });
  it('Q 2026-05-15: card invalid since 2026-05-15 (Art. 19-14(i), INV-1)', () => {
    expect(q(facts, '2026-05-15').card?.invalidity[0]).toEqual({ item: '19-14(i)', since: '2026-05-15' });
  });
  it('Q 2026-05-15: card return due 2026-05-29 (Art. 19-15(1), INV-2)', () => {
    expect(obligation(q(facts, '2026-05-15'), '19-15', { subject: 'BC00001901DE' })).toMatchObject({
      immediately: false, deadline: { nominal: '2026-05-29', effective: '2026-05-29' },
    });
  });
  it('Q 2026-06-16, still in Japan: overstay since 2026-06-16 (Art. 24(iv)(b), STAY-1)', () => {
    expect(q(facts, '2026-06-16').stay).toMatchObject({ kind: 'ended', reason: 'OVERSTAY', since: '2026-06-16' });
  });

  describe('Variant: no departure-preparation grant', () => {
    it('Q 2026-05-15: overstay from the denial on 2026-05-15 (Arts. 20(6)(a), 24(iv)(b), APP-3)', () => {
      expect(q(history(...pending), '2026-05-15').stay).toMatchObject({ kind: 'ended', reason: 'OVERSTAY', since: '2026-05-15' });
    });
  });
});

describe('S21 — Application after expiry (no holiday) → overstay; no special period (Arts. 20(6), 24(iv)(b), 19-14, 19-15(1))', () => {
  const facts = history(
    landingPermitted({ permittedOn: '2025-03-31', grant: { status: 'student', periodOfStay: 'P1Y', expiresOn: '2026-03-31' } }),
    residenceCardIssued({ cardNumber: 'EF00002101GH', issuedOn: '2025-03-31', printedValidUntil: '2026-03-31' }),
    applicationFiled({ applicationId: 'APP-S21', kind: 'extension', filedOn: '2026-04-02' }),
  );

  it('Q 2026-03-31: lawful, MLTR (Art. 19-3)', () => {
    const status = q(facts, '2026-03-31');
    expect(status.stay.kind).toBe('status');
    expect(status.midToLongTermResident.is).toBe(true);
  });
  it('Q 2026-04-01: overstay since 2026-04-01 (Art. 24(iv)(b), STAY-1)', () => {
    expect(q(facts, '2026-04-01').stay).toMatchObject({ kind: 'ended', reason: 'OVERSTAY', since: '2026-04-01' });
  });
  it('Q 2026-04-01: not an MLTR (MLTR-3)', () => {
    expect(q(facts, '2026-04-01').midToLongTermResident.is).toBe(false);
  });
  it('Q 2026-04-01: card invalid since 2026-04-01 under 19-14(ii), also (i) (Art. 19-14, INV-1)', () => {
    const card = q(facts, '2026-04-01').card;
    expect(card?.invalidity[0]).toEqual({ item: '19-14(ii)', since: '2026-04-01' });
    expect(card?.invalidity).toContainEqual({ item: '19-14(i)', since: '2026-04-01' });
  });
  it('Q 2026-04-01: card return due 2026-04-15 (Art. 19-15(1), INV-2)', () => {
    expect(obligation(q(facts, '2026-04-01'), '19-15', { subject: 'EF00002101GH' })).toMatchObject({ deadline: { nominal: '2026-04-15', effective: '2026-04-15' } });
  });
  it('Q 2026-04-02: the late application creates no special period — still overstay since 2026-04-01 (Art. 20(6), APP-3)', () => {
    expect(q(facts, '2026-04-02').stay).toMatchObject({ kind: 'ended', reason: 'OVERSTAY', since: '2026-04-01' });
  });
});

describe('S23 — Permanent residence granted to an existing MLTR (Arts. 22(3),(4), 19-5(1)(i), 19-14(v), 19-8, 22-4(1)(viii))', () => {
  // "Same person as S22" (held back): an Engineer who landed on 2025-06-30 (card EF00002300GH, a
  // reconstructed number) and notified a Chiyoda residence in time.
  const facts = history(
    ...engineerLanding('2025-06-30', '2026-06-30', 'EF00002300GH'),
    residenceAddressNotified({ basis: '19-7', address: CHIYODA_ADDRESS, movedInOn: '2025-07-03', notifiedOn: '2025-07-07', relayId: 'relay-131016-2301' }),
    applicationFiled({ applicationId: 'APP-S23', kind: 'extension', filedOn: '2026-06-20' }),
    statusPermissionGranted({ kind: 'extension', grantedOn: '2026-06-26', applicationId: 'APP-S23', grant: { status: 'engineer-specialist', periodOfStay: 'P3Y', expiresOn: '2029-06-30' } }),
    residenceCardIssued({ cardNumber: 'FG00002301HJ', issuedOn: '2026-06-26', printedValidUntil: '2029-06-30', reason: 'extension' }),
    statusPermissionGranted({ kind: 'permanent-residence', grantedOn: '2026-09-08', applicationId: undefined, grant: { status: 'permanent-resident', periodOfStay: 'indefinite', expiresOn: null } }),
    residenceCardIssued({ cardNumber: 'GH00002302JK', issuedOn: '2026-09-08', printedValidUntil: '2033-09-07', reason: 'permanent-residence' }),
  );
  const status = () => q(facts, '2026-09-08');

  it('Q 2026-09-08: permanent residence effective on card issue (Art. 22(4), APP-4)', () => {
    expect(status().stay).toMatchObject({ kind: 'status', status: 'permanent-resident', grantedOn: '2026-09-08' });
  });
  it('Q 2026-09-08: GH00002302JK valid through 2033-09-07 (Art. 19-5(1)(i), CARD-4)', () => {
    expect(status().card).toMatchObject({ cardNumber: 'GH00002302JK', validityBasis: '19-5(1)(i)', validUntil: '2033-09-07' });
  });
  it('Q 2026-09-08: FG00002301HJ invalid since 2026-09-08 (Art. 19-14(v), INV-1)', () => {
    expect(cardNo(status(), 'FG00002301HJ')?.invalidity[0]).toEqual({ item: '19-14(v)', since: '2026-09-08' });
  });
  it('Q 2026-09-08: not newly an MLTR — MLTR since the 2025-06-30 landing (MLTR-2)', () => {
    expect(status().midToLongTermResident).toMatchObject({ is: true, since: '2025-06-30', newlyBy: 'landing' });
  });
  it('Q 2026-09-08: no 19-8 duty and no (viii) clock (Arts. 19-8(1), 22-4(1)(viii))', () => {
    expect(obligation(status(), '19-8')).toBeUndefined();
    expect(watch(status(), 'viii')).toBeUndefined();
    expect(candidate(status(), 'viii')).toBeUndefined();
  });
  it('Q 2026-09-08: address unchanged — Chiyoda since 2025-07-03 (Art. 19-7)', () => {
    expect(status().address).toMatchObject({ state: 'notified', address: { municipalityCode: '131016' }, since: '2025-07-03' });
  });
  it('Q 2026-09-08: no 19-16 duties for a Permanent Resident (Art. 19-16, AFF-1)', () => {
    expect(status().categories.affiliation).toBeNull();
  });
  it('Q 2026-09-08: 22-4(1)(v), (vi) no longer applicable; (viii)–(x) still apply (Art. 22-4(1), CAN-2)', () => {
    const items = status().categories.cancellationItems;
    expect(items).not.toContain('v');
    expect(items).not.toContain('vi');
    expect(items).toEqual(expect.arrayContaining(['viii', 'ix', 'x']));
  });
});
