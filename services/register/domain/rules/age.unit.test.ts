import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstDayOfAge, isUnder16On, sixteenthBirthday } from './age.js';
import { arbIsoDate, bruteIsLeap, format, nextDay, parse } from './testing/brute-calendar.js';

describe('DT-7 the 16th birthday (Art. 19-5(1)(ii))', () => {
  it('is the real 29 February when the 16th year is a leap year: born 2012-02-29 → 2028-02-29 (S13, Art. 19-5(1)(ii))', () => {
    expect(sixteenthBirthday('2012-02-29')).toBe('2028-02-29');
  });

  it('is deemed 28 February across 2100, which is not a leap year: born 2084-02-29 → 2100-02-28 (DT-7, Art. 19-5(1)(ii))', () => {
    expect(sixteenthBirthday('2084-02-29')).toBe('2100-02-28');
  });

  it('is the same day 16 years later otherwise: S09 2031-08-20, S11 2028-10-01, S61 2042-04-10 (Art. 19-5(1)(ii))', () => {
    expect(sixteenthBirthday('2015-08-20')).toBe('2031-08-20');
    expect(sixteenthBirthday('2012-10-01')).toBe('2028-10-01');
    expect(sixteenthBirthday('2026-04-10')).toBe('2042-04-10');
  });

  it('always falls in the 16th year after birth and differs in day only for 29-February births (DT-7 property)', () => {
    fc.assert(
      fc.property(arbIsoDate(1900, 2400), (dob) => {
        const birth = parse(dob);
        const birthday = parse(sixteenthBirthday(dob));
        expect(birthday.y).toBe(birth.y + 16);
        expect(birthday.m).toBe(birth.m);
        const leapBirth = birth.m === 2 && birth.d === 29;
        expect(birthday.d).toBe(leapBirth && !bruteIsLeap(birth.y + 16) ? 28 : birth.d);
      }),
      { numRuns: 500 },
    );
  });
});

describe('DT-7 age (Act on the Calculation of Age, Civil Code Art. 143)', () => {
  it('makes a person 16 on the 16th anniversary itself: twins born 2010-05-20 are 15 on 2026-05-19, 16 on 2026-05-20 (S15)', () => {
    expect(isUnder16On('2010-05-20', '2026-05-19')).toBe(true);
    expect(isUnder16On('2010-05-20', '2026-05-20')).toBe(false);
  });

  it('keeps a 29-Feb child 15 on 28 Feb of a leap 16th year: born 2012-02-29 is under 16 on 2028-02-28 (S13 variant B)', () => {
    expect(isUnder16On('2012-02-29', '2028-02-28')).toBe(true);
    expect(isUnder16On('2012-02-29', '2028-02-29')).toBe(false);
  });

  it('makes a 29-Feb child 16 on 1 March of a non-leap year, not on the deemed 28 February (DT-7, Act on the Calculation of Age)', () => {
    expect(isUnder16On('2084-02-29', '2100-02-28')).toBe(true);
    expect(isUnder16On('2084-02-29', '2100-03-01')).toBe(false);
    expect(firstDayOfAge('2084-02-29', 16)).toBe('2100-03-01');
  });

  it('agrees with "the anniversary, or 1 March when it does not exist" (DT-7 property)', () => {
    fc.assert(
      fc.property(arbIsoDate(1900, 2400), fc.integer({ min: 0, max: 6000 }), (dob, offset) => {
        const birth = parse(dob);
        const target = birth.y + 16;
        const anniversary =
          birth.m === 2 && birth.d === 29 && !bruteIsLeap(target) ? { y: target, m: 3, d: 1 } : { y: target, m: birth.m, d: birth.d };
        let day = birth;
        for (let i = 0; i < offset; i += 1) day = nextDay(day);
        expect(isUnder16On(dob, format(day))).toBe(format(day) < format(anniversary));
      }),
    );
  });
});
