import { describe, expect, it } from 'vitest';
import { japaneseNationalityAcquired, notificationOverdue, parseData, residentDied } from '../testing/events.js';

const overdue = (overrides: object) => ({ ...notificationOverdue().data, ...overrides });

describe('NotificationOverdue (section 4 "overdue from")', () => {
  it('accepts S01: 19-7 deadline 2026-02-08 (Sun) rolled to 2026-02-09, overdue since 2026-02-10 (DT-6)', () => {
    expect(notificationOverdue().data).toMatchObject({ effectiveDeadline: '2026-02-09', overdueSince: '2026-02-10' });
  });

  it('rejects overdueSince other than the day after the effective deadline', () => {
    expect(() => parseData('NotificationOverdue', overdue({ overdueSince: '2026-02-09' }))).toThrow(
      'NotificationOverdue: data.overdueSince: must be the day after effectiveDeadline',
    );
  });

  it('rejects an effective deadline before the nominal one: roll-forward only moves later (DT-6)', () => {
    expect(() => parseData('NotificationOverdue', overdue({ effectiveDeadline: '2026-02-07', overdueSince: '2026-02-08' }))).toThrow(
      'data.effectiveDeadline: must not be before nominalDeadline',
    );
  });

  it('rejects an obligation no article imposes on the resident, e.g. the endeavour duty of Art. 19-17', () => {
    expect(() => parseData('NotificationOverdue', overdue({ obligation: '19-17' }))).toThrow('NotificationOverdue: data.obligation:');
  });

  it('rejects a clock tick before the duty became overdue', () => {
    expect(() => parseData('NotificationOverdue', overdue({ asOf: '2026-02-09' }))).toThrow('data.asOf: must not be before overdueSince');
  });
});

describe('end of residence (Arts. 19-14(vi), 2(ii))', () => {
  it('rejects a date of death that does not exist, 2026-02-30 (Art. 19-15(4) counts from it)', () => {
    expect(() => parseData('ResidentDied', { ...residentDied().data, diedOn: '2026-02-30' })).toThrow(
      'ResidentDied: data.diedOn: must be a real calendar date',
    );
  });

  it('rejects naturalisation without its date', () => {
    const { acquiredOn: _omitted, ...data } = japaneseNationalityAcquired().data;
    expect(() => parseData('JapaneseNationalityAcquired', data)).toThrow('JapaneseNationalityAcquired: data.acquiredOn:');
  });
});
