import { describe, expect, it } from 'vitest';
import type { ResidentEvent } from '../../../events/catalogue.js';
import {
  PERSON, applicationFiled, departureConfirmed, landingPermitted, reentered, residenceCardFound, residenceCardIssued, residenceCardReissued,
  residenceCardReissueOrdered, residenceCardRenewed, residenceCardReportedLost, statusPermissionGranted,
} from '../../../testing/events.js';
import { history } from '../../../testing/facts.js';
import { statusAt } from './status.js';
import type { ObligationView, ResidentStatus } from './status-types.js';

const at = (events: readonly ResidentEvent[], asOf: string): ResidentStatus => statusAt(history(...events), { asOf });
const duty = (events: readonly ResidentEvent[], asOf: string, kind: ObligationView['duty'], subject: string): ObligationView | undefined =>
  at(events, asOf).obligations.find((o) => o.duty === kind && o.subject === subject);

const s09 = [
  statusPermissionGranted({
    kind: 'permanent-residence', grantedOn: '2026-05-11', applicationId: undefined, person: { ...PERSON, dateOfBirth: '2015-08-20' },
    grant: { status: 'permanent-resident', periodOfStay: 'indefinite', expiresOn: null },
  }),
  residenceCardIssued({ cardNumber: 'JK00000901LM', issuedOn: '2026-05-11', printedValidUntil: '2031-08-20', reason: 'permanent-residence' }),
];
const renewal = (issuedOn: string) => residenceCardRenewed({ cardNumber: 'KL00000902MN', issuedOn, printedValidUntil: '2038-06-01' });

