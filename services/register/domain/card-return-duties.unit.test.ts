import { describe, expect, it } from 'vitest';
import type { ResidentEvent } from '../../../events/catalogue.js';
import {
  applicationFiled, departureConfirmed, landingPermitted, residenceCardFound, residenceCardIssued, residenceCardReissued, residenceCardRenewed,
  residenceCardReportedLost, residenceCardReturned, residentDied, statusOfResidenceCancelled, statusPermissionGranted,
} from '../../../testing/events.js';
import { history } from '../../../testing/facts.js';
import { statusAt } from './status.js';
import type { ObligationView } from './status-types.js';

const returnDuty = (events: readonly ResidentEvent[], asOf: string, cardNumber: string): ObligationView | undefined =>
  statusAt(history(...events), { asOf }).obligations.find((o) => o.duty === '19-15' && o.subject === cardNumber);

const s01 = [landingPermitted(), residenceCardIssued()];
const permanentResident = (cardNumber: string, issuedOn: string): ResidentEvent[] => [
  statusPermissionGranted({ kind: 'permanent-residence', grantedOn: issuedOn, applicationId: undefined, grant: { status: 'permanent-resident', periodOfStay: 'indefinite', expiresOn: null } }),
  residenceCardIssued({ cardNumber, issuedOn, printedValidUntil: '2099-01-01', reason: 'permanent-residence' }),
];

