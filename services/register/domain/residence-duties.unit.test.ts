import { describe, expect, it } from 'vitest';
import {
  landingPermitted, residenceAddressNotified, residenceAddressVacated, residentRecordEntered, statusPermissionGranted,
} from '../../../testing/events.js';
import { history, recordedOn } from '../../../testing/facts.js';
import { SETAGAYA_ADDRESS, SHIBUYA, SHIBUYA_ADDRESS, SHINJUKU, SHINJUKU_ADDRESS } from '../../../testing/scenario-fixtures.js';
import { obligation, q } from '../../../testing/status-queries.js';

// NOTIF-1 to NOTIF-3: the residence-notification duties, through statusAt.

const engineerLanding = (permittedOn: string, expiresOn: string) =>
  landingPermitted({ permittedOn, grant: { status: 'engineer-specialist', periodOfStay: 'P1Y', expiresOn } });

describe('19-7 after a new landing (Art. 19-7(1), NOTIF-1)', () => {
  // S25: P, Q and R land on 2026-01-13 and settle on 2026-01-15.
  const landing = engineerLanding('2026-01-13', '2027-01-13');
  const settled = residentRecordEntered({ address: SHINJUKU_ADDRESS, residenceEstablishedOn: '2026-01-15', enteredOn: '2026-01-15', relayId: 'relay-131041-2502' });
  const p = history(landing, residenceAddressNotified({ movedInOn: '2026-01-15', notifiedOn: '2026-04-13', relayId: 'relay-131016-2501' }));
  const qq = history(landing, settled, residenceAddressNotified({ address: SHINJUKU_ADDRESS, movedInOn: '2026-01-15', notifiedOn: '2026-04-14', relayId: 'relay-131041-2503' }));
  const r = history(landing, settled);

  it('S25: deadline 2026-01-29, 14 days from settling (Art. 19-7(1), DT-2)', () => {
    expect(obligation(q(r, '2026-01-29'), '19-7')).toMatchObject({
      state: 'open', clockStartedOn: '2026-01-15', deadline: { nominal: '2026-01-29', effective: '2026-01-29' }, overdueSince: null,
    });
  });
  it('S25: overdue since 2026-01-30, the day after the deadline (Art. 19-7(1), 71-5(i), DT-6)', () => {
    expect(obligation(q(r, '2026-01-30'), '19-7')).toMatchObject({ state: 'overdue', overdueSince: '2026-01-30', metOn: null });
  });
  it('S25 Q 2026-04-13: P met late on 2026-04-13 (Art. 19-7(1), NOTIF-1)', () => {
    expect(obligation(q(p, '2026-04-13'), '19-7')).toMatchObject({ state: 'metLate', metOn: '2026-04-13', overdueSince: '2026-01-30' });
  });
  it('S25 Q 2026-04-13: Q still overdue — the filing of 2026-04-14 is not yet made (Art. 19-7(1), DT-8)', () => {
    expect(obligation(q(qq, '2026-04-13'), '19-7')).toMatchObject({ state: 'overdue', overdueSince: '2026-01-30' });
  });
  it('S25 Q 2026-04-14: Q met late, R still overdue (Art. 19-7(1), NOTIF-1)', () => {
    expect(obligation(q(qq, '2026-04-14'), '19-7')).toMatchObject({ state: 'metLate', metOn: '2026-04-14' });
    expect(obligation(q(r, '2026-04-14'), '19-7')).toMatchObject({ state: 'overdue', overdueSince: '2026-01-30' });
  });

  it('S27: deadline 2026-02-20, overdue since 2026-02-21, met late 2026-05-07 (Art. 19-7(1), NOTIF-1)', () => {
    const facts = history(
      landingPermitted({ permittedOn: '2026-02-04', grant: { status: 'researcher', periodOfStay: 'P3Y', expiresOn: '2029-02-04' } }),
      residenceAddressNotified({ address: SETAGAYA_ADDRESS, movedInOn: '2026-02-06', notifiedOn: '2026-05-07', relayId: 'relay-131121-2701' }),
    );
    expect(obligation(q(facts, '2026-02-21'), '19-7')).toMatchObject({ state: 'overdue', deadline: { nominal: '2026-02-20', effective: '2026-02-20' }, overdueSince: '2026-02-21' });
    expect(obligation(q(facts, '2026-05-07'), '19-7')).toMatchObject({ state: 'metLate', metOn: '2026-05-07' });
  });

  it('reading #11: a moved-in date before the landing starts the clock at the landing (Art. 19-7(1), NOTIF-1)', () => {
    const facts = history(engineerLanding('2026-01-10', '2027-01-10'), residenceAddressNotified({ movedInOn: '2026-01-05', notifiedOn: '2026-01-28' }));
    expect(obligation(q(facts, '2026-01-28'), '19-7')).toMatchObject({
      clockStartedOn: '2026-01-10', deadline: { nominal: '2026-01-24', effective: '2026-01-26' }, state: 'metLate',
    });
  });

  it('S31: the landing that arrives last still finds the notification filed on 2026-03-09 — met (Art. 19-7(1), MUNI-3)', () => {
    const facts = history(
      recordedOn('2026-03-10', residenceAddressNotified({ address: SETAGAYA_ADDRESS, movedInOn: '2026-03-05', notifiedOn: '2026-03-09', relayId: 'relay-131121-3101' })),
      recordedOn('2026-03-20', landingPermitted({ permittedOn: '2026-03-03', grant: { status: 'skilled-labor', periodOfStay: 'P3Y', expiresOn: '2029-03-03' } })),
    );
    expect(q(facts, '2026-03-15').obligations).toEqual([]);
    expect(obligation(q(facts, '2026-03-20'), '19-7')).toMatchObject({ state: 'met', metOn: '2026-03-09', deadline: { nominal: '2026-03-19', effective: '2026-03-19' } });
  });
});

