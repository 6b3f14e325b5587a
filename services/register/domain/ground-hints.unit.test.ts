import { describe, expect, it } from 'vitest';
import {
  acceptingInstitutionReported, affiliationNotified, applicationDecided, applicationFiled, departureConfirmed, landingPermitted, statusPermissionGranted,
} from '../../../testing/events.js';
import { history, recordedOn, type Recorded } from '../../../testing/facts.js';
import { endOfLegalDay } from './facts.js';
import { statusAt } from './status.js';
import type { GroundHintView, ResidentStatus } from './status-types.js';

/** "Q D": the status at the end of D with everything the register had recorded by then (DT-8). */
const q = (events: readonly Recorded[], asOf: string): ResidentStatus => statusAt(history(...events), { asOf, knownAt: endOfLegalDay(asOf) });
const hints = (events: readonly Recorded[], asOf: string, ground: GroundHintView['ground']): readonly GroundHintView[] =>
  q(events, asOf).hints.filter((h) => h.ground === ground);

const engineer = landingPermitted(); // S01: Engineer, landed 2026-01-10, expiry 2027-01-10
const contractEnded = (occurredOn: string) => affiliationNotified({ event: 'contract-ended', occurredOn, notifiedOn: occurredOn });
const contractConcluded = (occurredOn: string) => affiliationNotified({ event: 'contract-concluded', occurredOn, notifiedOn: occurredOn });

const s45 = [
  engineer,
  affiliationNotified({ event: 'contract-ended', occurredOn: '2026-05-31', notifiedOn: '2026-06-10' }),
  affiliationNotified({ event: 'contract-concluded', occurredOn: '2026-07-01', notifiedOn: '2026-07-21' }),
];

const student = landingPermitted({ permittedOn: '2025-10-01', grant: { status: 'student', periodOfStay: 'P2Y', expiresOn: '2027-10-01' } });
const s47 = [
  student,
  affiliationNotified({ category: 'activity-institution', event: 'transferred', occurredOn: '2026-04-01', notifiedOn: '2026-04-10', newOrganization: { name: 'Vocational School V' } }),
  recordedOn('2026-07-03', acceptingInstitutionReported({ kind: 'acceptance-ended', occurredOn: '2026-06-30', reportedOn: '2026-07-03' })),
];

const spouseOfPr = landingPermitted({
  permittedOn: '2025-02-11',
  grant: { status: 'spouse-or-child-of-permanent-resident', periodOfStay: 'P3Y', expiresOn: '2028-02-10', attributes: { familyRelation: 'spouse-of-permanent-resident' } },
});
const s49 = [
  spouseOfPr,
  recordedOn('2026-02-20', affiliationNotified({ category: 'spouse', event: 'spouse-died', occurredOn: '2026-02-10', notifiedOn: '2026-02-20' })),
  recordedOn('2026-07-01', applicationFiled({ applicationId: 'APP-4901', kind: 'change-of-status', filedOn: '2026-07-01' })),
];

describe('CAN-3 ground (vi) hints (Art. 22-4(1)(vi))', () => {
  it('S45: gives none when the new contract began within 3 months of the last one (Art. 22-4(1)(vi))', () => {
    expect(hints(s45, '2026-06-30', 'vi')).toHaveLength(1);
    expect(hints(s45, '2026-12-01', 'vi')).toEqual([]);
  });

  it('S47: from 2026-10-01 after a withdrawal on 2026-06-30, shown as soon as the school\'s report is known (Art. 22-4(1)(vi), 19-17)', () => {
    expect(hints(s47, '2026-07-02', 'vi')).toEqual([]);
    expect(hints(s47, '2026-07-03', 'vi')).toEqual([{ ground: 'vi', from: '2026-10-01', clockStartedOn: '2026-06-30', applicationPending: null }]);
    expect(hints(s47, '2026-10-01', 'vi')).toEqual([{ ground: 'vi', from: '2026-10-01', clockStartedOn: '2026-06-30', applicationPending: null }]);
  });

  it('counts 6 months for Highly Skilled Professional (ii) (Art. 22-4(1)(vi) parenthesis)', () => {
    const hsp = landingPermitted({ grant: { status: 'highly-skilled-professional-ii', periodOfStay: 'indefinite', expiresOn: null, attributes: { hspActivity: 'b' } } });
    expect(hints([hsp, contractEnded('2026-05-31')], '2026-06-01', 'vi')).toMatchObject([{ from: '2026-12-01', clockStartedOn: '2026-05-31' }]);
    expect(hints([engineer, contractEnded('2026-05-31')], '2026-06-01', 'vi')).toMatchObject([{ from: '2026-09-01' }]);
  });

  it('gives none when the new activity begins on the from-date, and keeps it when it begins later (Art. 22-4(1)(vi))', () => {
    const ended = [engineer, contractEnded('2026-06-30')];
    expect(hints([...ended, contractConcluded('2026-10-01')], '2026-10-15', 'vi')).toEqual([]);
    expect(hints([...ended, contractConcluded('2026-10-02')], '2026-10-15', 'vi')).toMatchObject([{ from: '2026-10-01', clockStartedOn: '2026-06-30' }]);
  });

  it('counts from the last of several endings with no new activity between them (Art. 22-4(1)(vi))', () => {
    const dissolved = affiliationNotified({ event: 'dissolved', occurredOn: '2026-07-31', notifiedOn: '2026-08-05' });
    expect(hints([engineer, contractEnded('2026-06-30'), dissolved], '2026-08-05', 'vi')).toMatchObject([{ clockStartedOn: '2026-07-31', from: '2026-11-01' }]);
  });

  it('reads a reported end of acceptance for a Table I status without a 19-16 category (Cultural Activities; Art. 22-4(1)(vi), 19-17)', () => {
    const cultural = landingPermitted({ grant: { status: 'cultural-activities' } });
    const ended = acceptingInstitutionReported({ kind: 'acceptance-ended', occurredOn: '2026-04-30' });
    expect(hints([cultural, ended], '2026-05-01', 'vi')).toMatchObject([{ from: '2026-08-01' }]);
  });

  it('gives none for an Appended Table II status (rules.md §13; Art. 22-4(1)(vi) "Appended Table I")', () => {
    const permanent = landingPermitted({ grant: { status: 'permanent-resident', periodOfStay: 'indefinite', expiresOn: null } });
    expect(hints([permanent, acceptingInstitutionReported({ kind: 'acceptance-ended', occurredOn: '2026-04-30' })], '2026-09-01', 'vi')).toEqual([]);
  });

  it('ends with the status: none after a change of status, none once the person is no MLTR (CAN-2; MLTR-3)', () => {
    const toSkilled = statusPermissionGranted({ kind: 'change-of-status', grantedOn: '2026-08-01', grant: { status: 'skilled-labor', expiresOn: '2029-08-01' } });
    expect(hints([...s47, toSkilled], '2026-10-15', 'vi')).toEqual([]);
    const departed = departureConfirmed({ departedOn: '2026-07-10', reentry: { kind: 'none' } });
    expect(q([...s47, departed], '2026-07-15').hints).toEqual([]);
  });
});

