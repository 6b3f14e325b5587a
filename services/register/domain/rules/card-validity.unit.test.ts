import { describe, expect, it } from 'vitest';
import { cardValidUntilWithSpecialPeriod, requiresValidityRenewal, sevenYearValidityEnd, statutoryCardValidity } from './card-validity.js';
import { specialPeriodOf } from './special-period.js';

describe('CARD-4 statutory card validity (Art. 19-5(1))', () => {
  it('gives a PR aged 16+ issue + 7 years − 1 day: 2026-03-02 → 2033-03-01, S23 2026-09-08 → 2033-09-07 (Art. 19-5(1)(i), reading #2)', () => {
    expect(sevenYearValidityEnd('2026-03-02')).toBe('2033-03-01');
    expect(
      statutoryCardValidity({ issuedOn: '2026-09-08', dateOfBirth: '1990-01-01', status: 'permanent-resident', periodExpiresOn: null, reason: 'permanent-residence' }),
    ).toEqual({ validUntil: '2033-09-07', basis: '19-5(1)(i)', endsOn: 'seven-years', extendableBySpecialPeriod: false });
    expect(sevenYearValidityEnd('2025-07-01')).toBe('2032-06-30'); // S41
  });

  it('gives every HSP (ii) card 7 years whatever the age (Art. 19-5(1)(i))', () => {
    const card = statutoryCardValidity({ issuedOn: '2026-04-01', dateOfBirth: '1985-06-15', status: 'highly-skilled-professional-ii', periodExpiresOn: null, reason: 'change-of-status' });
    expect([card.validUntil, card.basis]).toEqual(['2033-03-31', '19-5(1)(i)']);
  });

  it('ends a PR card issued under 16 on the 16th birthday: S09 → 2031-08-20 (Art. 19-5(1)(ii))', () => {
    const card = statutoryCardValidity({ issuedOn: '2026-05-11', dateOfBirth: '2015-08-20', status: 'permanent-resident', periodExpiresOn: null, reason: 'permanent-residence' });
    expect(card).toEqual({ validUntil: '2031-08-20', basis: '19-5(1)(ii)', endsOn: 'sixteenth-birthday', extendableBySpecialPeriod: false });
    expect(requiresValidityRenewal(card)).toBe(true);
  });

  it('gives a PR renewal card issued at 15 seven years, not the 16th birthday: S09 → 2038-06-01 (Art. 19-5(1)(i),(ii) exclusion)', () => {
    const card = statutoryCardValidity({ issuedOn: '2031-06-02', dateOfBirth: '2015-08-20', status: 'permanent-resident', periodExpiresOn: null, reason: 'validity-renewal' });
    expect([card.validUntil, card.basis]).toEqual(['2038-06-01', '19-5(1)(i)']);
  });

  it('decides by age on the issue day: S15 twin A (16 that day) → 2033-05-19; twin B (15) → 2026-05-20, renewal → 2033-05-19 (Art. 19-5(1)(i),(ii))', () => {
    const base = { dateOfBirth: '2010-05-20', status: 'permanent-resident', periodExpiresOn: null } as const;
    expect(statutoryCardValidity({ ...base, issuedOn: '2026-05-20', reason: 'permanent-residence' }).validUntil).toBe('2033-05-19');
    const twinB = statutoryCardValidity({ ...base, issuedOn: '2026-05-19', reason: 'permanent-residence' });
    expect([twinB.validUntil, twinB.basis]).toEqual(['2026-05-20', '19-5(1)(ii)']);
    expect(statutoryCardValidity({ ...base, issuedOn: '2026-05-20', reason: 'validity-renewal' }).validUntil).toBe('2033-05-19');
  });

  it('ends other cards of holders 16+ on the period expiry: S01 → 2027-01-10 (Art. 19-5(1)(iii))', () => {
    expect(statutoryCardValidity({ issuedOn: '2026-01-10', dateOfBirth: '1995-03-03', status: 'engineer-specialist', periodExpiresOn: '2027-01-10', reason: 'landing' })).toEqual({
      validUntil: '2027-01-10',
      basis: '19-5(1)(iii)',
      endsOn: 'period-expiry',
      extendableBySpecialPeriod: true,
    });
  });

  it('gives a non-PR renewal card of an under-16 holder the period expiry (Art. 19-5(1)(iii), (iv) exclusion)', () => {
    const card = statutoryCardValidity({ issuedOn: '2028-07-01', dateOfBirth: '2012-10-01', status: 'dependent', periodExpiresOn: '2030-04-01', reason: 'validity-renewal' });
    expect([card.validUntil, card.basis]).toEqual(['2030-04-01', '19-5(1)(iii)']);
  });

  it('takes the earlier of expiry and 16th birthday for other under-16 holders: S11 2027-04-01 then 2028-10-01 (Art. 19-5(1)(iv))', () => {
    const first = statutoryCardValidity({ issuedOn: '2026-04-01', dateOfBirth: '2012-10-01', status: 'dependent', periodExpiresOn: '2027-04-01', reason: 'landing' });
    expect(first).toEqual({ validUntil: '2027-04-01', basis: '19-5(1)(iv)', endsOn: 'period-expiry', extendableBySpecialPeriod: true });
    expect(requiresValidityRenewal(first)).toBe(false);
    const second = statutoryCardValidity({ issuedOn: '2027-04-20', dateOfBirth: '2012-10-01', status: 'dependent', periodExpiresOn: '2030-04-01', reason: 'extension' });
    expect(second).toEqual({ validUntil: '2028-10-01', basis: '19-5(1)(iv)', endsOn: 'sixteenth-birthday', extendableBySpecialPeriod: false });
  });

  it('ends a 29-Feb child\'s card on the real leap day: S13 2028-02-29, and variant B issued on 2028-02-28 too (Art. 19-5(1)(iv), DT-7)', () => {
    const s13 = statutoryCardValidity({ issuedOn: '2026-01-20', dateOfBirth: '2012-02-29', status: 'dependent', periodExpiresOn: '2029-01-20', reason: 'landing' });
    expect([s13.validUntil, s13.endsOn]).toEqual(['2028-02-29', 'sixteenth-birthday']);
    const variantB = statutoryCardValidity({ issuedOn: '2028-02-28', dateOfBirth: '2012-02-29', status: 'dependent', periodExpiresOn: '2031-02-28', reason: 'change-of-status' });
    expect([variantB.validUntil, variantB.basis]).toEqual(['2028-02-29', '19-5(1)(iv)']);
  });

  it('gives a newborn the period expiry when it precedes the 16th birthday: S61 → 2029-06-30 (Art. 19-5(1)(iv))', () => {
    const card = statutoryCardValidity({ issuedOn: '2026-05-20', dateOfBirth: '2026-04-10', status: 'dependent', periodExpiresOn: '2029-06-30', reason: 'acquisition' });
    expect([card.validUntil, card.basis, card.endsOn]).toEqual(['2029-06-30', '19-5(1)(iv)', 'period-expiry']);
  });

  it('treats a 16th birthday equal to the expiry as the period expiry (Art. 19-5(1)(iv), reading #6)', () => {
    const card = statutoryCardValidity({ issuedOn: '2026-04-01', dateOfBirth: '2012-10-01', status: 'student', periodExpiresOn: '2028-10-01', reason: 'landing' });
    expect(card).toEqual({ validUntil: '2028-10-01', basis: '19-5(1)(iv)', endsOn: 'period-expiry', extendableBySpecialPeriod: true });
  });

  it('refuses a non-PR card without a period-of-stay expiry (Art. 19-5(1)(iii))', () => {
    expect(() => statutoryCardValidity({ issuedOn: '2026-04-01', dateOfBirth: '1990-01-01', status: 'student', periodExpiresOn: null, reason: 'landing' })).toThrow(RangeError);
  });
});