describe('19-8 after becoming newly an MLTR by a permission (Art. 19-8(1), (4), NOTIF-2)', () => {
  const temporaryVisitor = landingPermitted({ permittedOn: '2026-04-20', grant: { status: 'temporary-visitor', periodOfStay: 'P90D', expiresOn: '2026-07-19' } });
  const change = statusPermissionGranted({
    kind: 'change-of-status', grantedOn: '2026-05-12', applicationId: undefined,
    grant: { status: 'designated-activities', periodOfStay: 'P1Y', expiresOn: '2027-05-12' },
  });

  it('S07: before settling the duty is open without a clock (Art. 19-8(1), NOTIF-2)', () => {
    const facts = history(temporaryVisitor, change, residenceAddressNotified({ basis: '19-8', address: SETAGAYA_ADDRESS, movedInOn: '2026-07-01', notifiedOn: '2026-07-10' }));
    expect(obligation(q(facts, '2026-06-30'), '19-8')).toMatchObject({ state: 'open', clockStartedOn: null, deadline: null });
  });
  it('S07 A: 14 days from settling on 2026-07-01 → 2026-07-15, met on 2026-07-10 (Art. 19-8(1), NOTIF-2)', () => {
    const facts = history(temporaryVisitor, change, residenceAddressNotified({ basis: '19-8', address: SETAGAYA_ADDRESS, movedInOn: '2026-07-01', notifiedOn: '2026-07-10' }));
    expect(obligation(q(facts, '2026-07-10'), '19-8')).toMatchObject({
      state: 'met', metOn: '2026-07-10', clockStartedOn: '2026-07-01', deadline: { nominal: '2026-07-15', effective: '2026-07-15' },
    });
  });
  it('S07 B: deadline 2026-08-15 (Sat) → 2026-08-17, met on 2026-08-14 (Art. 19-8(1), DT-6)', () => {
    const facts = history(temporaryVisitor, change, residenceAddressNotified({ basis: '19-8', address: SETAGAYA_ADDRESS, movedInOn: '2026-08-01', notifiedOn: '2026-08-14' }));
    expect(obligation(q(facts, '2026-08-14'), '19-8')).toMatchObject({ state: 'met', metOn: '2026-08-14', deadline: { nominal: '2026-08-15', effective: '2026-08-17' } });
  });

  const s03 = [
    landingPermitted({ permittedOn: '2026-04-01', grant: { status: 'engineer-specialist', periodOfStay: 'P3M', expiresOn: '2026-07-01' } }),
    statusPermissionGranted({ kind: 'extension', grantedOn: '2026-06-26', grant: { status: 'engineer-specialist', periodOfStay: 'P1Y', expiresOn: '2027-06-30' } }),
  ];
  const s03Filed = residenceAddressNotified({ basis: '19-8', address: SHINJUKU_ADDRESS, movedInOn: '2026-04-03', notifiedOn: '2026-07-21', relayId: 'relay-131041-0302' });

  it('S03 Q 2026-06-26: already resident → 14 days from the permission, 2026-07-10 (Art. 19-8(1), NOTIF-2)', () => {
    expect(obligation(q(history(...s03, s03Filed), '2026-06-26'), '19-8')).toMatchObject({
      state: 'open', clockStartedOn: '2026-06-26', deadline: { nominal: '2026-07-10', effective: '2026-07-10' },
    });
  });
  it('S03 Q 2026-07-11: overdue since 2026-07-11 (Art. 19-8(1), 71-5(i))', () => {
    expect(obligation(q(history(...s03, s03Filed), '2026-07-11'), '19-8')).toMatchObject({ state: 'overdue', overdueSince: '2026-07-11' });
  });
  it('S03 Q 2026-07-22: met late on 2026-07-21 (Art. 19-8(1), NOTIF-2)', () => {
    expect(obligation(q(history(...s03, s03Filed), '2026-07-22'), '19-8')).toMatchObject({ state: 'metLate', metOn: '2026-07-21' });
  });
  it('S03 variant: a resident-record entry alone shows the residence; the duty stays overdue (Art. 19-8(1), MUNI-3)', () => {
    const entry = residentRecordEntered({ address: SHINJUKU_ADDRESS, residenceEstablishedOn: '2026-04-03', enteredOn: '2026-04-03' });
    expect(obligation(q(history(...s03, entry), '2026-09-30'), '19-8')).toMatchObject({ state: 'overdue', clockStartedOn: '2026-06-26', metOn: null });
  });

  const born = residentRecordEntered({ reason: 'birth', address: SHIBUYA_ADDRESS, residenceEstablishedOn: '2026-04-10', enteredOn: '2026-04-10' });
  const acquisition = (copy: boolean) =>
    statusPermissionGranted({
      kind: 'acquisition', grantedOn: '2026-05-20', residenceRecordCopySubmitted: copy,
      grant: { status: 'dependent', periodOfStay: 'P3Y', expiresOn: '2029-06-30', attributes: { familyRelation: 'child' } },
    });
  it('S61: a resident-record copy with the application is the notification, met on the permission day (Art. 19-8(4))', () => {
    expect(obligation(q(history(born, acquisition(true)), '2026-05-20'), '19-8')).toMatchObject({ state: 'met', metOn: '2026-05-20' });
  });
  it('S61 variant: without the copy, 14 days from the permission → 2026-06-03 (Art. 19-8(1), NOTIF-2)', () => {
    expect(obligation(q(history(born, acquisition(false)), '2026-05-20'), '19-8')).toMatchObject({
      state: 'open', clockStartedOn: '2026-05-20', deadline: { nominal: '2026-06-03', effective: '2026-06-03' },
    });
  });

  it('S23: permanent residence for an existing MLTR is not newly — no 19-8 duty (Art. 19-8(1), MLTR-2)', () => {
    const facts = history(
      engineerLanding('2025-06-30', '2026-06-30'),
      residenceAddressNotified({ movedInOn: '2025-07-01', notifiedOn: '2025-07-03' }),
      statusPermissionGranted({ kind: 'extension', grantedOn: '2026-06-26', grant: { status: 'engineer-specialist', periodOfStay: 'P3Y', expiresOn: '2029-06-30' } }),
      statusPermissionGranted({ kind: 'permanent-residence', grantedOn: '2026-09-08', grant: { status: 'permanent-resident', periodOfStay: 'indefinite', expiresOn: null } }),
    );
    expect(obligation(q(facts, '2026-09-08'), '19-8')).toBeUndefined();
  });
});