describe('NOTIF-5 renewal of card validity (Art. 19-11)', () => {
  it('S09: opens six months before the 16th birthday, 2031-02-20, and runs through 2031-08-20 (Art. 19-11(1), reading #12)', () => {
    expect(duty(s09, '2031-02-19', '19-11', 'JK00000901LM')).toBeUndefined();
    expect(duty(s09, '2031-02-20', '19-11', 'JK00000901LM')).toEqual({
      duty: '19-11', subject: 'JK00000901LM', clockStartedOn: '2031-02-20', deadline: { nominal: '2031-08-20', effective: '2031-08-20' },
      immediately: false, state: 'open', metOn: null, overdueSince: null,
      // NOTIF-9, Art. 61-9-3(2): the child is 15, so the co-residing relative must apply; failing it is 71-2(ii).
      responsible: 'co-residing-relative', penalty: '71-2(ii)',
    });
  });

  it('S09: met by the renewal card issued in the window on 2031-06-02 (Art. 19-11(1),(3))', () => {
    expect(duty([...s09, renewal('2031-06-02')], '2031-06-02', '19-11', 'JK00000901LM')).toMatchObject({ state: 'met', metOn: '2031-06-02' });
  });

  it('S09 variant: overdue from 2031-08-21 without a new card, while the child stays a PR and an MLTR (Art. 19-11(1), 71-2(ii))', () => {
    const status = at(s09, '2031-08-21');
    expect(status.obligations.find((o) => o.duty === '19-11')).toMatchObject({ state: 'overdue', overdueSince: '2031-08-21' });
    expect(status.card?.invalidity).toEqual([{ item: '19-14(ii)', since: '2031-08-21' }]);
    expect(status.midToLongTermResident.is).toBe(true);
  });

  it('is met late by a renewal card after the deadline (Art. 19-11(1))', () => {
    expect(duty([...s09, renewal('2031-08-25')], '2031-09-01', '19-11', 'JK00000901LM')).toMatchObject({ state: 'metLate', metOn: '2031-08-25', overdueSince: '2031-08-21' });
  });

  it('is met by an early renewal before the window under unavoidable circumstances (Art. 19-11(2))', () => {
    expect(duty([...s09, renewal('2030-12-01')], '2031-03-01', '19-11', 'JK00000901LM')).toMatchObject({ state: 'met', metOn: '2030-12-01', clockStartedOn: '2031-02-20' });
  });

  it('S15 twin B: a card issued the day before the 16th birthday is due for renewal the next day, met by XY00001503ZA (Art. 19-11(1))', () => {
    const twinB = [
      statusPermissionGranted({
        kind: 'permanent-residence', grantedOn: '2026-05-19', applicationId: undefined, person: { ...PERSON, dateOfBirth: '2010-05-20' },
        grant: { status: 'permanent-resident', periodOfStay: 'indefinite', expiresOn: null },
      }),
      residenceCardIssued({ cardNumber: 'WX00001502YZ', issuedOn: '2026-05-19', printedValidUntil: '2026-05-20', reason: 'permanent-residence' }),
    ];
    expect(duty(twinB, '2026-05-19', '19-11', 'WX00001502YZ')).toMatchObject({ clockStartedOn: '2025-11-20', deadline: { nominal: '2026-05-20', effective: '2026-05-20' }, state: 'open' });
    const renewed = [...twinB, residenceCardRenewed({ cardNumber: 'XY00001503ZA', issuedOn: '2026-05-20', printedValidUntil: '2033-05-19' })];
    expect(duty(renewed, '2026-05-20', '19-11', 'WX00001502YZ')).toMatchObject({ state: 'met', metOn: '2026-05-20' });
  });

  it('S13: the window of a card ending on 2028-02-29 opens 2027-08-29; variant B is due by 2028-02-29 (Art. 19-11(1), DT-7)', () => {
    const child = (permittedOn: string, expiresOn: string) =>
      landingPermitted({ permittedOn, person: { dateOfBirth: '2012-02-29' }, grant: { status: 'dependent', periodOfStay: 'P3Y', expiresOn, attributes: { familyRelation: 'child' } } });
    const s13 = [child('2026-01-20', '2029-01-20'), residenceCardIssued({ cardNumber: 'ST00001301UV', issuedOn: '2026-01-20', printedValidUntil: '2028-02-29' })];
    expect(duty(s13, '2027-08-29', '19-11', 'ST00001301UV')).toMatchObject({ clockStartedOn: '2027-08-29', deadline: { nominal: '2028-02-29', effective: '2028-02-29' } });
    const variantB = [child('2028-02-28', '2031-02-28'), residenceCardIssued({ cardNumber: 'TU00001302VW', issuedOn: '2028-02-28', printedValidUntil: '2028-02-29', reason: 'change-of-status' })];
    expect(duty(variantB, '2028-02-28', '19-11', 'TU00001302VW')).toMatchObject({ deadline: { nominal: '2028-02-29', effective: '2028-02-29' }, state: 'open' });
  });

  it('S11: owes no renewal for a card ending on the period expiry; the extension card\'s window opens 2028-04-01 (Art. 19-11(1), 19-5(1)(iv))', () => {
    const s11 = [
      landingPermitted({ permittedOn: '2026-04-01', person: { dateOfBirth: '2012-10-01' }, grant: { status: 'dependent', expiresOn: '2027-04-01' } }),
      residenceCardIssued({ cardNumber: 'NP00001101QR', issuedOn: '2026-04-01', printedValidUntil: '2027-04-01' }),
      applicationFiled({ applicationId: 'APP-1101', kind: 'extension', filedOn: '2027-03-15', filedBy: 'relative' }),
      statusPermissionGranted({ grantedOn: '2027-04-20', applicationId: 'APP-1101', grant: { status: 'dependent', periodOfStay: 'P3Y', expiresOn: '2030-04-01' } }),
      residenceCardIssued({ cardNumber: 'PQ00001102RS', issuedOn: '2027-04-20', printedValidUntil: '2028-10-01', reason: 'extension' }),
    ];
    expect(at(s11, '2027-03-01').obligations.filter((o) => o.duty === '19-11')).toEqual([]);
    expect(at(s11, '2027-04-10').obligations.filter((o) => o.duty === '19-11')).toEqual([]);
    expect(duty(s11, '2028-03-31', '19-11', 'PQ00001102RS')).toBeUndefined();
    expect(duty(s11, '2028-04-01', '19-11', 'PQ00001102RS')).toMatchObject({ clockStartedOn: '2028-04-01', deadline: { nominal: '2028-10-01', effective: '2028-10-02' } });
  });
});

