import { describe, expect, it } from 'vitest';
import { nationalAdministrativeCalendar, withAdditionalClosedDays } from './closed-days.js';
import { groundIxWatch, groundViFrom, groundViiFrom, groundViiiWatch, publicNoticeDeemedServedOn } from './cancellation-grounds.js';

describe('CAN-3 ground (viii): no residence notified within 90 days (Art. 22-4(1)(viii))', () => {
  it('puts day 90 at start + 90 days: S01 2026-04-10, S31 2026-06-01, S61 variant 2026-08-18 (Art. 22-4(1)(viii), DT-2)', () => {
    expect(groundViiiWatch('2026-01-10').day90).toEqual({ clockStartedOn: '2026-01-10', nominal: '2026-04-10', effective: '2026-04-10' });
    expect(groundViiiWatch('2026-03-03').day90.effective).toBe('2026-06-01');
    expect(groundViiiWatch('2026-05-20').day90.effective).toBe('2026-08-18');
  });

  it('gives S03 day 90 2026-09-24, ground from 2026-09-25; S07 2026-08-10, from 2026-08-11 (Art. 22-4(1)(viii))', () => {
    expect(groundViiiWatch('2026-06-26')).toEqual({ day90: { clockStartedOn: '2026-06-26', nominal: '2026-09-24', effective: '2026-09-24' }, groundFrom: '2026-09-25' });
    expect(groundViiiWatch('2026-05-12')).toEqual({ day90: { clockStartedOn: '2026-05-12', nominal: '2026-08-10', effective: '2026-08-10' }, groundFrom: '2026-08-11' });
  });

  it('makes day 90 the last timely day and day 91 the ground: S25 2026-04-13 / from 2026-04-14 (Art. 22-4(1)(viii))', () => {
    const watch = groundViiiWatch('2026-01-13');
    expect([watch.day90.effective, watch.groundFrom]).toEqual(['2026-04-13', '2026-04-14']);
  });

  it('rolls a Golden Week day 90 forward: S27 2026-05-05 → 2026-05-07, ground from 2026-05-08 (Art. 22-4(1)(viii), reading #1)', () => {
    expect(groundViiiWatch('2026-02-04')).toEqual({ day90: { clockStartedOn: '2026-02-04', nominal: '2026-05-05', effective: '2026-05-07' }, groundFrom: '2026-05-08' });
  });

  it('uses the strict Civil Code day 90 when the policy switch is off: S27 ground from 2026-05-06 (reading #1)', () => {
    expect(groundViiiWatch('2026-02-04', { rollForward90DayGrounds: false })).toEqual({
      day90: { clockStartedOn: '2026-02-04', nominal: '2026-05-05', effective: '2026-05-05' },
      groundFrom: '2026-05-06',
    });
  });

  it('uses the municipality calendar when one is given (DT-6, Local Autonomy Act Art. 4-2(4))', () => {
    const ward = withAdditionalClosedDays(nationalAdministrativeCalendar, ['2026-04-13']);
    expect(groundViiiWatch('2026-01-13', { calendar: ward }).groundFrom).toBe('2026-04-15');
  });
});

describe('CAN-3 ground (ix): no new residence within 90 days of leaving (Art. 22-4(1)(ix))', () => {
  it('rolls a Saturday day 90 to Monday: S35 2026-08-29 → 2026-08-31, from 2026-09-01 (strict: 2026-08-30) (Art. 22-4(1)(ix))', () => {
    expect(groundIxWatch('2026-05-31')).toEqual({ day90: { clockStartedOn: '2026-05-31', nominal: '2026-08-29', effective: '2026-08-31' }, groundFrom: '2026-09-01' });
    expect(groundIxWatch('2026-05-31', { rollForward90DayGrounds: false }).groundFrom).toBe('2026-08-30');
  });

  it('counts from the day of leaving: S33 deletion effective 2026-04-01 → day 90 2026-06-30 (Art. 22-4(1)(ix))', () => {
    expect(groundIxWatch('2026-04-01').day90.effective).toBe('2026-06-30');
  });

  it('gives S29 day 90 2026-07-30 and the ground from 2026-07-31 for a move-out on 2026-05-01 (Art. 22-4(1)(ix))', () => {
    // S28 (held back) is not in scenarios.md; 2026-05-01 is the only move-out date whose day 90 is 2026-07-30.
    expect(groundIxWatch('2026-05-01')).toEqual({ day90: { clockStartedOn: '2026-05-01', nominal: '2026-07-30', effective: '2026-07-30' }, groundFrom: '2026-07-31' });
  });
});

describe('CAN-3 grounds (vi) and (vii): months without activity (Art. 22-4(1)(vi),(vii))', () => {
  it('starts (vi) the day after 3 months from the last active day: S47 withdrawal 2026-06-30 → from 2026-10-01 (Art. 22-4(1)(vi))', () => {
    expect(groundViFrom('2026-06-30', 'student')).toBe('2026-10-01');
  });

  it('would start (vi) on 2026-09-01 after S45\'s contract end, so work resumed 2026-07-01 leaves no candidate (Art. 22-4(1)(vi))', () => {
    const from = groundViFrom('2026-05-31', 'engineer-specialist');
    expect(from).toBe('2026-09-01');
    expect('2026-07-01' < from).toBe(true);
  });

  it('uses 6 months for HSP (ii) and never rolls forward (Art. 22-4(1)(vi), DT-6)', () => {
    expect(groundViFrom('2026-06-30', 'highly-skilled-professional-ii')).toBe('2027-01-01');
    expect(groundViFrom('2026-05-02', 'engineer-specialist')).toBe('2026-08-03');
  });

  it('starts (vii) the day after 6 months from the spouse\'s death: S49 2026-02-10 → from 2026-08-11 (Art. 22-4(1)(vii), reading #8)', () => {
    expect(groundViiFrom('2026-02-10')).toBe('2026-08-11');
  });
});

describe('CAN-4 service by public notice (Art. 61-9-2(8))', () => {
  it('deems the notice served when two weeks counted from the first posting day have passed: S59 2026-09-01 → 2026-09-15 (Art. 61-9-2(8))', () => {
    expect(publicNoticeDeemedServedOn('2026-09-01')).toBe('2026-09-15');
  });
});
