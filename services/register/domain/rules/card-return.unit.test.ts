import { describe, expect, it } from 'vitest';
import { cardReturnDuty } from './card-return.js';

describe('INV-2 return of the card (Art. 19-15)', () => {
  it('counts 14 days from the first invalid day after expiry: S01 → 2027-01-25, S21 → 2026-04-15 (Art. 19-15(1), reading #5)', () => {
    expect(cardReturnDuty({ item: '19-14(ii)', validUntil: '2027-01-10' })).toEqual({
      kind: 'within-14-days',
      deadline: { clockStartedOn: '2027-01-11', nominal: '2027-01-25', effective: '2027-01-25' },
    });
    const s21 = cardReturnDuty({ item: '19-14(ii)', validUntil: '2026-03-31' });
    expect(s21.kind === 'within-14-days' ? s21.deadline.effective : null).toBe('2026-04-15');
  });

  it('counts 14 days from ceasing to be an MLTR: S19 → 2026-05-29, S59 → 2026-10-15 (Art. 19-15(1), 19-14(i))', () => {
    const s19 = cardReturnDuty({ item: '19-14(i)', groundAroseOn: '2026-05-15' });
    expect(s19.kind === 'within-14-days' ? s19.deadline.effective : null).toBe('2026-05-29');
    const s59 = cardReturnDuty({ item: '19-14(i)', groundAroseOn: '2026-10-01' });
    expect(s59.kind === 'within-14-days' ? s59.deadline.effective : null).toBe('2026-10-15');
  });

  it('counts 14 days from the day after the re-entry validity: S39 → 2027-03-25 (Art. 19-15(1), 19-14(iv))', () => {
    expect(cardReturnDuty({ item: '19-14(iv)', reentryValidUntil: '2027-03-10' })).toEqual({
      kind: 'within-14-days',
      deadline: { clockStartedOn: '2027-03-11', nominal: '2027-03-25', effective: '2027-03-25' },
    });
  });

  it('requires immediate return on departure without a permit or on a new card: S37, S17 (Art. 19-15(2))', () => {
    expect(cardReturnDuty({ item: '19-14(iii)', departedOn: '2026-08-05' })).toEqual({ kind: 'immediately', groundAroseOn: '2026-08-05' });
    expect(cardReturnDuty({ item: '19-14(v)', newCardIssuedOn: '2026-07-21' })).toEqual({ kind: 'immediately', groundAroseOn: '2026-07-21' });
  });

  it('gives relatives 14 days from the death, or from finding the card later: S49 → 2026-02-24 (Art. 19-15(4))', () => {
    const s49 = cardReturnDuty({ item: '19-14(vi)', diedOn: '2026-02-10', foundOn: null });
    expect(s49.kind === 'within-14-days' ? s49.deadline.effective : null).toBe('2026-02-24');
    const foundLater = cardReturnDuty({ item: '19-14(vi)', diedOn: '2026-02-10', foundOn: '2026-03-02' });
    expect(foundLater.kind === 'within-14-days' ? foundLater.deadline.clockStartedOn : null).toBe('2026-03-02');
  });

  it('counts 14 days from finding a lost card after it lapsed, rolled past a holiday (Art. 19-15(3), DT-6)', () => {
    const found = cardReturnDuty({ item: 'found-after-lapse', foundOn: '2026-04-21' });
    expect(found.kind === 'within-14-days' ? [found.deadline.nominal, found.deadline.effective] : null).toEqual(['2026-05-05', '2026-05-07']);
  });
});
