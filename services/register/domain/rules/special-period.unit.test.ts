import { describe, expect, it } from 'vitest';
import { createsSpecialPeriod, lastTimelyApplicationDay, periodOfStayExceeds30Days, specialPeriodLimit, specialPeriodOf } from './special-period.js';

describe('APP-3 the special period (Art. 20(6), Art. 21(4))', () => {
  it('ends two months after a 30 June expiry on 31 August, not 30 August (S17, Art. 20(6), DT-3 reading #3)', () => {
    expect(specialPeriodLimit('2026-06-30')).toBe('2026-08-31');
    expect(specialPeriodOf('2026-06-30', null)).toEqual({ startsOn: '2026-07-01', lastDay: '2026-08-31', endedByDisposition: false });
  });

  it('ends 31 March → 31 May and 3 May → 3 July (APP-3, Art. 20(6))', () => {
    expect(specialPeriodLimit('2026-03-31')).toBe('2026-05-31');
    expect(specialPeriodLimit('2026-05-03')).toBe('2026-07-03');
  });

  it('gives S11 2027-06-01, S19 2026-06-30 and S43 2026-10-31 (Art. 20(6))', () => {
    expect(specialPeriodLimit('2027-04-01')).toBe('2027-06-01');
    expect(specialPeriodLimit('2026-04-30')).toBe('2026-06-30');
    expect(specialPeriodLimit('2026-08-31')).toBe('2026-10-31');
  });

  it('ends at the disposition when it comes first: S17 grant 2026-07-21, S19 denial 2026-05-15 (Art. 20(6) "whichever is earlier")', () => {
    expect(specialPeriodOf('2026-06-30', '2026-07-21')).toEqual({ startsOn: '2026-07-01', lastDay: '2026-07-21', endedByDisposition: true });
    expect(specialPeriodOf('2026-04-30', '2026-05-15').lastDay).toBe('2026-05-15');
    expect(specialPeriodOf('2026-04-30', '2026-07-15')).toEqual({ startsOn: '2026-05-01', lastDay: '2026-06-30', endedByDisposition: false });
  });

  it('arises for a timely extension of a period longer than 30 days undecided at expiry (S17, Art. 20(6))', () => {
    const stay = { periodOfStay: 'P3Y', expiresOn: '2026-06-30' } as const;
    expect(createsSpecialPeriod({ kind: 'extension', filedOn: '2026-06-10', disposedOn: '2026-07-21' }, stay)).toBe(true);
    expect(createsSpecialPeriod({ kind: 'change-of-status', filedOn: '2026-06-10', disposedOn: null }, stay)).toBe(true);
  });

  it('does not arise for an application filed after an expiry on a business day: S21 (Art. 20(6))', () => {
    expect(createsSpecialPeriod({ kind: 'extension', filedOn: '2026-04-02', disposedOn: null }, { periodOfStay: 'P1Y', expiresOn: '2026-03-31' })).toBe(false);
  });

  it('treats a filing on the next open day after a closed-day expiry as timely (APP-3 reading #18, Act on Holidays of Administrative Organs Art. 2)', () => {
    // Expiry Sunday 2026-05-03 in Golden Week; the bureau reopens on Thursday 2026-05-07.
    expect(lastTimelyApplicationDay('2026-05-03')).toBe('2026-05-07');
    const stay = { periodOfStay: 'P1Y', expiresOn: '2026-05-03' } as const;
    expect(createsSpecialPeriod({ kind: 'extension', filedOn: '2026-05-07', disposedOn: null }, stay)).toBe(true);
    expect(createsSpecialPeriod({ kind: 'extension', filedOn: '2026-05-08', disposedOn: null }, stay)).toBe(false);
    // The special period is still counted from the original expiry.
    expect(specialPeriodLimit('2026-05-03')).toBe('2026-07-03');
  });

  it('does not arise for permanent-residence or acquisition applications (APP-3, Arts. 22, 22-2)', () => {
    const stay = { periodOfStay: 'P3Y', expiresOn: '2026-06-30' } as const;
    expect(createsSpecialPeriod({ kind: 'permanent-residence', filedOn: '2026-06-10', disposedOn: null }, stay)).toBe(false);
    expect(createsSpecialPeriod({ kind: 'acquisition', filedOn: '2026-06-10', disposedOn: null }, stay)).toBe(false);
  });

  it('does not arise when the disposition came by the expiry date (Art. 20(6))', () => {
    const stay = { periodOfStay: 'P1Y', expiresOn: '2026-06-30' } as const;
    expect(createsSpecialPeriod({ kind: 'extension', filedOn: '2026-06-10', disposedOn: '2026-06-30' }, stay)).toBe(false);
  });

  it('requires a period of stay longer than 30 days: 31 days yes, 30 days and 15 days no (Art. 20(6))', () => {
    expect(periodOfStayExceeds30Days('P31D')).toBe(true);
    expect(periodOfStayExceeds30Days('P30D')).toBe(false);
    expect(periodOfStayExceeds30Days('P15D')).toBe(false);
    expect(periodOfStayExceeds30Days('P3M')).toBe(true);
    expect(periodOfStayExceeds30Days('P1Y')).toBe(true);
    const stay = { periodOfStay: 'P30D', expiresOn: '2026-06-30' } as const;
    expect(createsSpecialPeriod({ kind: 'extension', filedOn: '2026-06-10', disposedOn: null }, stay)).toBe(false);
  });
});
