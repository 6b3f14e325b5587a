import { describe, expect, it } from 'vitest';
import {
  departureConfirmed, justifiableReasonRecorded, landingPermitted, residenceAddressCorrected, residenceAddressNotified, residentDied,
  residentRecordEntered, statusPermissionGranted,
} from '../../../testing/events.js';
import { history, recordedOn } from '../../../testing/facts.js';
import { SETAGAYA_ADDRESS, SHIBUYA_ADDRESS, SHINJUKU_ADDRESS } from '../../../testing/scenario-fixtures.js';
import { candidate, q, watch } from '../../../testing/status-queries.js';

// CAN-3, Art. 22-4(1)(viii): 90 days from the landing or permission, through statusAt.

const landedOn = (permittedOn: string, expiresOn: string) =>
  landingPermitted({ permittedOn, grant: { status: 'engineer-specialist', periodOfStay: 'P1Y', expiresOn } });
const filedOn = (notifiedOn: string, movedInOn = '2026-01-15') => residenceAddressNotified({ movedInOn, notifiedOn, relayId: `relay-${notifiedOn}` });

describe('(viii) watch and candidate (Art. 22-4(1)(viii), CAN-3)', () => {
  it('S01 Q 2026-01-20: watch from the landing, day 90 = 2026-04-10 (Art. 22-4(1)(viii), CAN-3)', () => {
    expect(watch(q(history(landedOn('2026-01-10', '2027-01-10'), filedOn('2026-01-30', '2026-01-25')), '2026-01-20'), 'viii')).toEqual({
      ground: 'viii', clockStartedOn: '2026-01-10', day90: { nominal: '2026-04-10', effective: '2026-04-10' }, groundFrom: '2026-04-11',
    });
  });
  it('S01 Q 2026-02-02: closed by the notification within 90 days (Art. 22-4(1)(viii), CAN-3)', () => {
    const status = q(history(landedOn('2026-01-10', '2027-01-10'), filedOn('2026-01-30', '2026-01-25')), '2026-02-02');
    expect([status.watches, status.cancellationGrounds]).toEqual([[], []]);
  });

  // S25: landed 2026-01-13; P files on day 90, Q on day 91, R never.
  const s25 = landedOn('2026-01-13', '2027-01-13');
  it('S25 Q 2026-04-13: P notified on day 90 — no candidate (Art. 22-4(1)(viii), DT-2)', () => {
    const status = q(history(s25, filedOn('2026-04-13')), '2026-04-13');
    expect([candidate(status, 'viii'), watch(status, 'viii')]).toEqual([undefined, undefined]);
  });
  it('S25 Q 2026-04-13: Q and R not yet candidates, day 90 is not over (Art. 22-4(1)(viii), DT-8)', () => {
    expect(candidate(q(history(s25, filedOn('2026-04-14')), '2026-04-13'), 'viii')).toBeUndefined();
    expect(watch(q(history(s25), '2026-04-13'), 'viii')).toMatchObject({ groundFrom: '2026-04-14' });
  });
  it('S25 Q 2026-04-14: Q candidate from 2026-04-14, cured late the same day (Art. 22-4(1)(viii), CAN-3)', () => {
    expect(candidate(q(history(s25, filedOn('2026-04-14')), '2026-04-14'), 'viii')).toMatchObject({
      from: '2026-04-14', strictFrom: '2026-04-14', clockStartedOn: '2026-01-13', curedLateOn: '2026-04-14', state: 'candidate',
    });
  });
  it('S25 Q 2026-04-14: R candidate from 2026-04-14, open (Art. 22-4(1)(viii), CAN-3)', () => {
    expect(candidate(q(history(s25), '2026-04-14'), 'viii')).toMatchObject({ from: '2026-04-14', curedLateOn: null, likelyJustification: null, justifiableReason: null });
  });

  // S27: landed 2026-02-04; day 90 = 2026-05-05 (Children's Day), 2026-05-06 substitute holiday.
  const s27 = landingPermitted({ permittedOn: '2026-02-04', grant: { status: 'researcher', periodOfStay: 'P3Y', expiresOn: '2029-02-04' } });
  const s27Filed = residenceAddressNotified({ address: SETAGAYA_ADDRESS, movedInOn: '2026-02-06', notifiedOn: '2026-05-07' });
  it('S27: the filing on the effective day 90 (2026-05-07) prevents the ground (Art. 22-4(1)(viii), DT-6 reading #1)', () => {
    expect(q(history(s27, s27Filed), '2026-05-08').cancellationGrounds).toEqual([]);
  });
  it('S27 strict reading (policy off): candidate from 2026-05-06, cured 2026-05-07 (Art. 22-4(1)(viii), reading #1)', () => {
    expect(candidate(q(history(s27, s27Filed), '2026-05-08', { rollForward90DayGrounds: false }), 'viii')).toMatchObject({
      from: '2026-05-06', strictFrom: '2026-05-06', day90: { nominal: '2026-05-05', effective: '2026-05-05' }, curedLateOn: '2026-05-07',
    });
  });
  it('S27 variant (never files): candidate from 2026-05-08, strict 2026-05-06 (Art. 22-4(1)(viii), DT-6)', () => {
    expect(candidate(q(history(s27), '2026-05-08'), 'viii')).toMatchObject({
      from: '2026-05-08', strictFrom: '2026-05-06', day90: { nominal: '2026-05-05', effective: '2026-05-07' },
    });
    expect(watch(q(history(s27), '2026-05-07'), 'viii')).toMatchObject({ groundFrom: '2026-05-08' });
  });
});

