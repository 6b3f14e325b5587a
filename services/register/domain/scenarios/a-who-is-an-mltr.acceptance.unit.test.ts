import { describe, expect, it } from 'vitest';
import {
  applicationFiled, landingPermitted, residenceAddressNotified, residenceCardIssued, residentRecordEntered, statusPermissionGranted,
} from '../../../../testing/events.js';
import { history, recordedOn } from '../../../../testing/facts.js';
import { SETAGAYA_ADDRESS, SHINJUKU_ADDRESS } from '../../../../testing/scenario-fixtures.js';
import { candidate, obligation, q, watch } from '../../../../testing/status-queries.js';

// scenarios.md section A — who is a mid-to-long-term resident.

describe('S01 — Baseline: new landing, timely residence notification (Arts. 19-3, 19-5(1)(iii), 19-6, 19-7, 22-4(1)(viii))', () => {
  const facts = history(
    landingPermitted({ permittedOn: '2026-01-10', port: 'Narita Airport', grant: { status: 'engineer-specialist', periodOfStay: 'P1Y', expiresOn: '2027-01-10' } }),
    residenceCardIssued({ cardNumber: 'AB00000101CD', issuedOn: '2026-01-10', printedValidUntil: '2027-01-10', reason: 'landing' }),
    recordedOn('2026-02-01', residenceAddressNotified({ basis: '19-7', movedInOn: '2026-01-25', notifiedOn: '2026-01-30', relayId: 'relay-131016-0101' })),
  );

  it('Q 2026-01-20: MLTR — a 1-year Engineer period is more than 3 months (Art. 19-3, MLTR-1)', () => {
    expect(q(facts, '2026-01-20').midToLongTermResident.is).toBe(true);
  });
  it('Q 2026-01-20: card AB00000101CD valid through 2027-01-10 (Art. 19-5(1)(iii), CARD-4)', () => {
    expect(q(facts, '2026-01-20').card).toMatchObject({ cardNumber: 'AB00000101CD', validUntil: '2027-01-10', valid: true });
  });
  it('Q 2026-01-20: 19-7 open, clock not started — moved-in date unknown (Art. 19-7(1), NOTIF-1)', () => {
    expect(obligation(q(facts, '2026-01-20'), '19-7')).toMatchObject({ state: 'open', clockStartedOn: null, deadline: null });
  });
  it('Q 2026-01-20: (viii) watch from the landing, day 90 = 2026-04-10 (Art. 22-4(1)(viii), CAN-3)', () => {
    expect(watch(q(facts, '2026-01-20'), 'viii')).toMatchObject({
      clockStartedOn: '2026-01-10', day90: { nominal: '2026-04-10', effective: '2026-04-10' }, groundFrom: '2026-04-11',
    });
  });
  it('Q 2026-02-02: 19-7 met on 2026-01-30, deadline 2026-02-08 → 2026-02-09 (Art. 19-7(1), DT-6)', () => {
    expect(obligation(q(facts, '2026-02-02'), '19-7')).toMatchObject({
      state: 'met', metOn: '2026-01-30', clockStartedOn: '2026-01-25', deadline: { nominal: '2026-02-08', effective: '2026-02-09' },
    });
  });
  it('Q 2026-02-02: (viii) watch closed — residence notified within 90 days (Art. 22-4(1)(viii), CAN-3)', () => {
    const status = q(facts, '2026-02-02');
    expect(watch(status, 'viii')).toBeUndefined();
    expect(candidate(status, 'viii')).toBeUndefined();
  });
  it('Q 2026-02-02: address Chiyoda (131016) since 2026-01-25 (Art. 19-7(1), MUNI-1)', () => {
    expect(q(facts, '2026-02-02').address).toMatchObject({ state: 'notified', address: { municipalityCode: '131016' }, since: '2026-01-25' });
  });
  it('Q 2026-02-02: 19-16 category 2, contract institution (Art. 19-16(ii), AFF-1)', () => {
    expect(q(facts, '2026-02-02').categories.affiliation).toBe('contract-institution');
  });
  it('Q 2027-01-10: MLTR, card valid on its last day (Art. 19-5(1)(iii), DT-8)', () => {
    const status = q(facts, '2027-01-10');
    expect(status.midToLongTermResident.is).toBe(true);
    expect(status.card?.valid).toBe(true);
  });
  it('Q 2027-01-11: overstay since 2027-01-11 (Art. 24(iv)(b), STAY-1)', () => {
    expect(q(facts, '2027-01-11').stay).toMatchObject({ kind: 'ended', reason: 'OVERSTAY', since: '2027-01-11' });
  });
  it('Q 2027-01-11: no longer an MLTR (MLTR-3)', () => {
    expect(q(facts, '2027-01-11').midToLongTermResident.is).toBe(false);
  });
  it('Q 2027-01-11: card invalid since 2027-01-11 under 19-14(ii), also (i) (Art. 19-14, INV-1)', () => {
    const card = q(facts, '2027-01-11').card;
    expect(card?.valid).toBe(false);
    expect(card?.invalidity[0]).toEqual({ item: '19-14(ii)', since: '2027-01-11' });
    expect(card?.invalidity).toContainEqual({ item: '19-14(i)', since: '2027-01-11' });
  });
  it('Q 2027-01-11: card return due 2027-01-25, 14 days from the first invalid day (Art. 19-15(1), INV-2, reading #5)', () => {
    expect(obligation(q(facts, '2027-01-11'), '19-15', { subject: 'AB00000101CD' })).toMatchObject({
      immediately: false, clockStartedOn: '2027-01-11', deadline: { nominal: '2027-01-25', effective: '2027-01-25' }, state: 'open',
    });
  });
});

