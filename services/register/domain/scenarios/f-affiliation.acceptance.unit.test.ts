import { describe, expect, it } from 'vitest';
import type { StatusAttributes, StatusOfResidence } from '../../../../events/status-of-residence.js';
import {
  acceptingInstitutionReported, affiliationNotified, applicationFiled, landingPermitted, residenceCardIssued, residentDied,
  statusPermissionGranted,
} from '../../../../testing/events.js';
import { history, recordedOn } from '../../../../testing/facts.js';
import { organization } from '../../../../testing/scenario-fixtures.js';
import { cardNo, hint, obligation, q } from '../../../../testing/status-queries.js';

// scenarios.md section F — affiliation and spouse notifications (Art. 19-16). The landings before the
// facts are reconstructed; only the status and the card number are given.

const landed = (permittedOn: string, status: StatusOfResidence, expiresOn: string, cardNumber: string, attributes: StatusAttributes = {}) => [
  landingPermitted({ permittedOn, grant: { status, periodOfStay: 'P3Y', expiresOn, attributes } }),
  residenceCardIssued({ cardNumber, issuedOn: permittedOn, printedValidUntil: expiresOn }),
];

describe('S45 — Engineer changes employer (Arts. 19-16(ii), 71-5(iii), 22-4(1)(vi), AFF-1, DT-6)', () => {
  const facts = history(
    ...landed('2025-04-01', 'engineer-specialist', '2028-04-01', 'FG00004501HJ'),
    affiliationNotified({ category: 'contract-institution', event: 'contract-ended', occurredOn: '2026-05-31', notifiedOn: '2026-06-10', organization: organization('Company A K.K.') }),
    affiliationNotified({ category: 'contract-institution', event: 'contract-concluded', occurredOn: '2026-07-01', notifiedOn: '2026-07-21', organization: organization('Company B K.K.') }),
  );

  it('Q 2026-06-15: end of contract due 2026-06-14 (Sun) → 2026-06-15, met on 2026-06-10 (Art. 19-16(ii), DT-6)', () => {
    expect(obligation(q(facts, '2026-06-15'), '19-16', { clockStartedOn: '2026-05-31' })).toMatchObject({
      state: 'met', metOn: '2026-06-10', deadline: { nominal: '2026-06-14', effective: '2026-06-15' },
    });
  });
  it('Q 2026-07-16: new contract due 2026-07-15, overdue since 2026-07-16 (Arts. 19-16(ii), 71-5(iii))', () => {
    expect(obligation(q(facts, '2026-07-16'), '19-16', { clockStartedOn: '2026-07-01' })).toMatchObject({
      state: 'overdue', overdueSince: '2026-07-16', deadline: { nominal: '2026-07-15', effective: '2026-07-15' },
    });
  });
  it('Q 2026-07-21: new contract met late on 2026-07-21, overdue since 2026-07-16 (Art. 19-16(ii))', () => {
    expect(obligation(q(facts, '2026-07-21'), '19-16', { clockStartedOn: '2026-07-01' })).toMatchObject({
      state: 'metLate', metOn: '2026-07-21', overdueSince: '2026-07-16',
    });
  });
  it('Q 2026-10-01: no (vi) hint — inactivity 2026-06-01 to 2026-06-30 is under 3 months (Art. 22-4(1)(vi), CAN-3)', () => {
    expect(hint(q(facts, '2026-10-01'), 'vi')).toBeUndefined();
  });
});

describe('S47 — Student transfers, later withdraws (Arts. 19-16(i), 22-4(1)(vi), AFF-1)', () => {
  const schoolV = organization('V Vocational School', '2-2 Takadanobaba, Shinjuku-ku, Tokyo');
  // The student never notifies the withdrawal: the register learns it from the school's report
  // (Art. 19-17, an endeavour duty), recorded 2026-07-03.
  const facts = history(
    ...landed('2025-10-01', 'student', '2028-10-01', 'GH00004701JK'),
    affiliationNotified({
      category: 'activity-institution', event: 'transferred', occurredOn: '2026-04-01', notifiedOn: '2026-04-10',
      organization: organization('L Language School'), newOrganization: schoolV,
    }),
    recordedOn('2026-07-03', acceptingInstitutionReported({ kind: 'acceptance-ended', occurredOn: '2026-06-30', reportedOn: '2026-07-03', organization: schoolV })),
  );

  it('Q 2026-04-15: transfer notification due 2026-04-15, met on 2026-04-10 (Art. 19-16(i))', () => {
    expect(obligation(q(facts, '2026-04-15'), '19-16', { clockStartedOn: '2026-04-01' })).toMatchObject({
      state: 'met', metOn: '2026-04-10', deadline: { nominal: '2026-04-15', effective: '2026-04-15' },
    });
  });
  it('Q 2026-07-15: withdrawal notification due 2026-07-14, overdue since 2026-07-15 (Arts. 19-16(i), 71-5(iii))', () => {
    expect(obligation(q(facts, '2026-07-15'), '19-16', { clockStartedOn: '2026-06-30' })).toMatchObject({
      state: 'overdue', overdueSince: '2026-07-15', deadline: { nominal: '2026-07-14', effective: '2026-07-14' },
    });
  });
  it('Q 2026-10-01: (vi) hint from 2026-10-01 — three months from 2026-07-01 end on 2026-09-30 (Art. 22-4(1)(vi), CAN-3)', () => {
    expect(hint(q(facts, '2026-10-01'), 'vi')).toMatchObject({ from: '2026-10-01', clockStartedOn: '2026-06-30' });
  });
});