describe('19-9 after moving to a new residence (Art. 19-9(1), NOTIF-3)', () => {
  const notified = [engineerLanding('2026-01-10', '2027-01-10'), residenceAddressNotified({ movedInOn: '2026-01-25', notifiedOn: '2026-01-30' })];

  it('the first residence after the landing is a 19-7 matter, not a move (Art. 19-9(1), NOTIF-3)', () => {
    expect(obligation(q(history(...notified), '2026-03-01'), '19-9')).toBeUndefined();
  });
  it('S35: moved into Shibuya 2026-10-20 → due 2026-11-03 (Culture Day) → 2026-11-04; met 2026-10-28 (Art. 19-9(1), (3))', () => {
    const facts = history(
      ...notified,
      residenceAddressVacated({ movedOutOn: '2026-05-31', reason: 'moving-out-abroad-notice' }),
      residenceAddressNotified({ basis: '19-9', deemedBy: 'brra-30-46', address: SHIBUYA_ADDRESS, movedInOn: '2026-10-20', notifiedOn: '2026-10-28', relayId: 'relay-131130-3501' }),
    );
    expect(obligation(q(facts, '2026-10-28'), '19-9')).toMatchObject({
      state: 'met', metOn: '2026-10-28', clockStartedOn: '2026-10-20', deadline: { nominal: '2026-11-03', effective: '2026-11-04' }, subject: expect.stringContaining(SHIBUYA),
    });
  });
  it('a move known only from the resident record is overdue from the day after the effective deadline (Art. 19-9(1), NOTIF-3)', () => {
    const moved = residentRecordEntered({ address: SHINJUKU_ADDRESS, residenceEstablishedOn: '2026-06-01', enteredOn: '2026-06-02', relayId: 'relay-131041-0009' });
    const status = (asOf: string) => obligation(q(history(...notified, moved), asOf), '19-9');
    expect(status('2026-06-15')).toMatchObject({ state: 'open', clockStartedOn: '2026-06-01', deadline: { nominal: '2026-06-15', effective: '2026-06-15' } });
    expect(status('2026-06-16')).toMatchObject({ state: 'overdue', overdueSince: '2026-06-16', subject: expect.stringContaining(SHINJUKU) });
  });
  it('the notification of the same residence meets the duty late (Art. 19-9(1), NOTIF-3)', () => {
    const facts = history(
      ...notified,
      residentRecordEntered({ address: SHINJUKU_ADDRESS, residenceEstablishedOn: '2026-06-01', enteredOn: '2026-06-02', relayId: 'relay-131041-0009' }),
      residenceAddressNotified({ basis: '19-9', address: SHINJUKU_ADDRESS, movedInOn: '2026-06-01', notifiedOn: '2026-06-20', relayId: 'relay-131041-0010' }),
    );
    expect(obligation(q(facts, '2026-06-30'), '19-9')).toMatchObject({ state: 'metLate', metOn: '2026-06-20', overdueSince: '2026-06-16' });
  });
});
