import { describe, expect, it } from 'vitest';
import {
  applicationDecided, applicationFiled, departureConfirmed, landingPermitted, reentered, residentDied, residentRecordEntered,
  statusOfResidenceCancelled, statusPermissionGranted, japaneseNationalityAcquired,
} from '../../../testing/events.js';
import { history, type Recorded } from '../../../testing/facts.js';
import { stayAt } from './stay.js';
import { statusAt } from './status.js';
import { buildTimeline } from './timeline.js';

const engineer = (expiresOn: string) => landingPermitted({ permittedOn: '2025-07-01', grant: { expiresOn } });
const stay = (asOf: string, ...events: Recorded[]) => stayAt(buildTimeline(history(...events)), asOf);

describe('the stay at the end of a legal date (STAY-1, APP-3, DEP-1, REP-1, DRP-1, MLTR-3)', () => {
  it('is lawful through the expiry date and an overstay from the next day (Art. 24(iv)(b), S01)', () => {
    expect(stay('2026-06-30', engineer('2026-06-30')).kind).toBe('status');
    expect(stay('2026-07-01', engineer('2026-06-30'))).toMatchObject({ kind: 'ended', reason: 'OVERSTAY', since: '2026-07-01' });
  });

  it('runs a special period to two months after expiry while a timely extension is undecided (Art. 20(6), S17)', () => {
    const filed = applicationFiled({ filedOn: '2026-06-10' });
    expect(stay('2026-08-31', engineer('2026-06-30'), filed)).toMatchObject({ kind: 'status', specialPeriod: { limit: '2026-08-31' } });
    expect(stay('2026-09-01', engineer('2026-06-30'), filed)).toMatchObject({ kind: 'ended', reason: 'OVERSTAY', since: '2026-09-01' });
  });

  it('has no special period before the expiry has passed', () => {
    expect(stay('2026-06-30', engineer('2026-06-30'), applicationFiled({ filedOn: '2026-06-10' }))).toMatchObject({ specialPeriod: null });
  });

  it('ends the special period at a denial, the person overstaying from that day (Art. 20(6), S19 variant)', () => {
    const facts = [engineer('2026-04-30'), applicationFiled({ filedOn: '2026-04-15' }), applicationDecided({ decidedOn: '2026-05-15', outcome: 'denied' })];
    expect(stay('2026-05-14', ...facts)).toMatchObject({ kind: 'status', specialPeriod: { limit: '2026-06-30' } });
    expect(stay('2026-05-15', ...facts)).toMatchObject({ kind: 'ended', reason: 'OVERSTAY', since: '2026-05-15' });
  });

  it('continues under the new grant when the extension is granted inside the special period (Art. 21(4), S17)', () => {
    const granted = statusPermissionGranted({ grantedOn: '2026-07-21', applicationId: 'APP-0001', grant: { expiresOn: '2029-06-30' } });
    const result = stay('2026-07-21', engineer('2026-06-30'), applicationFiled({ filedOn: '2026-06-10' }), granted);
    expect(result).toMatchObject({ kind: 'status', grant: { on: '2026-07-21' }, specialPeriod: null });
  });

  it('opens no special period for an application filed after expiry (Art. 20(6), S21)', () => {
    expect(stay('2026-04-01', engineer('2026-03-31'), applicationFiled({ filedOn: '2026-04-02' }))).toMatchObject({ reason: 'OVERSTAY', since: '2026-04-01' });
  });

  it('accepts an application on the next open day after a closed-day expiry as timely (reading #18)', () => {
    // 2026-05-03 is Constitution Day (Sunday) and 05-04..05-06 are holidays: 05-07 is the next open day.
    expect(stay('2026-05-10', engineer('2026-05-03'), applicationFiled({ filedOn: '2026-05-07' }))).toMatchObject({ kind: 'status' });
  });

  it('ends the status at a departure without a re-entry permit (Art. 25, 19-14(iii), S37)', () => {
    const left = departureConfirmed({ departedOn: '2026-08-05', reentry: { kind: 'none' } });
    expect(stay('2026-08-05', engineer('2027-03-31'), left)).toMatchObject({ kind: 'ended', reason: 'DEPARTED_WITHOUT_REENTRY_PERMIT', since: '2026-08-05' });
  });

  it('keeps the status abroad on a deemed permit until the earlier of one year and the expiry (Art. 26-2(2), S35)', () => {
    const left = departureConfirmed({ departedOn: '2026-06-01' });
    expect(stay('2026-09-01', engineer('2027-01-10'), left)).toMatchObject({ kind: 'status', abroad: { returnBy: '2027-01-10' } });
    expect(stay('2027-01-11', engineer('2027-01-10'), left)).toMatchObject({ kind: 'ended', reason: 'REENTRY_PERMIT_LAPSED', since: '2027-01-11' });
  });

  it('caps a deemed permit during a special period at the end of that period (reading #15, S43)', () => {
    const facts = [engineer('2026-08-31'), applicationFiled({ filedOn: '2026-08-20' }), departureConfirmed({ departedOn: '2026-09-05' })];
    expect(stay('2026-10-31', ...facts)).toMatchObject({ kind: 'status', abroad: { returnBy: '2026-10-31' } });
    expect(stay('2026-11-01', ...facts)).toMatchObject({ kind: 'ended', since: '2026-11-01' });
  });

  it('returns the person to Japan on a timely re-entry (Art. 26-2)', () => {
    const facts = [engineer('2027-01-10'), departureConfirmed({ departedOn: '2026-06-01' }), reentered({ reenteredOn: '2026-10-15' })];
    expect(stay('2026-12-01', ...facts)).toMatchObject({ kind: 'status', abroad: null });
  });

  it('ends the status on the day a cancellation notice is served (Art. 22-4(6), S59)', () => {
    const cancelled = statusOfResidenceCancelled({ cancelledOn: '2026-10-01', departBy: '2026-10-31' });
    expect(stay('2026-10-01', engineer('2027-01-10'), cancelled)).toMatchObject({ reason: 'STATUS_CANCELLED', since: '2026-10-01', departBy: '2026-10-31' });
  });

  it('ends the status at death and at naturalisation (MLTR-3)', () => {
    expect(stay('2026-02-10', engineer('2027-01-10'), residentDied({ diedOn: '2026-02-10' }))).toMatchObject({ reason: 'DIED' });
    expect(stay('2026-04-01', engineer('2027-01-10'), japaneseNationalityAcquired({ acquiredOn: '2026-04-01' }))).toMatchObject({ reason: 'NATURALISED' });
  });

  it('lets a child born in Japan stay without status for 60 days, then overstay without an application (Art. 22-2(1), 24(vii), S61)', () => {
    const birth = residentRecordEntered({ reason: 'birth', residenceEstablishedOn: '2026-04-10', enteredOn: '2026-04-12' });
    expect(stay('2026-06-09', birth)).toMatchObject({ kind: 'without-status', lawfulUntil: '2026-06-09' });
    expect(stay('2026-06-10', birth)).toMatchObject({ kind: 'ended', reason: 'OVERSTAY', since: '2026-06-10' });
    const applied = applicationFiled({ kind: 'acquisition', filedOn: '2026-05-08' });
    expect(stay('2026-06-10', birth, applied)).toMatchObject({ kind: 'without-status', applicationPending: true });
  });
});

