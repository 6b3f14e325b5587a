import { describe, expect, it } from 'vitest';
import {
  deemedReentryValidUntil,
  isWithinReentryPermitCap,
  latestExtendedReentryValidity,
  reentryPermitExtensionCap,
  reentryPermitValidityCap,
} from './reentry.js';

describe('REP-1 re-entry permit caps (Art. 26(3),(5),(6))', () => {
  it('caps validity at effective date + 5 years − 1 day (REP-1, Art. 26(3), DT-5 reading #4)', () => {
    expect(reentryPermitValidityCap('2026-04-01')).toBe('2031-03-31');
    expect(reentryPermitValidityCap('2028-02-29')).toBe('2033-02-28');
    expect(isWithinReentryPermitCap('2026-04-01', '2031-03-31')).toBe(true);
    expect(isWithinReentryPermitCap('2026-04-01', '2031-04-01')).toBe(false);
    expect(isWithinReentryPermitCap('2026-04-01', '2026-03-31')).toBe(false);
  });

  it('caps extensions abroad at effective date + 6 years − 1 day and 1 year per extension (REP-1, Art. 26(5),(6))', () => {
    expect(reentryPermitExtensionCap('2026-04-01')).toBe('2032-03-31');
    expect(latestExtendedReentryValidity('2026-04-01', '2030-06-30')).toBe('2031-06-30');
    expect(latestExtendedReentryValidity('2026-04-01', '2031-03-31')).toBe('2032-03-31');
  });
});

describe('DRP-1 deemed re-entry permit (Art. 26-2(2))', () => {
  it('stops at the period-of-stay expiry when earlier: S35 min(2027-06-01, 2027-01-10) = 2027-01-10 (Art. 26-2(2))', () => {
    expect(deemedReentryValidUntil('2026-06-01', null)).toBe('2027-06-01');
    expect(deemedReentryValidUntil('2026-06-01', '2027-01-10')).toBe('2027-01-10');
  });

  it('gives a Permanent Resident one year: S39 departed 2026-03-10 → 2027-03-10 (Art. 26-2(2))', () => {
    expect(deemedReentryValidUntil('2026-03-10', null)).toBe('2027-03-10');
  });

  it('ends one year from a 28 February departure on 29 February: S41 2027-02-28 → 2028-02-29 (Art. 26-2(2), DT-3)', () => {
    expect(deemedReentryValidUntil('2027-02-28', null)).toBe('2028-02-29');
  });

  it('stops at the end of the special period while an extension is pending: S43 → 2026-10-31 (Art. 26-2(2), 24(iv)(b), reading #15)', () => {
    expect(deemedReentryValidUntil('2026-09-05', '2026-10-31')).toBe('2026-10-31');
    expect(deemedReentryValidUntil('2026-09-05', null)).toBe('2027-09-05');
  });
});
