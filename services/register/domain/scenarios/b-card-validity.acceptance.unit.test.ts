import { describe, expect, it } from 'vitest';
import {
  applicationFiled, landingPermitted, residenceCardIssued, residenceCardRenewed, statusPermissionGranted,
} from '../../../../testing/events.js';
import { history, recordedOn } from '../../../../testing/facts.js';
import { bornOn } from '../../../../testing/scenario-fixtures.js';
import { cardNo, obligation, q } from '../../../../testing/status-queries.js';

// scenarios.md section B — card validity. A child's date of birth travels on the event that opens
// the record: the landing, or (S09, S15, no earlier status given) the permanent-residence permission.

const permanentResidence = (grantedOn: string, dateOfBirth: string) =>
  statusPermissionGranted({
    kind: 'permanent-residence', grantedOn, applicationId: undefined, person: bornOn(dateOfBirth),
    grant: { status: 'permanent-resident', periodOfStay: 'indefinite', expiresOn: null },
  });

describe('S09 — Permanent Resident under 16: card ends on the 16th birthday; renewal at 15 gives 7 years (Arts. 19-5(1)(ii), 19-11, 19-14(v))', () => {
  const issued = [
    permanentResidence('2026-05-11', '2015-08-20'),
    residenceCardIssued({ cardNumber: 'JK00000901LM', issuedOn: '2026-05-11', printedValidUntil: '2031-08-20', reason: 'permanent-residence' }),
  ];
  const facts = history(
    ...issued,
    recordedOn('2031-06-02', applicationFiled({ applicationId: 'APP-S09', kind: 'card-renewal', filedOn: '2031-06-02', channel: 'counter', filedBy: 'relative' })),
    recordedOn('2031-06-02', residenceCardRenewed({ cardNumber: 'KL00000902MN', issuedOn: '2031-06-02', printedValidUntil: '2038-06-01', filedBy: 'relative', applicationId: 'APP-S09' })),
  );

  it('Q 2026-05-11: JK00000901LM valid through the 16th birthday 2031-08-20 (Art. 19-5(1)(ii), CARD-4)', () => {
    expect(q(facts, '2026-05-11').card).toMatchObject({
      cardNumber: 'JK00000901LM', validityBasis: '19-5(1)(ii)', statutoryValidUntil: '2031-08-20', validUntil: '2031-08-20', valid: true,
    });
  });
  it('Q 2031-03-01: renewal window 2031-02-20 to 2031-08-20, six months before the 16th birthday (Art. 19-11(1), NOTIF-5)', () => {
    expect(obligation(q(facts, '2031-03-01'), '19-11')).toMatchObject({ state: 'open', clockStartedOn: '2031-02-20', deadline: { nominal: '2031-08-20' } });
  });
  it('Q 2031-06-02: KL00000902MN, a renewal card, valid through 2038-06-01 under item (i) (Arts. 19-5(1)(i), 19-11(3), CARD-4)', () => {
    expect(q(facts, '2031-06-02').card).toMatchObject({
      cardNumber: 'KL00000902MN', issue: 'renewed', validityBasis: '19-5(1)(i)', validUntil: '2038-06-01', valid: true,
    });
  });
  it('Q 2031-06-02: JK00000901LM invalid since 2031-06-02 (Art. 19-14(v), INV-1)', () => {
    const old = cardNo(q(facts, '2031-06-02'), 'JK00000901LM');
    expect(old?.valid).toBe(false);
    expect(old?.invalidity[0]).toEqual({ item: '19-14(v)', since: '2031-06-02' });
  });
  it('Q 2031-06-02: JK00000901LM to be returned immediately (Art. 19-15(2), INV-2)', () => {
    expect(obligation(q(facts, '2031-06-02'), '19-15', { subject: 'JK00000901LM' })).toMatchObject({ immediately: true });
  });

  describe('Variant: no renewal', () => {
    const lapsed = history(...issued);

    it('Q 2031-08-21: JK00000901LM invalid since 2031-08-21 (Art. 19-14(ii), INV-1)', () => {
      expect(q(lapsed, '2031-08-21').card?.invalidity[0]).toEqual({ item: '19-14(ii)', since: '2031-08-21' });
    });
    it('Q 2031-08-21: renewal overdue since 2031-08-21 (Arts. 19-11(1), 71-2(ii))', () => {
      expect(obligation(q(lapsed, '2031-08-21'), '19-11')).toMatchObject({ state: 'overdue', overdueSince: '2031-08-21' });
    });
    it('Q 2031-08-21: MLTR and permanent residence continue (Art. 19-3, MLTR-3)', () => {
      const status = q(lapsed, '2031-08-21');
      expect(status.midToLongTermResident.is).toBe(true);
      expect(status.stay).toMatchObject({ kind: 'status', status: 'permanent-resident' });
    });
  });
});