describe('deportability after the stay ended (STAY-1, CAN-4(8))', () => {
  const status = (asOf: string, ...events: Recorded[]) => statusAt(history(...events), { asOf }).stay;

  it('makes a person who stays beyond the designated departure period deportable from the next day (Art. 24(ii-4), S59)', () => {
    const cancelled = statusOfResidenceCancelled({ cancelledOn: '2026-10-01', departBy: '2026-10-31' });
    expect(status('2026-11-01', engineer('2027-01-10'), cancelled)).toMatchObject({ deportable: { since: '2026-11-01', article: '24(ii-4)' } });
  });

  it('makes a person cancelled on ground (i) or (ii), with no departure period, deportable at once (Art. 24(ii-2))', () => {
    const cancelled = statusOfResidenceCancelled({ cancelledOn: '2026-10-01', grounds: ['i'], departBy: null });
    expect(status('2026-10-01', engineer('2027-01-10'), cancelled)).toMatchObject({ deportable: { since: '2026-10-01', article: '24(ii-2)' } });
  });

  it('makes an overstayer deportable from the first day of overstay (Art. 24(iv)(b)) and nobody after a departure', () => {
    expect(status('2027-01-11', engineer('2027-01-10'))).toMatchObject({ deportable: { since: '2027-01-11', article: '24(iv)(b)' } });
    const left = departureConfirmed({ departedOn: '2026-08-05', reentry: { kind: 'none' } });
    expect(status('2026-08-06', engineer('2027-01-10'), left)).toMatchObject({ deportable: null });
  });
});
