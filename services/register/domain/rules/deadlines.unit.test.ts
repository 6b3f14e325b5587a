import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isClosedDay, nationalAdministrativeCalendar, withAdditionalClosedDays } from './closed-days.js';
import {
  acquisitionApplicationDeadline,
  affiliationNotificationDeadline,
  cardRenewalWindow,
  filingDeadline,
  identityChangeDeadline,
  lossReissueDeadline,
  newResidenceDeadline,
  orderedReissueDeadline,
  overdueFrom,
  residenceAfterLandingDeadline,
  residenceAfterPermissionDeadline,
} from './deadlines.js';
import { arbIsoDate, bruteAddDays } from './testing/brute-calendar.js';

describe('NOTIF-10 14-day filing deadlines (DT-2 nominal, DT-6 effective)', () => {
  it('rolls the 19-7 deadline from Sunday 2026-02-08 to Monday 2026-02-09 (S01, Art. 19-7(1))', () => {
    expect(residenceAfterLandingDeadline({ landedOn: '2026-01-10', residenceEstablishedOn: '2026-01-25' })).toEqual({
      clockStartedOn: '2026-01-25',
      nominal: '2026-02-08',
      effective: '2026-02-09',
    });
  });

  it('gives 19-7 deadlines of S25 (2026-01-29, overdue since 2026-01-30), S27 (2026-02-20) and S31 (2026-03-19) (Art. 19-7(1))', () => {
    const s25 = residenceAfterLandingDeadline({ landedOn: '2026-01-13', residenceEstablishedOn: '2026-01-15' });
    expect(s25.effective).toBe('2026-01-29');
    expect(overdueFrom(s25)).toBe('2026-01-30');
    const s27 = residenceAfterLandingDeadline({ landedOn: '2026-02-04', residenceEstablishedOn: '2026-02-06' });
    expect([s27.nominal, s27.effective, overdueFrom(s27)]).toEqual(['2026-02-20', '2026-02-20', '2026-02-21']);
    expect(residenceAfterLandingDeadline({ landedOn: '2026-03-03', residenceEstablishedOn: '2026-03-05' }).effective).toBe('2026-03-19');
  });

  it('starts the 19-7 clock at landing when the moved-in date precedes it (NOTIF-1 reading #11, Art. 19-7(1))', () => {
    expect(residenceAfterLandingDeadline({ landedOn: '2026-03-03', residenceEstablishedOn: '2026-02-20' }).clockStartedOn).toBe('2026-03-03');
  });

  it('counts 19-8 from the permission date when the person already had a residence: S03 → 2026-07-10, overdue since 2026-07-11 (Art. 19-8(1))', () => {
    const deadline = residenceAfterPermissionDeadline({ permittedOn: '2026-06-26', residenceEstablishedOn: '2026-04-03' });
    expect(deadline).toEqual({ clockStartedOn: '2026-06-26', nominal: '2026-07-10', effective: '2026-07-10' });
    expect(overdueFrom(deadline)).toBe('2026-07-11');
  });

  it('counts 19-8 from settling after the permission: S07 A 2026-07-15, B 2026-08-15 → 2026-08-17 (Art. 19-8(1))', () => {
    const a = residenceAfterPermissionDeadline({ permittedOn: '2026-05-12', residenceEstablishedOn: '2026-07-01' });
    expect([a.nominal, a.effective]).toEqual(['2026-07-15', '2026-07-15']);
    const b = residenceAfterPermissionDeadline({ permittedOn: '2026-05-12', residenceEstablishedOn: '2026-08-01' });
    expect([b.nominal, b.effective]).toEqual(['2026-08-15', '2026-08-17']);
  });

  it('counts 19-8 for a child resident since birth from the permission: S61 variant → 2026-06-03 (Art. 19-8(1))', () => {
    expect(residenceAfterPermissionDeadline({ permittedOn: '2026-05-20', residenceEstablishedOn: '2026-04-10' }).effective).toBe('2026-06-03');
  });

  it('counts 19-9 from moving into the new residence: 2026-11-03 (Culture Day) → 2026-11-04 (S35, Art. 19-9(1))', () => {
    expect(newResidenceDeadline('2026-10-20')).toEqual({ clockStartedOn: '2026-10-20', nominal: '2026-11-03', effective: '2026-11-04' });
  });

  it('counts 19-10 from the day of the identity change (NOTIF-4, Art. 19-10(1))', () => {
    expect(identityChangeDeadline('2026-04-22')).toEqual({ clockStartedOn: '2026-04-22', nominal: '2026-05-06', effective: '2026-05-07' });
  });

  it('counts 19-12 from the first entry after learning of a loss abroad: S55 → 2026-08-17 (Art. 19-12(1))', () => {
    expect(lossReissueDeadline({ learnedAbroad: true, learnedOn: '2026-07-20', firstEntryOn: '2026-08-03' })).toEqual({
      clockStartedOn: '2026-08-03',
      nominal: '2026-08-17',
      effective: '2026-08-17',
    });
    expect(lossReissueDeadline({ learnedAbroad: false, learnedOn: '2026-07-20' }).effective).toBe('2026-08-03');
    expect(() => lossReissueDeadline({ learnedAbroad: true, learnedOn: '2026-07-20', firstEntryOn: '2026-07-01' })).toThrow(RangeError);
  });

  it('rolls the ordered-reissue deadline through Silver Week: 2026-09-22 → 2026-09-24, overdue since 2026-09-25 (S57, Art. 19-13(3))', () => {
    const deadline = orderedReissueDeadline('2026-09-08');
    expect([deadline.nominal, deadline.effective, overdueFrom(deadline)]).toEqual(['2026-09-22', '2026-09-24', '2026-09-25']);
  });

  it('counts 19-16 from the event: S45 2026-06-14 → 2026-06-15 and 2026-07-15; S47 2026-04-15 and 2026-07-14 (Art. 19-16)', () => {
    const contractEnd = affiliationNotificationDeadline('2026-05-31');
    expect([contractEnd.nominal, contractEnd.effective]).toEqual(['2026-06-14', '2026-06-15']);
    const newContract = affiliationNotificationDeadline('2026-07-01');
    expect([newContract.effective, overdueFrom(newContract)]).toEqual(['2026-07-15', '2026-07-16']);
    expect(affiliationNotificationDeadline('2026-04-01').effective).toBe('2026-04-15');
    const withdrawal = affiliationNotificationDeadline('2026-06-30');
    expect([withdrawal.effective, overdueFrom(withdrawal)]).toEqual(['2026-07-14', '2026-07-15']);
  });

  it('counts the spouse notification from the death: S49 → 2026-02-24 (Art. 19-16(iii))', () => {
    expect(affiliationNotificationDeadline('2026-02-10').effective).toBe('2026-02-24');
  });

  it('rolls a 19-16 deadline over the New Year: 2027-01-03 → 2027-01-04, overdue since 2027-01-05 (S53, Art. 19-16(i))', () => {
    const deadline = affiliationNotificationDeadline('2026-12-20');
    expect([deadline.nominal, deadline.effective, overdueFrom(deadline)]).toEqual(['2027-01-03', '2027-01-04', '2027-01-05']);
  });

  it('gives 30 days to apply for a status after birth: 2026-05-10 (Sun) → 2026-05-11 (S61, Art. 22-2(2))', () => {
    expect(acquisitionApplicationDeadline('2026-04-10')).toEqual({ clockStartedOn: '2026-04-10', nominal: '2026-05-10', effective: '2026-05-11' });
  });

  it('uses the municipality calendar for address notifications when one is given (DT-6, Local Autonomy Act Art. 4-2(4))', () => {
    const ward = withAdditionalClosedDays(nationalAdministrativeCalendar, ['2026-02-09']);
    expect(residenceAfterLandingDeadline({ landedOn: '2026-01-10', residenceEstablishedOn: '2026-01-25' }, ward).effective).toBe('2026-02-10');
  });

  it('never makes the effective deadline earlier than the nominal one, nor a closed day (DT-6 property)', () => {
    fc.assert(
      fc.property(arbIsoDate(1971, 2049), fc.constantFrom(14, 30, 90), (start, days) => {
        const { nominal, effective } = filingDeadline(start, days);
        expect(nominal).toBe(bruteAddDays(start, days));
        expect(effective >= nominal).toBe(true);
        expect(isClosedDay(effective)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('NOTIF-5 card renewal window (Art. 19-11(1))', () => {
  it('opens 6 months before a 16th-birthday validity: S09 2031-02-20 to 2031-08-20 (Art. 19-11(1))', () => {
    const window = cardRenewalWindow({ validUntil: '2031-08-20', endsOnSixteenthBirthday: true });
    expect(window.opensOn).toBe('2031-02-20');
    expect([window.closesOn.nominal, window.closesOn.effective, overdueFrom(window.closesOn)]).toEqual(['2031-08-20', '2031-08-20', '2031-08-21']);
  });

  it('gives S11 2028-04-01, S13 2027-08-29 to 2028-02-29 and S15 2025-11-20 to 2026-05-20 (Art. 19-11(1))', () => {
    expect(cardRenewalWindow({ validUntil: '2028-10-01', endsOnSixteenthBirthday: true }).opensOn).toBe('2028-04-01');
    const s13 = cardRenewalWindow({ validUntil: '2028-02-29', endsOnSixteenthBirthday: true });
    expect([s13.opensOn, s13.closesOn.effective]).toEqual(['2027-08-29', '2028-02-29']);
    const s15 = cardRenewalWindow({ validUntil: '2026-05-20', endsOnSixteenthBirthday: true });
    expect([s15.opensOn, s15.closesOn.effective]).toEqual(['2025-11-20', '2026-05-20']);
  });

  it('opens 2 months before a 7-year validity and rolls a closed last day forward (Art. 19-11(1), DT-6)', () => {
    const window = cardRenewalWindow({ validUntil: '2033-09-07', endsOnSixteenthBirthday: false });
    expect(window.opensOn).toBe('2033-07-07');
    const onSaturday = cardRenewalWindow({ validUntil: '2032-06-26', endsOnSixteenthBirthday: false });
    expect([onSaturday.opensOn, onSaturday.closesOn.nominal, onSaturday.closesOn.effective]).toEqual(['2032-04-26', '2032-06-26', '2032-06-28']);
  });
});