describe('CAN-3 ground (vii) hints and CAN-5 (Arts. 22-4(1)(vii), 22-5)', () => {
  it('S49: from 2026-08-11, shown from the notification of the death on 2026-02-20 (Art. 22-4(1)(vii), reading #8)', () => {
    expect(hints(s49, '2026-02-19', 'vii')).toEqual([]);
    expect(hints(s49, '2026-02-20', 'vii')).toEqual([{ ground: 'vii', from: '2026-08-11', clockStartedOn: '2026-02-10', applicationPending: null }]);
  });

  it('S49: annotates the pending change of status filed on 2026-07-01 (Art. 22-5, CAN-5)', () => {
    expect(hints(s49, '2026-08-11', 'vii')).toEqual([
      { ground: 'vii', from: '2026-08-11', clockStartedOn: '2026-02-10', applicationPending: { kind: 'change-of-status', filedOn: '2026-07-01' } },
    ]);
  });

  it('S49: ends when the change to Long-Term Resident is granted (Art. 22-4(1)(vii): no longer a spouse status)', () => {
    const granted = statusPermissionGranted({
      kind: 'change-of-status', grantedOn: '2026-09-15', applicationId: 'APP-4901', grant: { status: 'long-term-resident', periodOfStay: 'P1Y', expiresOn: '2027-09-15' },
    });
    expect(hints([...s49, granted], '2026-09-14', 'vii')).toHaveLength(1);
    expect(q([...s49, granted], '2026-09-15').hints).toEqual([]);
  });

  it('drops the annotation once the application is denied (Art. 22-5)', () => {
    const denied = applicationDecided({ applicationId: 'APP-4901', decidedOn: '2026-08-20', outcome: 'denied' });
    expect(hints([...s49, denied], '2026-08-20', 'vii')).toMatchObject([{ applicationPending: null }]);
  });

  it('counts 6 months from a divorce from a Japanese national (Art. 22-4(1)(vii))', () => {
    const spouseOfJapanese = landingPermitted({
      grant: { status: 'spouse-or-child-of-japanese-national', attributes: { familyRelation: 'spouse-of-japanese-national' } },
    });
    const divorce = affiliationNotified({ category: 'spouse', event: 'divorce', occurredOn: '2026-08-31', notifiedOn: '2026-09-03' });
    expect(hints([spouseOfJapanese, divorce], '2026-09-03', 'vii')).toMatchObject([{ from: '2027-03-01', clockStartedOn: '2026-08-31' }]);
  });

  it('gives none to a Dependent spouse, who owes the 19-16(iii) notice but is outside (vii) (Art. 22-4(1)(vii))', () => {
    const dependent = landingPermitted({ grant: { status: 'dependent', attributes: { familyRelation: 'spouse' } } });
    const divorce = affiliationNotified({ category: 'spouse', event: 'divorce', occurredOn: '2026-03-31', notifiedOn: '2026-04-03' });
    const status = q([dependent, divorce], '2026-04-03');
    expect(status.hints).toEqual([]);
    expect(status.obligations.filter((o) => o.duty === '19-16').map((o) => o.subject)).toEqual(['divorce 2026-03-31']);
  });
});