const s55 = [
  landingPermitted(), residenceCardIssued(), departureConfirmed({ departedOn: '2026-07-10' }),
  residenceCardReportedLost({ learnedOn: '2026-07-20', learnedAbroad: true, reportedOn: '2026-07-20' }), reentered({ reenteredOn: '2026-08-03' }),
];

describe('NOTIF-6 reissue after loss (Art. 19-12) and NOTIF-7 ordered reissue (Art. 19-13(3))', () => {
  it('S55: a loss learned abroad starts no clock before the first entry, then is due 2026-08-17 (Art. 19-12(1))', () => {
    expect(duty(s55.slice(0, 4), '2026-07-25', '19-12', 'AB00000101CD')).toMatchObject({ clockStartedOn: null, deadline: null, state: 'open' });
    expect(duty(s55, '2026-08-03', '19-12', 'AB00000101CD')).toMatchObject({ clockStartedOn: '2026-08-03', deadline: { nominal: '2026-08-17', effective: '2026-08-17' } });
    expect(duty(s55, '2026-08-18', '19-12', 'AB00000101CD')).toMatchObject({ state: 'overdue', overdueSince: '2026-08-18' });
    expect(duty([...s55, residenceCardReissued({ issuedOn: '2026-08-12' })], '2026-08-18', '19-12', 'AB00000101CD')).toMatchObject({ state: 'met', metOn: '2026-08-12' });
  });

  it('counts 14 days from learning of a loss in Japan, rolled past a Sunday (Art. 19-12(1), DT-6)', () => {
    const lost = [landingPermitted(), residenceCardIssued(), residenceCardReportedLost()];
    expect(duty(lost, '2026-05-25', '19-12', 'AB00000101CD')).toMatchObject({ clockStartedOn: '2026-05-10', deadline: { nominal: '2026-05-24', effective: '2026-05-25' }, state: 'open' });
    expect(duty([...lost, residenceCardReissued({ issuedOn: '2026-05-27' })], '2026-06-01', '19-12', 'AB00000101CD')).toMatchObject({ state: 'metLate', overdueSince: '2026-05-26' });
  });

  it('voids the reissue duty when the card is found in time (Art. 19-12(1))', () => {
    const found = [landingPermitted(), residenceCardIssued(), residenceCardReportedLost(), residenceCardFound({ foundOn: '2026-05-15' })];
    expect(duty(found, '2026-06-01', '19-12', 'AB00000101CD')).toMatchObject({ state: 'void', overdueSince: null });
    expect(at(found, '2026-06-01').card?.reportedLost).toBe(false);
  });

  it('S57: an order received 2026-09-08 is due 2026-09-22 → 2026-09-24 (Silver Week), overdue from 2026-09-25 (Art. 19-13(3), 71-2(ii))', () => {
    const s57 = [
      landingPermitted(), residenceCardIssued({ cardNumber: 'UV00005701WX' }), residenceCardReissueOrdered({ cardNumber: 'UV00005701WX', orderReceivedOn: '2026-09-08' }),
    ];
    expect(duty(s57, '2026-09-24', '19-13(3)', 'UV00005701WX')).toMatchObject({
      clockStartedOn: '2026-09-08', deadline: { nominal: '2026-09-22', effective: '2026-09-24' }, state: 'open',
    });
    expect(duty(s57, '2026-09-25', '19-13(3)', 'UV00005701WX')).toMatchObject({ state: 'overdue', overdueSince: '2026-09-25' });
    const reissued = [...s57, residenceCardReissued({ cardNumber: 'UV00005702WX', issuedOn: '2026-09-24', reason: 'ordered' })];
    expect(duty(reissued, '2026-09-25', '19-13(3)', 'UV00005701WX')).toMatchObject({ state: 'met', metOn: '2026-09-24' });
  });
});
