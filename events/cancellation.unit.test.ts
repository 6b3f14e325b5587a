import { describe, expect, it } from 'vitest';
import {
  cancellationGroundDetected,
  cancellationGroundWithdrawn,
  hearingNoticeServed,
  justifiableReasonRecorded,
  parseData,
  statusOfResidenceCancelled,
} from '../testing/events.js';

const detected = (overrides: object) => ({ ...cancellationGroundDetected().data, ...overrides });
const cancelled = (overrides: object) => ({ ...statusOfResidenceCancelled().data, ...overrides });
const hearing = (overrides: object) => ({ ...hearingNoticeServed().data, ...overrides });

describe('CancellationGroundDetected (Art. 22-4(1)(vi)–(ix), CAN-3)', () => {
  it('accepts the S27 (viii) candidate: nominal day 90 in Golden Week, from the day after the effective deadline', () => {
    const event = cancellationGroundDetected({
      clockStartedOn: '2026-02-04', nominalDeadline: '2026-05-05', effectiveDeadline: '2026-05-07', groundFrom: '2026-05-08', asOf: '2026-05-08',
    });
    expect(event.data.groundFrom).toBe('2026-05-08');
  });

  it('accepts the strict reading: from the day after the nominal deadline (rules.md §16 #1)', () => {
    const data = detected({ clockStartedOn: '2026-02-04', nominalDeadline: '2026-05-05', effectiveDeadline: '2026-05-07', groundFrom: '2026-05-06', asOf: '2026-05-06' });
    expect(parseData('CancellationGroundDetected', data).event.data).toHaveProperty('groundFrom', '2026-05-06');
  });

  it('rejects a groundFrom that is not the day after a deadline (CAN-3)', () => {
    expect(() => parseData('CancellationGroundDetected', detected({ groundFrom: '2026-04-15', asOf: '2026-04-15' }))).toThrow(
      'data.groundFrom: must be the day after the effective (or, strict reading, nominal) deadline',
    );
  });

  it('rejects a rolled-forward deadline for ground (vi): non-activity periods are not filing deadlines (DT-6)', () => {
    expect(() => parseData('CancellationGroundDetected', detected({ ground: 'vi', effectiveDeadline: '2026-04-14', groundFrom: '2026-04-15', asOf: '2026-04-15' }))).toThrow(
      'data.effectiveDeadline: must equal nominalDeadline: the period of ground (vi) is not rolled forward (DT-6)',
    );
  });

  it('rejects a ground that no clock can detect, e.g. a false residence (Art. 22-4(1)(x))', () => {
    expect(() => parseData('CancellationGroundDetected', detected({ ground: 'x' }))).toThrow('CancellationGroundDetected: data.ground:');
  });

  it('rejects a detection dated before the ground arose', () => {
    expect(() => parseData('CancellationGroundDetected', detected({ asOf: '2026-04-13' }))).toThrow('data.asOf: must not be before groundFrom');
  });

  it('rejects a likely justification that is not a known hint (CAN-3)', () => {
    expect(() => parseData('CancellationGroundDetected', detected({ likelyJustification: 'BUSY' }))).toThrow('data.likelyJustification:');
  });

  it('rejects a withdrawal for a reason not in the list', () => {
    const data = { ...cancellationGroundWithdrawn().data, reason: 'officer-discretion' };
    expect(() => parseData('CancellationGroundWithdrawn', data)).toThrow('CancellationGroundWithdrawn: data.reason:');
  });
});

describe('JustifiableReasonRecorded (Art. 22-4(1)(v)–(ix))', () => {
  it('rejects a justifiable reason for ground (x): the item has no such exception (Art. 22-4(1)(x))', () => {
    const data = { ...justifiableReasonRecorded().data, ground: 'x' };
    expect(() => parseData('JustifiableReasonRecorded', data)).toThrow('JustifiableReasonRecorded: data.ground:');
  });

  it('accepts a justifiable reason for ground (v)', () => {
    expect(justifiableReasonRecorded({ ground: 'v', reason: 'other' }).data.ground).toBe('v');
  });
});