describe('(viii) after a permission (Art. 22-4(1)(viii), 19-8(4), CAN-3)', () => {
  const threeMonths = landingPermitted({ permittedOn: '2026-04-01', grant: { status: 'engineer-specialist', periodOfStay: 'P3M', expiresOn: '2026-07-01' } });
  const s03 = [
    threeMonths,
    statusPermissionGranted({ kind: 'extension', grantedOn: '2026-06-26', grant: { status: 'engineer-specialist', periodOfStay: 'P1Y', expiresOn: '2027-06-30' } }),
  ];
  it('S03 Q 2026-06-26: watch from the permission, day 90 = 2026-09-24 (Art. 22-4(1)(viii), CAN-3)', () => {
    expect(watch(q(history(...s03), '2026-06-26'), 'viii')).toMatchObject({ clockStartedOn: '2026-06-26', day90: { nominal: '2026-09-24', effective: '2026-09-24' } });
  });
  it('S03 Q 2026-07-22: the late 19-8 filing is within 90 days — no candidate (Art. 22-4(1)(viii), CAN-3)', () => {
    const filed = residenceAddressNotified({ basis: '19-8', address: SHINJUKU_ADDRESS, movedInOn: '2026-04-03', notifiedOn: '2026-07-21' });
    const status = q(history(...s03, filed), '2026-07-22');
    expect([status.watches, status.cancellationGrounds]).toEqual([[], []]);
  });
  it('S03 variant (never files): candidate from 2026-09-25 (Art. 22-4(1)(viii), CAN-3)', () => {
    expect(candidate(q(history(...s03), '2026-09-25'), 'viii')).toMatchObject({ from: '2026-09-25', clockStartedOn: '2026-06-26', state: 'candidate' });
  });
  it('the 3-month landing that made nobody an MLTR starts no clock (Art. 22-4(1)(viii), MLTR-1)', () => {
    expect(q(history(threeMonths), '2026-06-30').watches).toEqual([]);
  });

  const s07 = [
    landingPermitted({ permittedOn: '2026-04-20', grant: { status: 'temporary-visitor', periodOfStay: 'P90D', expiresOn: '2026-07-19' } }),
    statusPermissionGranted({ kind: 'change-of-status', grantedOn: '2026-05-12', grant: { status: 'designated-activities', periodOfStay: 'P1Y', expiresOn: '2027-05-12' } }),
  ];
  const s07Filed = (movedInOn: string, notifiedOn: string) => residenceAddressNotified({ basis: '19-8', address: SETAGAYA_ADDRESS, movedInOn, notifiedOn });
  it('S07 A: filed 2026-07-10, before day 90 = 2026-08-10 — closed (Art. 22-4(1)(viii), CAN-3)', () => {
    expect(q(history(...s07, s07Filed('2026-07-01', '2026-07-10')), '2026-08-11').cancellationGrounds).toEqual([]);
  });
  it('S07 B: candidate from 2026-08-11, cured late on 2026-08-14 (Art. 22-4(1)(viii), CAN-3)', () => {
    const facts = history(...s07, s07Filed('2026-08-01', '2026-08-14'));
    expect(candidate(q(facts, '2026-08-11'), 'viii')).toMatchObject({ from: '2026-08-11', curedLateOn: null, day90: { nominal: '2026-08-10', effective: '2026-08-10' } });
    expect(candidate(q(facts, '2026-08-14'), 'viii')).toMatchObject({ from: '2026-08-11', curedLateOn: '2026-08-14' });
  });

  const born = residentRecordEntered({ reason: 'birth', address: SHIBUYA_ADDRESS, residenceEstablishedOn: '2026-04-10', enteredOn: '2026-04-10' });
  const acquisition = (copy: boolean) =>
    statusPermissionGranted({
      kind: 'acquisition', grantedOn: '2026-05-20', residenceRecordCopySubmitted: copy,
      grant: { status: 'dependent', periodOfStay: 'P3Y', expiresOn: '2029-06-30', attributes: { familyRelation: 'child' } },
    });
  it('S61: deemed notified at the permission — no watch, no candidate (Art. 19-8(4), 22-4(1)(viii))', () => {
    const status = q(history(born, acquisition(true)), '2026-09-01');
    expect([status.watches, status.cancellationGrounds]).toEqual([[], []]);
  });
  it('S61 variant (no copy): watch with day 90 = 2026-08-18 (Art. 22-4(1)(viii), CAN-3)', () => {
    expect(watch(q(history(born, acquisition(false)), '2026-05-20'), 'viii')).toMatchObject({ day90: { nominal: '2026-08-18', effective: '2026-08-18' } });
  });

  it('S23: PR granted to an existing MLTR starts no (viii) clock (Art. 22-4(1)(viii), MLTR-2)', () => {
    const facts = history(
      landedOn('2025-06-30', '2026-06-30'),
      filedOn('2025-07-03', '2025-07-01'),
      statusPermissionGranted({ kind: 'extension', grantedOn: '2026-06-26', grant: { status: 'engineer-specialist', periodOfStay: 'P3Y', expiresOn: '2029-06-30' } }),
      statusPermissionGranted({ kind: 'permanent-residence', grantedOn: '2026-09-08', grant: { status: 'permanent-resident', periodOfStay: 'indefinite', expiresOn: null } }),
    );
    const status = q(facts, '2026-09-08');
    expect([status.watches, status.cancellationGrounds]).toEqual([[], []]);
  });

  it('S31: as known at 2026-03-15 no watch; at 2026-03-20 closed by the 2026-03-09 filing (Art. 22-4(1)(viii), MUNI-3)', () => {
    const facts = history(
      recordedOn('2026-03-10', residenceAddressNotified({ address: SETAGAYA_ADDRESS, movedInOn: '2026-03-05', notifiedOn: '2026-03-09' })),
      recordedOn('2026-03-20', landingPermitted({ permittedOn: '2026-03-03', grant: { status: 'skilled-labor', periodOfStay: 'P3Y', expiresOn: '2029-03-03' } })),
    );
    expect(q(facts, '2026-03-15').watches).toEqual([]);
    expect([q(facts, '2026-03-20').watches, q(facts, '2026-06-02').cancellationGrounds]).toEqual([[], []]);
  });
});