// S02 (held back) is reconstructed as far as S03 needs it: X landed on 2026-04-01 as an Engineer for
// 3 months (not an MLTR, 19-3(i)) and has lived in Shinjuku since 2026-04-03, which the register knows
// from a resident-record entry (61-8-2) — X could not make a 19-7 notification.
const s03Landing = landingPermitted({ permittedOn: '2026-04-01', grant: { status: 'engineer-specialist', periodOfStay: 'P3M', expiresOn: '2026-07-01' } });
const s03Extension = [
  applicationFiled({ applicationId: 'APP-S03', kind: 'extension', filedOn: '2026-06-15' }),
  statusPermissionGranted({ kind: 'extension', grantedOn: '2026-06-26', applicationId: 'APP-S03', grant: { status: 'engineer-specialist', periodOfStay: 'P1Y', expiresOn: '2027-06-30' } }),
  residenceCardIssued({ cardNumber: 'CD00000301EF', issuedOn: '2026-06-26', printedValidUntil: '2027-06-30', reason: 'extension', applicationId: 'APP-S03' }),
];
const s03Base = [
  s03Landing,
  residentRecordEntered({ reason: 'moving-in-without-card', address: SHINJUKU_ADDRESS, residenceEstablishedOn: '2026-04-03', enteredOn: '2026-04-03', relayId: 'relay-131041-0301' }),
  ...s03Extension,
];

describe('S03 — Extension turns a 3-month stay into MLTR status (Arts. 21(3), 21(4), 19-8(1), 22-4(1)(viii), 71-5(i))', () => {
  const facts = history(
    ...s03Base,
    residenceAddressNotified({ basis: '19-8', address: SHINJUKU_ADDRESS, movedInOn: '2026-04-03', notifiedOn: '2026-07-21', relayId: 'relay-131041-0302' }),
  );

  it('Q 2026-06-26: newly an MLTR by the extension, effective on card issue (Arts. 21(3), 21(4)→20(5), MLTR-2)', () => {
    expect(q(facts, '2026-06-26').midToLongTermResident).toMatchObject({ is: true, since: '2026-06-26', newlyBy: 'extension' });
  });
  it('Q 2026-06-26: card CD00000301EF valid through 2027-06-30 (Art. 19-5(1)(iii), CARD-4)', () => {
    expect(q(facts, '2026-06-26').card).toMatchObject({ cardNumber: 'CD00000301EF', validUntil: '2027-06-30', valid: true });
  });
  it('Q 2026-06-26: no 19-7 duty — X was not an MLTR when landing (Art. 19-7(1), NOTIF-1)', () => {
    expect(obligation(q(facts, '2026-06-26'), '19-7')).toBeUndefined();
  });
  it('Q 2026-06-26: 19-8 clock from the permission date (already resident), deadline 2026-07-10 (Art. 19-8(1), NOTIF-2)', () => {
    expect(obligation(q(facts, '2026-06-26'), '19-8')).toMatchObject({
      state: 'open', clockStartedOn: '2026-06-26', deadline: { nominal: '2026-07-10', effective: '2026-07-10' },
    });
  });
  it('Q 2026-06-26: (viii) watch from the permission, day 90 = 2026-09-24 (Art. 22-4(1)(viii), CAN-3)', () => {
    expect(watch(q(facts, '2026-06-26'), 'viii')).toMatchObject({ clockStartedOn: '2026-06-26', day90: { nominal: '2026-09-24', effective: '2026-09-24' } });
  });
  it('Q 2026-07-11: 19-8 overdue since 2026-07-11 (Arts. 19-8(1), 71-5(i))', () => {
    expect(obligation(q(facts, '2026-07-11'), '19-8')).toMatchObject({ state: 'overdue', overdueSince: '2026-07-11' });
  });
  it('Q 2026-07-22: 19-8 met late on 2026-07-21, overdue since 2026-07-11 (Art. 19-8(1), NOTIF-2)', () => {
    expect(obligation(q(facts, '2026-07-22'), '19-8')).toMatchObject({ state: 'metLate', metOn: '2026-07-21', overdueSince: '2026-07-11' });
  });
  it('Q 2026-07-22: no (viii) candidate — notified within 90 days (Art. 22-4(1)(viii), CAN-3)', () => {
    expect(candidate(q(facts, '2026-07-22'), 'viii')).toBeUndefined();
  });
});