describe('CARD-5 validity during the special period (Art. 19-5(2))', () => {
  const engineer = statutoryCardValidity({ issuedOn: '2023-06-30', dateOfBirth: '1990-01-01', status: 'engineer-specialist', periodExpiresOn: '2026-06-30', reason: 'extension' });

  it('keeps a period-expiry card valid to the end of the special period: S17 → 2026-08-31 (Art. 19-5(2))', () => {
    expect(cardValidUntilWithSpecialPeriod(engineer, specialPeriodOf('2026-06-30', null))).toBe('2026-08-31');
  });

  it('keeps it only until the disposition when that comes first: S17 grant on 2026-07-21 (Art. 19-5(2))', () => {
    expect(cardValidUntilWithSpecialPeriod(engineer, specialPeriodOf('2026-06-30', '2026-07-21'))).toBe('2026-07-21');
  });

  it('keeps S11\'s first card valid through the special period to 2027-06-01 (Art. 19-5(2))', () => {
    const child = statutoryCardValidity({ issuedOn: '2026-04-01', dateOfBirth: '2012-10-01', status: 'dependent', periodExpiresOn: '2027-04-01', reason: 'landing' });
    expect(cardValidUntilWithSpecialPeriod(child, specialPeriodOf('2027-04-01', null))).toBe('2027-06-01');
  });

  it('does not extend a 7-year or 16th-birthday card (Art. 19-5(2))', () => {
    const child = statutoryCardValidity({ issuedOn: '2027-04-20', dateOfBirth: '2012-10-01', status: 'dependent', periodExpiresOn: '2028-10-05', reason: 'extension' });
    expect(cardValidUntilWithSpecialPeriod(child, specialPeriodOf('2028-10-05', null))).toBe('2028-10-01');
    expect(cardValidUntilWithSpecialPeriod(engineer, null)).toBe('2026-06-30');
  });
});