describe('S49 — Death of a permanent-resident spouse; change application pending (Arts. 19-16(iii), 22-4(1)(vii), 22-5, 19-14(vi), 19-15(4))', () => {
  const widow = [
    ...landed('2025-02-10', 'spouse-or-child-of-permanent-resident', '2028-02-10', 'JK00004901LM', { familyRelation: 'spouse-of-permanent-resident' }),
    affiliationNotified({ category: 'spouse', event: 'spouse-died', occurredOn: '2026-02-10', notifiedOn: '2026-02-20' }),
    applicationFiled({ applicationId: 'APP-S49', kind: 'change-of-status', filedOn: '2026-07-01', requested: { status: 'long-term-resident' } }),
  ];
  const w = history(...widow);
  // H is reconstructed as a Permanent Resident whose card was issued 2025-01-10.
  const h = history(
    statusPermissionGranted({ kind: 'permanent-residence', grantedOn: '2025-01-10', applicationId: undefined, grant: { status: 'permanent-resident', periodOfStay: 'indefinite', expiresOn: null } }),
    residenceCardIssued({ cardNumber: 'KL00004902MN', issuedOn: '2025-01-10', printedValidUntil: '2032-01-09', reason: 'permanent-residence' }),
    residentDied({ diedOn: '2026-02-10' }),
  );

  it('W, Q 2026-02-24: bereavement notification due 2026-02-24, met on 2026-02-20 (Art. 19-16(iii))', () => {
    expect(obligation(q(w, '2026-02-24'), '19-16', { clockStartedOn: '2026-02-10' })).toMatchObject({
      state: 'met', metOn: '2026-02-20', deadline: { nominal: '2026-02-24', effective: '2026-02-24' },
    });
  });
  it('W, Q 2026-08-11: (vii) hint from 2026-08-11, change application pending since 2026-07-01 (Arts. 22-4(1)(vii), 22-5, CAN-5)', () => {
    expect(hint(q(w, '2026-08-11'), 'vii')).toMatchObject({
      from: '2026-08-11', clockStartedOn: '2026-02-10', applicationPending: { kind: 'change-of-status', filedOn: '2026-07-01' },
    });
  });
  it('W, change granted (on 2026-09-01, a chosen date): the (vii) hint closes and a new card is issued (Arts. 22-4(1)(vii), 20(4)(i))', () => {
    const granted = history(
      ...widow,
      statusPermissionGranted({ kind: 'change-of-status', grantedOn: '2026-09-01', applicationId: 'APP-S49', grant: { status: 'long-term-resident', periodOfStay: 'P1Y', expiresOn: '2027-09-01' } }),
      residenceCardIssued({ cardNumber: 'JK00004903LM', issuedOn: '2026-09-01', printedValidUntil: '2027-09-01', reason: 'change-of-status' }),
    );
    const status = q(granted, '2026-09-01');
    expect(hint(status, 'vii')).toBeUndefined();
    expect(status.card).toMatchObject({ cardNumber: 'JK00004903LM', valid: true });
  });
  it('H, Q 2026-02-10: not an MLTR from the death (Art. 19-14(vi), MLTR-3)', () => {
    expect(q(h, '2026-02-10').midToLongTermResident).toMatchObject({ is: false, reason: 'DIED' });
  });
  it('H, Q 2026-02-10: KL00004902MN invalid since 2026-02-10 (Art. 19-14(vi), INV-1)', () => {
    expect(cardNo(q(h, '2026-02-10'), 'KL00004902MN')?.invalidity[0]).toEqual({ item: '19-14(vi)', since: '2026-02-10' });
  });
  it('H, Q 2026-02-10: relatives or cohabitants return the card by 2026-02-24 (Art. 19-15(4), INV-2)', () => {
    expect(obligation(q(h, '2026-02-10'), '19-15', { subject: 'KL00004902MN' })).toMatchObject({
      immediately: false, deadline: { nominal: '2026-02-24', effective: '2026-02-24' },
    });
  });
});

