import { describe, expect, it } from 'vitest';
import { applicationFiled, residenceCardIssued, residentRecordEntered, statusPermissionGranted } from '../../../../testing/events.js';
import { history } from '../../../../testing/facts.js';
import { SHIBUYA_ADDRESS, bornOn } from '../../../../testing/scenario-fixtures.js';
import { candidate, obligation, q, watch } from '../../../../testing/status-queries.js';
import { legalDateOf } from '../rules/calendar.js';

// scenarios.md section H — birth and time zone.

const CHILD = bornOn('2026-04-10');
const birth = residentRecordEntered({
  reason: 'birth', address: SHIBUYA_ADDRESS, residenceEstablishedOn: '2026-04-10', enteredOn: '2026-04-13', person: CHILD, relayId: 'relay-131130-6101',
});
const acquisition = (residenceRecordCopySubmitted: boolean) => [
  birth,
  applicationFiled({ applicationId: 'APP-S61', kind: 'acquisition', filedOn: '2026-05-08', channel: 'counter', filedBy: 'relative' }),
  statusPermissionGranted({
    kind: 'acquisition', grantedOn: '2026-05-20', applicationId: 'APP-S61', person: CHILD, residenceRecordCopySubmitted,
    grant: { status: 'dependent', periodOfStay: 'P3Y1M', expiresOn: '2029-06-30', attributes: { familyRelation: 'child' } },
  }),
  residenceCardIssued({ cardNumber: 'XY00006101ZA', issuedOn: '2026-05-20', printedValidUntil: '2029-06-30', reason: 'acquisition', applicationId: 'APP-S61' }),
];

describe('S61 — Child born in Japan: acquisition of status and deemed residence notification (Arts. 22-2(1)–(3), 19-8(1),(4), 19-5(1)(iv), 22-4(1)(viii))', () => {
  const facts = history(...acquisition(true));

  it('Q 2026-05-01: not an MLTR — no status yet (Art. 22-2(1), MLTR-1)', () => {
    expect(q(facts, '2026-05-01').midToLongTermResident).toMatchObject({ is: false, reason: 'WITHOUT_STATUS_AFTER_BIRTH' });
  });
  it('Q 2026-05-01: lawful stay without status up to 2026-06-09, 60 days from birth (Art. 22-2(1), APP-5)', () => {
    expect(q(facts, '2026-05-01').stay).toMatchObject({ kind: 'without-status', bornOn: '2026-04-10', lawfulUntil: '2026-06-09' });
  });
  it('Q 2026-05-01: acquisition application due 2026-05-10 (Sun) → 2026-05-11 (Art. 22-2(2), DT-6)', () => {
    expect(obligation(q(facts, '2026-05-01'), '22-2(2)')).toMatchObject({
      state: 'open', clockStartedOn: '2026-04-10', deadline: { nominal: '2026-05-10', effective: '2026-05-11' },
    });
  });
  it('Q 2026-05-08: acquisition application met on 2026-05-08 (Art. 22-2(2))', () => {
    expect(obligation(q(facts, '2026-05-08'), '22-2(2)')).toMatchObject({ state: 'met', metOn: '2026-05-08' });
  });
  it('Q 2026-05-20: newly an MLTR by the acquisition (Art. 22-2(3), MLTR-2)', () => {
    expect(q(facts, '2026-05-20').midToLongTermResident).toMatchObject({ is: true, since: '2026-05-20', newlyBy: 'acquisition' });
  });
  it('Q 2026-05-20: card valid through 2029-06-30, the earlier of expiry and the 16th birthday 2042-04-10 (Art. 19-5(1)(iv), CARD-4)', () => {
    expect(q(facts, '2026-05-20').card).toMatchObject({ cardNumber: 'XY00006101ZA', validityBasis: '19-5(1)(iv)', validUntil: '2029-06-30', valid: true });
  });
  it('Q 2026-05-20: residence notification deemed made at the permission — no open 19-8 duty (Art. 19-8(4), NOTIF-2)', () => {
    const open = q(facts, '2026-05-20').obligations.filter((o) => o.duty === '19-8' && (o.state === 'open' || o.state === 'overdue'));
    expect(open).toEqual([]);
  });
  it('Q 2026-05-20 and 2026-08-19: (viii) satisfied — no watch, no candidate (Arts. 19-8(4), 22-4(1)(viii))', () => {
    expect(watch(q(facts, '2026-05-20'), 'viii')).toBeUndefined();
    expect(candidate(q(facts, '2026-08-19'), 'viii')).toBeUndefined();
  });

  describe('Variant: no copy of the resident record with the application', () => {
    const noCopy = history(...acquisition(false));

    it('Q 2026-05-20: 19-8 due 2026-06-03, counted from the permission (already resident) (Art. 19-8(1), NOTIF-2)', () => {
      expect(obligation(q(noCopy, '2026-05-20'), '19-8')).toMatchObject({
        state: 'open', clockStartedOn: '2026-05-20', deadline: { nominal: '2026-06-03', effective: '2026-06-03' },
      });
    });
    it('Q 2026-05-20: (viii) watch, day 90 = 2026-08-18 (Art. 22-4(1)(viii), CAN-3)', () => {
      expect(watch(q(noCopy, '2026-05-20'), 'viii')).toMatchObject({ clockStartedOn: '2026-05-20', day90: { nominal: '2026-08-18', effective: '2026-08-18' } });
    });
  });

  describe('Variant: no grant and no application', () => {
    it('Q 2026-06-10: the child overstays from 2026-06-10 (Arts. 22-2(1), 24(vii))', () => {
      expect(q(history(birth), '2026-06-10').stay).toMatchObject({ kind: 'ended', reason: 'OVERSTAY', since: '2026-06-10' });
    });
  });
});

describe('DT-1 — legal dates are JST calendar dates (Art. 1; rules.md DT-1)', () => {
  it('a departure at 2026-03-31T16:30Z falls on legal date 2026-04-01 (01:30 JST) (DT-1)', () => {
    expect(legalDateOf('2026-03-31T16:30:00Z')).toBe('2026-04-01');
  });
});