describe('HearingNoticeServed (Art. 22-4(3), service Art. 61-9-2)', () => {
  it('accepts S59 variant B: posted from 2026-09-01, deemed served on 2026-09-15 (Art. 61-9-2(8))', () => {
    const event = hearingNoticeServed({ method: 'public-notice', postedFrom: '2026-09-01', servedOn: '2026-09-15', hearingOn: '2026-09-29' });
    expect(event.data.servedOn).toBe('2026-09-15');
  });

  it('rejects a public notice deemed served before two weeks have passed (Art. 61-9-2(8))', () => {
    expect(() => parseData('HearingNoticeServed', hearing({ method: 'public-notice', postedFrom: '2026-09-01', servedOn: '2026-09-14' }))).toThrow(
      'data.servedOn: must be postedFrom + 14 days',
    );
  });

  it('rejects public notice without the first day of posting (Art. 61-9-2(6))', () => {
    expect(() => parseData('HearingNoticeServed', hearing({ method: 'public-notice' }))).toThrow('data.postedFrom: is required for service by public notice');
  });

  it('rejects a hearing on or before the day of service: the notice is served in advance (Art. 22-4(3))', () => {
    expect(() => parseData('HearingNoticeServed', hearing({ hearingOn: '2026-09-01' }))).toThrow('data.hearingOn: must be after servedOn');
  });

  it('rejects a notice stating no ground (Art. 22-4(3))', () => {
    expect(() => parseData('HearingNoticeServed', hearing({ grounds: [] }))).toThrow('HearingNoticeServed: data.grounds:');
  });

  it('names the index of a ground that is not an item of Art. 22-4(1)', () => {
    expect(() => parseData('HearingNoticeServed', hearing({ grounds: ['ix', 'xi'] }))).toThrow('HearingNoticeServed: data.grounds[1]:');
  });
});

describe('StatusOfResidenceCancelled (Art. 22-4(6)–(9))', () => {
  it('accepts no departure period for ground (i) (Art. 22-4(7))', () => {
    expect(statusOfResidenceCancelled({ grounds: ['i'], departBy: null }).data.departBy).toBeNull();
  });

  it('rejects a departure period on a cancellation for ground (ii) alone (Art. 22-4(7))', () => {
    expect(() => parseData('StatusOfResidenceCancelled', cancelled({ grounds: ['ii'] }))).toThrow(
      'data.departBy: must be null: no departure period for grounds (i) and (ii)',
    );
  });

  it('rejects a missing departure period for ground (ix) (Art. 22-4(7))', () => {
    expect(() => parseData('StatusOfResidenceCancelled', cancelled({ departBy: null }))).toThrow(
      'data.departBy: a departure period of up to 30 days must be designated',
    );
  });

  it('accepts an omitted departure period for ground (v) (Art. 22-4(7), risk of absconding)', () => {
    expect(statusOfResidenceCancelled({ grounds: ['v'], departBy: null }).data.departBy).toBeNull();
  });

  it('accepts the S59 period ending 30 days after service, on a Saturday: not rolled forward (Art. 22-4(7))', () => {
    expect(statusOfResidenceCancelled({ cancelledOn: '2026-10-01', departBy: '2026-10-31' }).data.departBy).toBe('2026-10-31');
  });

  it('rejects a departure period of 31 days (Art. 22-4(7): not exceeding 30 days)', () => {
    expect(() => parseData('StatusOfResidenceCancelled', cancelled({ departBy: '2026-11-01' }))).toThrow(
      'data.departBy: must fall within the 30 days after cancelledOn',
    );
  });

  it('rejects conditions without a departure period (Art. 22-4(8))', () => {
    expect(() => parseData('StatusOfResidenceCancelled', cancelled({ grounds: ['i'], departBy: null, conditions: ['residence-restricted'] }))).toThrow(
      'data.conditions: are attached to a departure period only',
    );
  });

  it('rejects the same ground listed twice', () => {
    expect(() => parseData('StatusOfResidenceCancelled', cancelled({ grounds: ['ix', 'ix'] }))).toThrow('data.grounds: must not repeat a ground');
  });
});