describe('INV-2 return of a card that lost effect (Art. 19-15)', () => {
  it('owes nothing while the card is in force (Art. 19-15)', () => {
    expect(returnDuty(s01, '2027-01-10', 'AB00000101CD')).toBeUndefined();
  });

  it('S01: after expiry (ii), 14 days from the first invalid day: due 2027-01-25, overdue from 2027-01-26 (Art. 19-15(1), reading #5)', () => {
    expect(returnDuty(s01, '2027-01-11', 'AB00000101CD')).toEqual({
      duty: '19-15', subject: 'AB00000101CD', clockStartedOn: '2027-01-11', deadline: { nominal: '2027-01-25', effective: '2027-01-25' },
      immediately: false, state: 'open', metOn: null, overdueSince: null, responsible: 'resident', penalty: '71-5(iii)',
    });
    expect(returnDuty(s01, '2027-01-26', 'AB00000101CD')).toMatchObject({ state: 'overdue', overdueSince: '2027-01-26' });
    expect(returnDuty([...s01, residenceCardReturned({ returnedOn: '2027-01-20' })], '2027-02-01', 'AB00000101CD')).toMatchObject({ state: 'met', metOn: '2027-01-20' });
  });

  it('S21: an overstay from 2026-04-01 makes the return due 2026-04-15 (Art. 19-15(1))', () => {
    const s21 = [
      landingPermitted({ permittedOn: '2025-04-01', grant: { status: 'student', periodOfStay: 'P1Y', expiresOn: '2026-03-31' } }),
      residenceCardIssued({ cardNumber: 'EF00002101GH', issuedOn: '2025-04-01', printedValidUntil: '2026-03-31' }),
      applicationFiled({ applicationId: 'APP-2101', kind: 'extension', filedOn: '2026-04-02' }),
    ];
    expect(returnDuty(s21, '2026-04-01', 'EF00002101GH')).toMatchObject({ deadline: { nominal: '2026-04-15', effective: '2026-04-15' }, state: 'open' });
  });

  it('S59 variant A: a cancellation (i) served 2026-10-01 makes the return due 2026-10-15; it survives the end of status (Art. 19-15(1), REG-3)', () => {
    const s59 = [...s01, statusOfResidenceCancelled({ cancelledOn: '2026-10-01', departBy: '2026-10-31' })];
    expect(returnDuty(s59, '2026-10-01', 'AB00000101CD')).toMatchObject({ clockStartedOn: '2026-10-01', deadline: { nominal: '2026-10-15', effective: '2026-10-15' } });
    expect(returnDuty(s59, '2026-11-01', 'AB00000101CD')).toMatchObject({ state: 'overdue', overdueSince: '2026-10-16' });
  });

  it('S37: after a departure without a re-entry permit (iii) the card is returned immediately (Art. 19-15(2))', () => {
    const s37 = [...s01, departureConfirmed({ departedOn: '2026-08-05', reentry: { kind: 'none' } })];
    expect(returnDuty(s37, '2026-08-05', 'AB00000101CD')).toEqual({
      duty: '19-15', subject: 'AB00000101CD', clockStartedOn: '2026-08-05', deadline: null, immediately: true, state: 'open', metOn: null, overdueSince: null,
      responsible: 'resident', penalty: '71-5(iii)',
    });
    expect(returnDuty([...s37, residenceCardReturned({ returnedOn: '2026-08-05' })], '2026-08-05', 'AB00000101CD')).toMatchObject({ state: 'met', metOn: '2026-08-05' });
  });

  it('S39: a lapsed deemed permit (iv) makes the return due 14 days from the day after its last day: 2027-03-25 (Art. 19-15(1))', () => {
    const s39 = [...permanentResident('HJ00000801KL', '2026-03-02'), departureConfirmed({ departedOn: '2026-03-10' })];
    expect(returnDuty(s39, '2027-03-11', 'HJ00000801KL')).toMatchObject({ clockStartedOn: '2027-03-11', deadline: { nominal: '2027-03-25', effective: '2027-03-25' } });
  });

  it('S09: a card replaced by a new one (v) is returned immediately (Art. 19-15(2))', () => {
    const s09 = [
      ...permanentResident('JK00000901LM', '2026-05-11'),
      residenceCardRenewed({ cardNumber: 'KL00000902MN', issuedOn: '2031-06-02', printedValidUntil: '2038-06-01' }),
    ];
    expect(returnDuty(s09, '2031-06-02', 'JK00000901LM')).toMatchObject({ clockStartedOn: '2031-06-02', deadline: null, immediately: true, state: 'open' });
    expect(returnDuty(s09, '2031-06-02', 'KL00000902MN')).toBeUndefined();
  });

  it('S49: after the holder\'s death (vi) the relatives return it within 14 days, by 2026-02-24, and the duty is not voided (Art. 19-15(4), REG-3)', () => {
    const h = [...permanentResident('KL00004902MN', '2024-04-01'), residentDied({ diedOn: '2026-02-10' })];
    expect(returnDuty(h, '2026-02-10', 'KL00004902MN')).toMatchObject({ clockStartedOn: '2026-02-10', deadline: { nominal: '2026-02-24', effective: '2026-02-24' }, state: 'open' });
    expect(returnDuty(h, '2026-03-01', 'KL00004902MN')).toMatchObject({ state: 'overdue', overdueSince: '2026-02-25' });
    // 19-15(4) is carved out of 71-5(iii): the relatives' duty carries no penalty (rules.md §12).
    expect(returnDuty(h, '2026-03-01', 'KL00004902MN')).toMatchObject({ responsible: 'relatives-or-cohabitants', penalty: null });
  });

  it('after a death, counts the relatives\' 14 days from finding a card lost at the death (Art. 19-15(4))', () => {
    const h = [...permanentResident('KL00004902MN', '2024-04-01'), residenceCardReportedLost({ cardNumber: 'KL00004902MN', learnedOn: '2026-01-20' }), residentDied({ diedOn: '2026-02-10' })];
    expect(returnDuty(h, '2026-03-01', 'KL00004902MN')).toBeUndefined();
    const found = [...h, residenceCardFound({ cardNumber: 'KL00004902MN', foundOn: '2026-03-02' })];
    expect(returnDuty(found, '2026-03-02', 'KL00004902MN')).toMatchObject({ clockStartedOn: '2026-03-02', deadline: { nominal: '2026-03-16', effective: '2026-03-16' } });
  });

  it('owes no return of a lost card until it is found after it lapsed, then 14 days from the finding (Art. 19-15(3))', () => {
    const lost = [...s01, residenceCardReportedLost(), residenceCardReissued({ issuedOn: '2026-05-20' })];
    expect(returnDuty(lost, '2026-06-01', 'AB00000101CD')).toBeUndefined();
    const found = [...lost, residenceCardFound({ foundOn: '2026-06-10' })];
    expect(returnDuty(found, '2026-06-10', 'AB00000101CD')).toMatchObject({
      clockStartedOn: '2026-06-10', deadline: { nominal: '2026-06-24', effective: '2026-06-24' }, immediately: false, state: 'open',
    });
  });
});