describe('S11 — Non-PR child: period expiry comes first; extension while under 16 (Arts. 19-5(1)(iv), 19-5(2), 20(6), 19-11)', () => {
  const child = { status: 'dependent', attributes: { familyRelation: 'child' } } as const;
  const facts = history(
    landingPermitted({ permittedOn: '2026-04-01', person: bornOn('2012-10-01'), grant: { ...child, periodOfStay: 'P1Y', expiresOn: '2027-04-01' } }),
    residenceCardIssued({ cardNumber: 'NP00001101QR', issuedOn: '2026-04-01', printedValidUntil: '2027-04-01' }),
    applicationFiled({ applicationId: 'APP-S11', kind: 'extension', filedOn: '2027-03-15', channel: 'counter', filedBy: 'relative' }),
    recordedOn('2027-04-20', statusPermissionGranted({ kind: 'extension', grantedOn: '2027-04-20', applicationId: 'APP-S11', grant: { ...child, periodOfStay: 'P3Y', expiresOn: '2030-04-01' } })),
    recordedOn('2027-04-20', residenceCardIssued({ cardNumber: 'PQ00001102RS', issuedOn: '2027-04-20', printedValidUntil: '2028-10-01', reason: 'extension', applicationId: 'APP-S11' })),
  );

  it('Q 2026-04-01: NP00001101QR valid through the period expiry 2027-04-01, before the 16th birthday (Art. 19-5(1)(iv), CARD-4)', () => {
    expect(q(facts, '2026-04-01').card).toMatchObject({ cardNumber: 'NP00001101QR', validityBasis: '19-5(1)(iv)', validUntil: '2027-04-01' });
  });
  it('Q 2027-03-01: no 19-11 renewal duty — the validity is the period expiry (Art. 19-11(1), NOTIF-5)', () => {
    expect(obligation(q(facts, '2027-03-01'), '19-11')).toBeUndefined();
  });
  it('Q 2027-04-10: in the special period until the decision or 2027-06-01 (Art. 20(6), APP-3, DT-3)', () => {
    expect(q(facts, '2027-04-10').stay).toMatchObject({ kind: 'status', specialPeriod: { limit: '2027-06-01' } });
  });
  it('Q 2027-04-10: NP00001101QR still valid, until the end of the special period 2027-06-01 (Art. 19-5(2), CARD-5)', () => {
    expect(q(facts, '2027-04-10').card).toMatchObject({ cardNumber: 'NP00001101QR', valid: true, validUntil: '2027-06-01' });
  });
  it('Q 2027-04-20: PQ00001102RS (extension card, child still 15) valid through the 16th birthday 2028-10-01 (Art. 19-5(1)(iv), CARD-4)', () => {
    expect(q(facts, '2027-04-20').card).toMatchObject({ cardNumber: 'PQ00001102RS', validityBasis: '19-5(1)(iv)', validUntil: '2028-10-01' });
  });
  it('Q 2028-04-01: 19-11 window for PQ00001102RS opens 2028-04-01, closes on 2028-10-01 (Art. 19-11(1), NOTIF-5)', () => {
    expect(obligation(q(facts, '2028-04-01'), '19-11')).toMatchObject({ clockStartedOn: '2028-04-01', deadline: { nominal: '2028-10-01' } });
  });
});