describe('S51 — Category resolver checks (Arts. 19-16(i)–(iii), 22-4(1)(vii), rules.md §13)', () => {
  const rows: readonly [string, StatusOfResidence, StatusAttributes, 'activity-institution' | 'contract-institution' | 'spouse' | null, boolean][] = [
    ['Spouse or Child of Japanese National, as child', 'spouse-or-child-of-japanese-national', { familyRelation: 'child-of-japanese-national' }, null, false],
    ['Entertainer under contract with a Japanese promoter', 'entertainer', { entertainerUnderJapaneseContract: true }, 'contract-institution', false],
    ['Entertainer on own account', 'entertainer', { entertainerUnderJapaneseContract: false }, null, false],
    ['HSP (i)(a)', 'highly-skilled-professional-i-a', {}, 'contract-institution', false],
    ['HSP (i)(b)', 'highly-skilled-professional-i-b', {}, 'contract-institution', false],
    ['HSP (i)(c)', 'highly-skilled-professional-i-c', {}, 'activity-institution', false],
    ['HSP (ii), (c)-type activity', 'highly-skilled-professional-ii', { hspActivity: 'c' }, 'activity-institution', false],
    ['Spouse or Child of PR, as spouse of an SPR', 'spouse-or-child-of-permanent-resident', { familyRelation: 'spouse-of-special-permanent-resident' }, 'spouse', true],
    ['Long-Term Resident', 'long-term-resident', {}, null, false],
    ['Designated Activities', 'designated-activities', {}, null, false],
    ['Artist', 'artist', {}, null, false],
    ['Journalist', 'journalist', {}, null, false],
    ['Permanent Resident', 'permanent-resident', {}, null, false],
    ['Technical Intern Training (ii)(b)', 'technical-intern-training-ii-b', {}, 'activity-institution', false],
  ];
  const holder = (status: StatusOfResidence, attributes: StatusAttributes) => {
    const indefinite = status === 'permanent-resident' || status === 'highly-skilled-professional-ii';
    const grant = { status, attributes, periodOfStay: indefinite ? 'indefinite' : 'P1Y', expiresOn: indefinite ? null : '2027-04-01' };
    const kind = status === 'permanent-resident' ? 'permanent-residence' : 'change-of-status';
    return history(statusPermissionGranted({ kind, grantedOn: '2026-04-01', applicationId: undefined, grant }));
  };

  it.each(rows)('%s → 19-16 category %s, (vii) applicable: %s (Arts. 19-16, 22-4(1)(vii), AFF-1)', (_name, status, attributes, category, vii) => {
    const categories = q(holder(status, attributes), '2026-04-01').categories;
    expect(categories.affiliation).toBe(category);
    expect(categories.cancellationItems.includes('vii')).toBe(vii);
  });
});

describe('S53 — Business Manager: company moves over the New Year (Art. 19-16(i), DT-6)', () => {
  const relocated = (notifiedOn: string) =>
    history(
      ...landed('2026-04-01', 'business-manager', '2029-04-01', 'PQ00005301RS'),
      affiliationNotified({
        category: 'activity-institution', event: 'relocated', occurredOn: '2026-12-20', notifiedOn,
        organization: organization('Example Trading K.K.'), newOrganization: organization('Example Trading K.K.', '9-9 Shiba, Minato-ku, Tokyo'),
      }),
    );

  it('filed 2027-01-04, Q 2027-01-04: due 2027-01-03 (Sun, year-end closure) → 2027-01-04, met (Art. 19-16(i), DT-6)', () => {
    expect(obligation(q(relocated('2027-01-04'), '2027-01-04'), '19-16')).toMatchObject({
      state: 'met', metOn: '2027-01-04', deadline: { nominal: '2027-01-03', effective: '2027-01-04' },
    });
  });
  it('filed 2027-01-05, Q 2027-01-05: overdue since 2027-01-05, met late (Arts. 19-16(i), 71-5(iii))', () => {
    expect(obligation(q(relocated('2027-01-05'), '2027-01-05'), '19-16')).toMatchObject({
      state: 'metLate', metOn: '2027-01-05', overdueSince: '2027-01-05', deadline: { nominal: '2027-01-03', effective: '2027-01-04' },
    });
  });
});
