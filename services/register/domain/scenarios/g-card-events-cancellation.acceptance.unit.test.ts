import { describe, expect, it } from 'vitest';
import {
  departureConfirmed, hearingNoticeServed, landingPermitted, reentered, residenceCardIssued, residenceCardReissueOrdered,
  residenceCardReportedLost, statusOfResidenceCancelled,
} from '../../../../testing/events.js';
import { history } from '../../../../testing/facts.js';
import { s28MovedOutWithoutNewResidence } from '../../../../testing/scenario-fixtures.js';
import { obligation, q } from '../../../../testing/status-queries.js';

// scenarios.md section G — card events, death, naturalisation, cancellation. Landings before the
// facts are reconstructed (an Engineer landed 2026-01-10 for a year, as in S01).

const engineer = (cardNumber: string) => [
  landingPermitted({ permittedOn: '2026-01-10', grant: { status: 'engineer-specialist', periodOfStay: 'P1Y', expiresOn: '2027-01-10' } }),
  residenceCardIssued({ cardNumber, issuedOn: '2026-01-10', printedValidUntil: '2027-01-10' }),
];

describe('S55 — Card lost while abroad (Arts. 19-12(1), 26-2, NOTIF-6)', () => {
  // The card number is not given by the scenario (EF00005501GH is reconstructed).
  const facts = history(
    ...engineer('EF00005501GH'),
    departureConfirmed({ departedOn: '2026-07-10', port: 'Narita Airport', reentry: { kind: 'special-reentry' }, travelDocument: 'passport' }),
    residenceCardReportedLost({ cardNumber: 'EF00005501GH', cause: 'loss', learnedOn: '2026-07-20', learnedAbroad: true, reportedOn: '2026-07-20' }),
    reentered({ reenteredOn: '2026-08-03', port: 'Narita Airport', reentry: 'special-reentry' }),
  );

  it('Q 2026-08-03: reissue due 2026-08-17, 14 days from the first entry after learning abroad (Art. 19-12(1), NOTIF-6)', () => {
    expect(obligation(q(facts, '2026-08-03'), '19-12')).toMatchObject({
      state: 'open', clockStartedOn: '2026-08-03', deadline: { nominal: '2026-08-17', effective: '2026-08-17' },
    });
  });
  it('Q 2026-08-03: the old card is still in force, marked reportedLost (Arts. 19-12, 19-14, INV-1)', () => {
    expect(q(facts, '2026-08-03').card).toMatchObject({ cardNumber: 'EF00005501GH', valid: true, invalidity: [], reportedLost: true });
  });
});

describe('S57 — Ordered reissue of a damaged card, Silver Week (Arts. 19-13(2),(3), 71-2(ii), NOTIF-7, DT-6)', () => {
  const facts = history(...engineer('UV00005701WX'), residenceCardReissueOrdered({ cardNumber: 'UV00005701WX', orderReceivedOn: '2026-09-08' }));

  it('Q 2026-09-24: due 2026-09-22 (holiday) → 2026-09-23 (holiday) → 2026-09-24 (Art. 19-13(3), DT-6)', () => {
    expect(obligation(q(facts, '2026-09-24'), '19-13(3)')).toMatchObject({
      state: 'open', clockStartedOn: '2026-09-08', deadline: { nominal: '2026-09-22', effective: '2026-09-24' },
    });
  });
  it('Q 2026-09-25, not filed: overdue since 2026-09-25 (Arts. 19-13(3), 71-2(ii))', () => {
    expect(obligation(q(facts, '2026-09-25'), '19-13(3)')).toMatchObject({ state: 'overdue', overdueSince: '2026-09-25' });
  });
});

describe('S59 — Variant A: cancellation after ground (ix): hearing, notice, departure period (Arts. 22-4(2)–(9), 19-14(i), 19-15(1), CAN-4)', () => {
  // Continues S29 (S28 reconstructed: (ix) candidate from 2026-07-31).
  const facts = history(
    ...s28MovedOutWithoutNewResidence(),
    hearingNoticeServed({ servedOn: '2026-09-01', method: 'hand', hearingOn: '2026-09-15', grounds: ['ix'] }),
    statusOfResidenceCancelled({ cancelledOn: '2026-10-01', grounds: ['ix'], departBy: '2026-10-31' }),
  );

  it('Q 2026-10-01: status cancelled on service of the notice (Art. 22-4(6), CAN-4)', () => {
    expect(q(facts, '2026-10-01').stay).toMatchObject({ kind: 'ended', reason: 'STATUS_CANCELLED', since: '2026-10-01' });
  });
  it('Q 2026-10-01: not an MLTR (MLTR-3)', () => {
    expect(q(facts, '2026-10-01').midToLongTermResident).toMatchObject({ is: false, reason: 'STATUS_CANCELLED' });
  });
  it('Q 2026-10-01: card invalid since 2026-10-01 (Art. 19-14(i), INV-1)', () => {
    expect(q(facts, '2026-10-01').card?.invalidity[0]).toEqual({ item: '19-14(i)', since: '2026-10-01' });
  });
  it('Q 2026-10-01: card return due 2026-10-15 (Art. 19-15(1), INV-2)', () => {
    expect(obligation(q(facts, '2026-10-01'), '19-15', { subject: 'LM00002801NP' })).toMatchObject({
      immediately: false, deadline: { nominal: '2026-10-15', effective: '2026-10-15' },
    });
  });
  it('Q 2026-10-01: departure period ends 2026-10-31 (Sat), not rolled forward (Art. 22-4(7), DT-6)', () => {
    expect(q(facts, '2026-10-01').stay).toMatchObject({ kind: 'ended', departBy: '2026-10-31' });
  });
});

describe('S59 — Variant B: whereabouts unknown, hearing notice by public notice from 2026-09-01 (Art. 61-9-2(6)–(8), CAN-4)', () => {
  // The deemed service date is a property of the event contract, not of the status: the notice can
  // only be recorded as served on 2026-09-15, with a hearing after that day.
  const publicNotice = { method: 'public-notice', postedFrom: '2026-09-01' } as const;

  it('deemed served on 2026-09-15, two weeks counted from the first day of posting (Art. 61-9-2(8))', () => {
    expect(hearingNoticeServed({ ...publicNotice, grounds: ['ix'], servedOn: '2026-09-15', hearingOn: '2026-09-29' }).data.servedOn).toBe('2026-09-15');
    expect(() => hearingNoticeServed({ ...publicNotice, grounds: ['ix'], servedOn: '2026-09-14', hearingOn: '2026-09-29' })).toThrow();
  });
  it('the hearing date must be later than 2026-09-15 (Art. 22-4(3))', () => {
    expect(() => hearingNoticeServed({ ...publicNotice, grounds: ['ix'], servedOn: '2026-09-15', hearingOn: '2026-09-15' })).toThrow();
  });
});
