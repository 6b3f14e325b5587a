import { describe, expect, it } from 'vitest';
import {
  applicationFiled, identityParticularsChanged, landingPermitted, residentRecordEntered, statusPermissionGranted,
} from '../../../testing/events.js';
import { history } from '../../../testing/facts.js';
import { SHIBUYA_ADDRESS } from '../../../testing/scenario-fixtures.js';
import { obligation, q } from '../../../testing/status-queries.js';

// NOTIF-4 (Art. 19-10) and APP-5 (Art. 22-2(2)), through statusAt.

describe('19-10 identity change (Art. 19-10(1), NOTIF-4)', () => {
  const landing = landingPermitted();
  // Changed on 2026-03-01: day 14 is Sunday 2026-03-15, rolled forward to Monday 2026-03-16.
  it('met when notified within 14 days of the change (Art. 19-10(1), NOTIF-4)', () => {
    const facts = history(landing, identityParticularsChanged({ changedOn: '2026-03-01', notifiedOn: '2026-03-10' }));
    expect(obligation(q(facts, '2026-03-10'), '19-10')).toMatchObject({
      state: 'met', metOn: '2026-03-10', clockStartedOn: '2026-03-01', deadline: { nominal: '2026-03-15', effective: '2026-03-16' },
    });
  });
  it('overdue from the day after the effective deadline until notified (Art. 19-10(1), DT-6)', () => {
    const facts = history(landing, identityParticularsChanged({ changedOn: '2026-03-01', notifiedOn: '2026-03-20' }));
    expect(obligation(q(facts, '2026-03-16'), '19-10')).toMatchObject({ state: 'open', overdueSince: null });
    expect(obligation(q(facts, '2026-03-17'), '19-10')).toMatchObject({ state: 'overdue', overdueSince: '2026-03-17' });
    expect(obligation(q(facts, '2026-03-20'), '19-10')).toMatchObject({ state: 'metLate', metOn: '2026-03-20' });
  });
  it('no duty before the change happened (Art. 19-10(1), DT-8)', () => {
    const facts = history(landing, identityParticularsChanged({ changedOn: '2026-03-01', notifiedOn: '2026-03-10' }));
    expect(obligation(q(facts, '2026-02-28'), '19-10')).toBeUndefined();
  });
  it('no duty for a person who is not an MLTR (Art. 19-10(1), MLTR-1)', () => {
    const visitor = landingPermitted({ grant: { status: 'temporary-visitor', periodOfStay: 'P90D', expiresOn: '2026-04-09' } });
    const facts = history(visitor, identityParticularsChanged({ changedOn: '2026-03-01', notifiedOn: '2026-03-10' }));
    expect(obligation(q(facts, '2026-03-10'), '19-10')).toBeUndefined();
  });
});

describe('22-2(2) acquisition after birth (Art. 22-2(2), APP-5)', () => {
  // S61: born 2026-04-10 in Shibuya; application filed 2026-05-08; granted 2026-05-20.
  const born = residentRecordEntered({ reason: 'birth', address: SHIBUYA_ADDRESS, residenceEstablishedOn: '2026-04-10', enteredOn: '2026-04-10' });
  const filed = applicationFiled({ applicationId: 'APP-S61', kind: 'acquisition', filedOn: '2026-05-08', filedBy: 'relative' });
  const granted = statusPermissionGranted({
    kind: 'acquisition', grantedOn: '2026-05-20', applicationId: 'APP-S61', residenceRecordCopySubmitted: true,
    grant: { status: 'dependent', periodOfStay: 'P3Y', expiresOn: '2029-06-30', attributes: { familyRelation: 'child' } },
  });

  it('S61 Q 2026-05-01: due 2026-05-10 (Sun) → 2026-05-11, still open (Art. 22-2(2), DT-6)', () => {
    expect(obligation(q(history(born, filed, granted), '2026-05-01'), '22-2(2)')).toMatchObject({
      state: 'open', clockStartedOn: '2026-04-10', deadline: { nominal: '2026-05-10', effective: '2026-05-11' },
    });
  });
  it('S61 Q 2026-05-20: met on 2026-05-08 by the acquisition application (Art. 22-2(2), APP-5)', () => {
    expect(obligation(q(history(born, filed, granted), '2026-05-20'), '22-2(2)')).toMatchObject({ state: 'met', metOn: '2026-05-08' });
  });
  it('overdue from 2026-05-12 when no application is filed (Art. 22-2(2), APP-5)', () => {
    expect(obligation(q(history(born), '2026-05-12'), '22-2(2)')).toMatchObject({ state: 'overdue', overdueSince: '2026-05-12' });
  });
  it('another kind of application does not meet it (Art. 22-2(2), APP-5)', () => {
    const extension = applicationFiled({ applicationId: 'APP-X', kind: 'extension', filedOn: '2026-05-08' });
    expect(obligation(q(history(born, extension), '2026-05-20'), '22-2(2)')).toMatchObject({ state: 'overdue', metOn: null });
  });
});
