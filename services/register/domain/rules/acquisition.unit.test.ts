import { describe, expect, it } from 'vitest';
import { stayWithoutStatusLastDay } from './acquisition.js';
import { dayAfter } from './calendar.js';

describe('APP-5 stay without status after birth (Art. 22-2(1))', () => {
  it('allows 60 days from birth: born 2026-04-10 → through 2026-06-09, overstay from 2026-06-10 (S61, Art. 22-2(1), 24(vii))', () => {
    expect(stayWithoutStatusLastDay('2026-04-10')).toBe('2026-06-09');
    expect(dayAfter(stayWithoutStatusLastDay('2026-04-10'))).toBe('2026-06-10');
  });

  it('does not roll the 60-day stay forward past a closed day: it is not a filing deadline (DT-6 reading)', () => {
    // 2026-03-05 + 60 days = 2026-05-04, Greenery Day: the last day stays on the holiday.
    expect(stayWithoutStatusLastDay('2026-03-05')).toBe('2026-05-04');
  });
});