describe('S13 — Born on 29 February, 16th birthday in a leap year (Arts. 19-5(1)(ii),(iv), 19-11(1), DT-7)', () => {
  const facts = history(
    landingPermitted({
      permittedOn: '2026-01-20', person: bornOn('2012-02-29'),
      grant: { status: 'dependent', periodOfStay: 'P3Y', expiresOn: '2029-01-20', attributes: { familyRelation: 'child' } },
    }),
    residenceCardIssued({ cardNumber: 'ST00001301UV', issuedOn: '2026-01-20', printedValidUntil: '2028-02-29' }),
  );

  it('Q 2026-01-20: ST00001301UV valid through 2028-02-29, not 2028-02-28 (Art. 19-5(1)(iv), DT-7)', () => {
    expect(q(facts, '2026-01-20').card).toMatchObject({ cardNumber: 'ST00001301UV', validityBasis: '19-5(1)(iv)', validUntil: '2028-02-29' });
  });
  it('Q 2027-09-01: renewal window 2027-08-29 to 2028-02-29 (Art. 19-11(1), NOTIF-5)', () => {
    expect(obligation(q(facts, '2027-09-01'), '19-11')).toMatchObject({ clockStartedOn: '2027-08-29', deadline: { nominal: '2028-02-29' } });
  });

  describe('Variant B: card on a change of status on 2028-02-28, the day before the 16th birthday', () => {
    // The status before the change is not given; a Temporary Visitor landing stands in for it.
    const b = history(
      landingPermitted({ permittedOn: '2028-02-01', person: bornOn('2012-02-29'), grant: { status: 'temporary-visitor', periodOfStay: 'P90D', expiresOn: '2028-05-01' } }),
      statusPermissionGranted({ kind: 'change-of-status', grantedOn: '2028-02-28', applicationId: undefined, grant: { status: 'long-term-resident', periodOfStay: 'P3Y', expiresOn: '2031-02-28' } }),
      residenceCardIssued({ cardNumber: 'TU00001302VW', issuedOn: '2028-02-28', printedValidUntil: '2028-02-29', reason: 'change-of-status' }),
    );

    it('Q 2028-02-28: TU00001302VW valid through 2028-02-29 — still 15 on the issue day (Art. 19-5(1)(iv), DT-7)', () => {
      expect(q(b, '2028-02-28').card).toMatchObject({ cardNumber: 'TU00001302VW', validityBasis: '19-5(1)(iv)', validUntil: '2028-02-29' });
    });
    it('Q 2028-02-28: renewal due by 2028-02-29 (Art. 19-11(1), NOTIF-5)', () => {
      expect(obligation(q(b, '2028-02-28'), '19-11')).toMatchObject({ state: 'open', deadline: { nominal: '2028-02-29', effective: '2028-02-29' } });
    });
  });
});

describe('S15 — Card issued on the 16th birthday versus the day before (Arts. 19-5(1)(i),(ii), 19-11, DT-7)', () => {
  const twinA = history(
    permanentResidence('2026-05-20', '2010-05-20'),
    residenceCardIssued({ cardNumber: 'VW00001501XY', issuedOn: '2026-05-20', printedValidUntil: '2033-05-19', reason: 'permanent-residence' }),
  );
  const twinB = history(
    permanentResidence('2026-05-19', '2010-05-20'),
    residenceCardIssued({ cardNumber: 'WX00001502YZ', issuedOn: '2026-05-19', printedValidUntil: '2026-05-20', reason: 'permanent-residence' }),
    recordedOn('2026-05-20', residenceCardRenewed({ cardNumber: 'XY00001503ZA', issuedOn: '2026-05-20', printedValidUntil: '2033-05-19', filedBy: 'self' })),
  );

  it('A, Q 2026-05-20: 16 on the issue day → VW00001501XY valid through 2033-05-19 (Art. 19-5(1)(i), CARD-4)', () => {
    expect(q(twinA, '2026-05-20').card).toMatchObject({ cardNumber: 'VW00001501XY', validityBasis: '19-5(1)(i)', validUntil: '2033-05-19' });
  });
  it('B, Q 2026-05-19: 15 on the issue day → WX00001502YZ valid through 2026-05-20 (Art. 19-5(1)(ii), CARD-4)', () => {
    expect(q(twinB, '2026-05-19').card).toMatchObject({ cardNumber: 'WX00001502YZ', validityBasis: '19-5(1)(ii)', validUntil: '2026-05-20' });
  });
  it('B, Q 2026-05-19: renewal window 2025-11-20 to 2026-05-20, due the next day (Art. 19-11(1), NOTIF-5)', () => {
    expect(obligation(q(twinB, '2026-05-19'), '19-11')).toMatchObject({
      state: 'open', clockStartedOn: '2025-11-20', deadline: { nominal: '2026-05-20', effective: '2026-05-20' },
    });
  });
  it('B, Q 2026-05-20: XY00001503ZA (renewal) valid through 2033-05-19 (Arts. 19-5(1)(i), 19-11(3))', () => {
    expect(q(twinB, '2026-05-20').card).toMatchObject({ cardNumber: 'XY00001503ZA', validityBasis: '19-5(1)(i)', validUntil: '2033-05-19' });
  });
  it('B, Q 2026-05-20: WX00001502YZ invalid since 2026-05-20 (Art. 19-14(v), INV-1)', () => {
    expect(cardNo(q(twinB, '2026-05-20'), 'WX00001502YZ')?.invalidity[0]).toEqual({ item: '19-14(v)', since: '2026-05-20' });
  });
});