describe('(viii) knowledge, justifiable reasons and mootness (CAN-3, REG-3, reading #7)', () => {
  const s25 = landedOn('2026-01-13', '2027-01-13');
  it('knownSince is the recording of the landing that started the clock (CAN-3, DT-8)', () => {
    expect(candidate(q(history(recordedOn('2026-01-14', s25)), '2026-04-14'), 'viii')?.knownSince).toBe('2026-01-14T12:00:00+09:00');
  });
  it('a withdrawn timely notification makes a candidate known since the correction (Art. 61-8-2, MUNI-3)', () => {
    const facts = history(
      recordedOn('2026-01-14', s25), recordedOn('2026-02-01', filedOn('2026-01-30')),
      recordedOn('2026-05-01', residenceAddressCorrected({ correctsRelayId: 'relay-2026-01-30', correction: { kind: 'withdrawn' }, correctedOn: '2026-05-01' })),
    );
    expect(candidate(q(facts, '2026-04-20'), 'viii')).toBeUndefined();
    expect(candidate(q(facts, '2026-05-01'), 'viii')).toMatchObject({ from: '2026-04-14', knownSince: '2026-05-01T12:00:00+09:00' });
  });
  it('a justifiable reason recorded for the candidate withdraws it, as a hint only (Art. 22-4(1)(viii), reading #7)', () => {
    const reason = justifiableReasonRecorded({ ground: 'viii', groundFrom: '2026-04-14', reason: 'hospitalisation', decidedOn: '2026-04-20' });
    expect(candidate(q(history(s25, reason), '2026-04-19'), 'viii')).toMatchObject({ state: 'candidate', justifiableReason: null });
    expect(candidate(q(history(s25, reason), '2026-04-20'), 'viii')).toMatchObject({ state: 'withdrawn', justifiableReason: { reason: 'hospitalisation', decidedOn: '2026-04-20' } });
  });
  it('a justifiable reason for another candidate does not apply (Art. 22-4(1)(viii), reading #7)', () => {
    const reason = justifiableReasonRecorded({ ground: 'viii', groundFrom: '2026-05-01', reason: 'other', decidedOn: '2026-04-20' });
    expect(candidate(q(history(s25, reason), '2026-04-20'), 'viii')).toMatchObject({ state: 'candidate' });
  });
  it('moot once the person dies (REG-3, Art. 22-4(1))', () => {
    expect(candidate(q(history(s25, residentDied({ diedOn: '2026-05-01' })), '2026-05-01'), 'viii')).toMatchObject({ state: 'moot' });
  });
  it('no candidate when the status ended before the ground arose (REG-3, Art. 25)', () => {
    const left = departureConfirmed({ departedOn: '2026-02-01', reentry: { kind: 'none' } });
    const status = q(history(s25, left), '2026-04-14');
    expect([status.watches, status.cancellationGrounds]).toEqual([[], []]);
  });
});