describe('S03 — Variant: X never files (Art. 22-4(1)(viii))', () => {
  const facts = history(...s03Base);

  it('Q 2026-09-25: (viii) candidate from 2026-09-25, open (Art. 22-4(1)(viii), CAN-3)', () => {
    expect(candidate(q(facts, '2026-09-25'), 'viii')).toMatchObject({
      from: '2026-09-25', strictFrom: '2026-09-25', clockStartedOn: '2026-06-26', curedLateOn: null, state: 'candidate',
    });
  });
});

describe('S03 — Variant: X\'s residence known from a relay X filed while not an MLTR (Art. 19-8(1), MUNI-3)', () => {
  // A residence notification filed by a non-MLTR is no 19-7/19-8 notification: it does not discharge 19-8.
  const facts = history(
    s03Landing,
    residenceAddressNotified({ basis: '19-7', address: SHINJUKU_ADDRESS, movedInOn: '2026-04-03', notifiedOn: '2026-04-06', relayId: 'relay-131041-0303' }),
    ...s03Extension,
  );

  it('Q 2026-07-11: 19-8 counted from the permission date 2026-06-26, overdue since 2026-07-11 (Arts. 19-8(1), 71-5(i))', () => {
    expect(obligation(q(facts, '2026-07-11'), '19-8')).toMatchObject({
      state: 'overdue', clockStartedOn: '2026-06-26', deadline: { effective: '2026-07-10' }, overdueSince: '2026-07-11',
    });
  });
});

describe('S05 — Other persons who are never MLTRs (Arts. 19-3(iii), 19-3(iv) + ordinance, 6(3)(i), 19-16(iii))', () => {
  const landedOn2026_02_02 = (grant: Parameters<typeof landingPermitted>[0]) => history(landingPermitted({ permittedOn: '2026-02-02', ...grant }));
  const p1 = landedOn2026_02_02({ grant: { status: 'diplomat', periodOfStay: 'duration-of-diplomatic-activities', expiresOn: null } });
  const p2 = landedOn2026_02_02({ grant: { status: 'official', periodOfStay: 'P1Y', expiresOn: '2027-02-02' } });
  const p3 = landedOn2026_02_02({
    grant: {
      status: 'designated-activities', periodOfStay: 'P1Y', expiresOn: '2027-02-02',
      attributes: { designatedActivity: 'staff of the Taipei Economic and Cultural Representative Office in Japan', ordinanceExcluded: 'tecro-staff' },
    },
  });
  // P4 (a Special Permanent Resident) and P6 (provisional stay) hold no status of residence: the
  // register has no status event for them.
  const noStatus = history();
  const p5 = history(
    landingPermitted({
      permittedOn: '2026-02-02',
      grant: { status: 'spouse-or-child-of-permanent-resident', periodOfStay: 'P1Y', expiresOn: '2027-02-02', attributes: { familyRelation: 'spouse-of-special-permanent-resident' } },
    }),
    residenceCardIssued({ cardNumber: 'EF00000505GH', issuedOn: '2026-02-02', printedValidUntil: '2027-02-02' }),
  );

  it('Q 2026-02-03: P1 (Diplomat) is not an MLTR (Art. 19-3(iii))', () => {
    expect(q(p1, '2026-02-03').midToLongTermResident).toMatchObject({ is: false, reason: 'DIPLOMAT_OR_OFFICIAL' });
  });
  it('Q 2026-02-03: P2 (Official) is not an MLTR — the 1-year period does not help (Art. 19-3(iii))', () => {
    expect(q(p2, '2026-02-03').midToLongTermResident).toMatchObject({ is: false, reason: 'DIPLOMAT_OR_OFFICIAL' });
  });
  it('Q 2026-02-03: P3 (Designated Activities, TECRO staff) is not an MLTR (Art. 19-3(iv), Enforcement Regulation Art. 19-5)', () => {
    expect(q(p3, '2026-02-03').midToLongTermResident).toMatchObject({ is: false, reason: 'EXCLUDED_BY_ORDINANCE' });
  });
  it('Q 2026-02-03: P4 (Special Permanent Resident) and P6 (provisional stay) are not MLTRs (Art. 19-3, MLTR-1)', () => {
    expect(q(noStatus, '2026-02-03').midToLongTermResident).toMatchObject({ is: false, reason: 'NO_STATUS' });
  });
  it('Q 2026-02-03: P5 (spouse of an SPR) is an MLTR (Art. 19-3, MLTR-1)', () => {
    expect(q(p5, '2026-02-03').midToLongTermResident.is).toBe(true);
  });
  it('Q 2026-02-03: P5 — 19-16 category 3, spouse of a "permanent resident etc." (Art. 19-16(iii), AFF-1)', () => {
    expect(q(p5, '2026-02-03').categories.affiliation).toBe('spouse');
  });
  it('Q 2026-02-03: P5 — ground (vii) applicable (Art. 22-4(1)(vii), CAN-2)', () => {
    expect(q(p5, '2026-02-03').categories.cancellationItems).toContain('vii');
  });
});

// S07: the Temporary Visitor's landing (2026-04-20, 90 days) is not given by the scenario; any
// non-MLTR stay before the change will do.
const s07Base = [
  landingPermitted({ permittedOn: '2026-04-20', grant: { status: 'temporary-visitor', periodOfStay: 'P90D', expiresOn: '2026-07-19' } }),
  statusPermissionGranted({
    kind: 'change-of-status', grantedOn: '2026-05-12', applicationId: undefined,
    grant: { status: 'designated-activities', periodOfStay: 'P1Y', expiresOn: '2027-05-12' },
  }),
  residenceCardIssued({ cardNumber: 'GH00000701JK', issuedOn: '2026-05-12', printedValidUntil: '2027-05-12', reason: 'change-of-status' }),
];
const s07Notified = (movedInOn: string, notifiedOn: string) =>
  residenceAddressNotified({ basis: '19-8', address: SETAGAYA_ADDRESS, movedInOn, notifiedOn, relayId: `relay-131121-${movedInOn}` });

describe('S07 — Variant A: newly MLTR with no residence, settles 2026-07-01, files 2026-07-10 (Arts. 19-8(1), 22-4(1)(viii))', () => {
  const facts = history(...s07Base, s07Notified('2026-07-01', '2026-07-10'));

  it('Q 2026-06-01: (viii) day 90 = 2026-08-10, counted from the permission date (Art. 22-4(1)(viii), CAN-3)', () => {
    expect(watch(q(facts, '2026-06-01'), 'viii')).toMatchObject({ clockStartedOn: '2026-05-12', day90: { nominal: '2026-08-10', effective: '2026-08-10' } });
  });
  it('Q 2026-07-15: 19-8 deadline 2026-07-15 counted from settling, met on 2026-07-10 (Art. 19-8(1), NOTIF-2)', () => {
    expect(obligation(q(facts, '2026-07-15'), '19-8')).toMatchObject({
      state: 'met', metOn: '2026-07-10', clockStartedOn: '2026-07-01', deadline: { nominal: '2026-07-15', effective: '2026-07-15' },
    });
  });
  it('Q 2026-08-11: (viii) closed — no watch, no candidate (Art. 22-4(1)(viii), CAN-3)', () => {
    const status = q(facts, '2026-08-11');
    expect(watch(status, 'viii')).toBeUndefined();
    expect(candidate(status, 'viii')).toBeUndefined();
  });
});

describe('S07 — Variant B: settles 2026-08-01, files 2026-08-14; the two clocks are independent (Arts. 19-8(1), 22-4(1)(viii))', () => {
  const facts = history(...s07Base, s07Notified('2026-08-01', '2026-08-14'));

  it('Q 2026-06-01: (viii) day 90 = 2026-08-10, counted from the permission date (Art. 22-4(1)(viii), CAN-3)', () => {
    expect(watch(q(facts, '2026-06-01'), 'viii')).toMatchObject({ clockStartedOn: '2026-05-12', day90: { nominal: '2026-08-10', effective: '2026-08-10' } });
  });
  it('Q 2026-08-17: 19-8 deadline 2026-08-15 → 2026-08-17, met on 2026-08-14 (Art. 19-8(1), DT-6)', () => {
    expect(obligation(q(facts, '2026-08-17'), '19-8')).toMatchObject({
      state: 'met', metOn: '2026-08-14', clockStartedOn: '2026-08-01', deadline: { nominal: '2026-08-15', effective: '2026-08-17' },
    });
  });
  it('Q 2026-08-14: (viii) candidate from 2026-08-11, cured late on 2026-08-14 (Art. 22-4(1)(viii), CAN-3)', () => {
    expect(candidate(q(facts, '2026-08-14'), 'viii')).toMatchObject({ from: '2026-08-11', strictFrom: '2026-08-11', curedLateOn: '2026-08-14' });
  });
});
