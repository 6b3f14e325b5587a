import { describe, expect, it } from 'vitest';
import type { Organization } from '../../../events/values.js';
import {
  acceptingInstitutionReported, affiliationNotified, landingPermitted, specifiedSkilledWorkerOrganizationReported, statusPermissionGranted,
} from '../../../testing/events.js';
import { history, recordedOn, type Recorded } from '../../../testing/facts.js';
import { endOfLegalDay } from './facts.js';
import { statusAt } from './status.js';
import type { ObligationView, ResidentStatus } from './status-types.js';

// Every organization has an address, since the builders merge overrides into the default one key by key.
const COMPANY_A: Organization = { name: 'Company A K.K.', address: '1-1 Marunouchi, Chiyoda-ku, Tokyo' };
const COMPANY_B: Organization = { name: 'Company B K.K.', address: '2-2 Nishi-Shinjuku, Shinjuku-ku, Tokyo' };
const SCHOOL_L: Organization = { name: 'Language School L', address: '3-3 Takadanobaba, Shinjuku-ku, Tokyo' };
const SCHOOL_V: Organization = { name: 'Vocational School V', address: '4-4 Kamata, Ota-ku, Tokyo' };

/** "Q D": the status at the end of D with everything the register had recorded by then (DT-8). */
const q = (events: readonly Recorded[], asOf: string): ResidentStatus => statusAt(history(...events), { asOf, knownAt: endOfLegalDay(asOf) });
/** The status at the end of D as the register knows it today: valid time only. */
const qToday = (events: readonly Recorded[], asOf: string): ResidentStatus => statusAt(history(...events), { asOf });
const duty = (status: ResidentStatus, subject: string): ObligationView | undefined =>
  status.obligations.find((o) => o.duty === '19-16' && o.subject === subject);
const subjects = (status: ResidentStatus): string[] => status.obligations.filter((o) => o.duty === '19-16').map((o) => o.subject);

const engineer = landingPermitted(); // S01: Engineer, landed 2026-01-10, expiry 2027-01-10
const student = landingPermitted({ permittedOn: '2025-10-01', grant: { status: 'student', periodOfStay: 'P2Y', expiresOn: '2027-10-01' } });

const s45 = [
  engineer,
  recordedOn('2026-06-10', affiliationNotified({ event: 'contract-ended', occurredOn: '2026-05-31', notifiedOn: '2026-06-10', organization: COMPANY_A })),
  recordedOn('2026-07-21', affiliationNotified({ event: 'contract-concluded', occurredOn: '2026-07-01', notifiedOn: '2026-07-21', organization: COMPANY_B })),
];

const s47 = [
  student,
  recordedOn('2026-04-10', affiliationNotified({
    category: 'activity-institution', event: 'transferred', occurredOn: '2026-04-01', notifiedOn: '2026-04-10', organization: SCHOOL_L, newOrganization: SCHOOL_V,
  })),
  recordedOn('2026-04-15', acceptingInstitutionReported({ kind: 'acceptance-started', occurredOn: '2026-04-01', reportedOn: '2026-04-15', organization: SCHOOL_V })),
  recordedOn('2026-07-03', acceptingInstitutionReported({ kind: 'acceptance-ended', occurredOn: '2026-06-30', reportedOn: '2026-07-03', organization: SCHOOL_V })),
];

describe('AFF-1 affiliation duties (Art. 19-16)', () => {
  it('S45: the end of a contract is due 2026-06-14 → 2026-06-15 and met on 2026-06-10 (Art. 19-16(ii), DT-6)', () => {
    expect(duty(q(s45, '2026-06-10'), 'contract-ended 2026-05-31')).toMatchObject({
      clockStartedOn: '2026-05-31', deadline: { nominal: '2026-06-14', effective: '2026-06-15' }, state: 'met', metOn: '2026-06-10', overdueSince: null,
    });
  });

  it('S45: a new contract is due 2026-07-15, overdue since 2026-07-16 and met late on 2026-07-21 (Art. 19-16(ii), 71-5(iii))', () => {
    expect(duty(qToday(s45, '2026-07-15'), 'contract-concluded 2026-07-01')).toMatchObject({ deadline: { effective: '2026-07-15' }, state: 'open' });
    expect(duty(qToday(s45, '2026-07-16'), 'contract-concluded 2026-07-01')).toMatchObject({ state: 'overdue', overdueSince: '2026-07-16', metOn: null });
    expect(duty(q(s45, '2026-07-16'), 'contract-concluded 2026-07-01')).toBeUndefined(); // not yet known at the end of 07-16 (DT-8)
    expect(duty(q(s45, '2026-07-21'), 'contract-concluded 2026-07-01')).toMatchObject({ state: 'metLate', metOn: '2026-07-21', overdueSince: '2026-07-16' });
  });

  it('S47: the transfer is met by 2026-04-15 and the institution\'s report of acceptance adds no second duty (Art. 19-16(i), 19-17)', () => {
    const status = q(s47, '2026-05-01');
    expect(duty(status, 'transferred 2026-04-01')).toMatchObject({ deadline: { effective: '2026-04-15' }, state: 'met', metOn: '2026-04-10' });
    expect(subjects(status)).toEqual(['transferred 2026-04-01']);
  });

  it('S47: the withdrawal learned from the school\'s report is due 2026-07-14 and overdue since 2026-07-15 (Art. 19-16(i), 19-17)', () => {
    expect(duty(q(s47, '2026-07-02'), 'left 2026-06-30')).toBeUndefined();
    expect(duty(q(s47, '2026-07-14'), 'left 2026-06-30')).toMatchObject({ clockStartedOn: '2026-06-30', deadline: { effective: '2026-07-14' }, state: 'open' });
    expect(duty(q(s47, '2026-07-15'), 'left 2026-06-30')).toMatchObject({ state: 'overdue', overdueSince: '2026-07-15' });
  });

  it('S49: the death of the spouse is due 2026-02-24 and met on 2026-02-20 (Art. 19-16(iii))', () => {
    const w = landingPermitted({
      permittedOn: '2025-02-11',
      grant: { status: 'spouse-or-child-of-permanent-resident', periodOfStay: 'P3Y', expiresOn: '2028-02-10', attributes: { familyRelation: 'spouse-of-permanent-resident' } },
    });
    const died = affiliationNotified({ category: 'spouse', event: 'spouse-died', occurredOn: '2026-02-10', notifiedOn: '2026-02-20' });
    expect(duty(q([w, recordedOn('2026-02-20', died)], '2026-02-20'), 'spouse-died 2026-02-10')).toMatchObject({
      deadline: { nominal: '2026-02-24', effective: '2026-02-24' }, state: 'met', metOn: '2026-02-20',
    });
  });

  it('S53: a move over the New Year is due 2027-01-03 → 2027-01-04; filed on 01-04 met, on 01-05 met late (Art. 19-16(i), DT-6)', () => {
    const manager = landingPermitted({ grant: { status: 'business-manager' } });
    const moved = (notifiedOn: string) => affiliationNotified({
      category: 'activity-institution', event: 'relocated', occurredOn: '2026-12-20', notifiedOn, organization: COMPANY_A,
      newOrganization: { name: 'Company A K.K.', address: '3-3-3 Shinjuku, Tokyo' },
    });
    expect(duty(q([manager, moved('2027-01-04')], '2027-01-04'), 'relocated 2026-12-20')).toMatchObject({
      deadline: { nominal: '2027-01-03', effective: '2027-01-04' }, state: 'met', metOn: '2027-01-04',
    });
    expect(duty(q([manager, moved('2027-01-05')], '2027-01-05'), 'relocated 2026-12-20')).toMatchObject({
      state: 'metLate', metOn: '2027-01-05', overdueSince: '2027-01-05',
    });
  });

  it('keeps the duty of a student who left school after a change of status to Engineer (AFF-1 reading #9, Art. 19-16(i))', () => {
    const toEngineer = statusPermissionGranted({ kind: 'change-of-status', grantedOn: '2026-03-25', grant: { status: 'engineer-specialist', expiresOn: '2029-03-25' } });
    const left = acceptingInstitutionReported({ kind: 'acceptance-ended', occurredOn: '2026-03-19', reportedOn: '2026-03-23', organization: SCHOOL_L });
    const status = q([student, left, toEngineer], '2026-04-10');
    expect(status.stay).toMatchObject({ kind: 'status', status: 'engineer-specialist' });
    expect(duty(status, 'left 2026-03-19')).toMatchObject({ deadline: { effective: '2026-04-02' }, state: 'overdue', overdueSince: '2026-04-03' });
  });

  it('opens a duty from an SSW organization\'s report of termination alone; the worker\'s notice meets it (Art. 19-16(ii), 19-18(1)(i))', () => {
    const ssw = landingPermitted({ grant: { status: 'specified-skilled-worker-i' } });
    const terminated = specifiedSkilledWorkerOrganizationReported({ kind: 'contract-terminated', occurredOn: '2026-05-31' });
    expect(duty(q([ssw, terminated], '2026-06-16'), 'contract-ended 2026-05-31')).toMatchObject({ state: 'overdue', overdueSince: '2026-06-16' });
    const notified = affiliationNotified({ event: 'contract-ended', occurredOn: '2026-05-31', notifiedOn: '2026-06-12' });
    expect(subjects(q([ssw, terminated, notified], '2026-06-16'))).toEqual(['contract-ended 2026-05-31']);
    expect(duty(q([ssw, terminated, notified], '2026-06-16'), 'contract-ended 2026-05-31')).toMatchObject({ state: 'met', metOn: '2026-06-12' });
  });

  it('reads a leaving reported the day before a notified transfer as part of the transfer (移籍, Art. 19-16(i))', () => {
    const leftL = acceptingInstitutionReported({ kind: 'acceptance-ended', occurredOn: '2026-03-31', organization: SCHOOL_L });
    expect(subjects(q([...s47, leftL], '2026-05-01'))).toEqual(['transferred 2026-04-01']);
  });

  it('owes nothing for the enrolment the status was granted for, reported on the landing day (Art. 19-16(i), 19-17)', () => {
    const enrolled = acceptingInstitutionReported({ kind: 'acceptance-started', occurredOn: '2025-10-01', organization: SCHOOL_L });
    expect(subjects(q([student, enrolled], '2025-12-01'))).toEqual([]);
  });

  it('owes nothing when the status held on the day carries no such category (Art. 19-16; AFF-1)', () => {
    const longTerm = landingPermitted({ grant: { status: 'long-term-resident' } });
    const ended = affiliationNotified({ event: 'contract-ended', occurredOn: '2026-05-31', notifiedOn: '2026-06-10' });
    expect(subjects(q([longTerm, ended, acceptingInstitutionReported({ kind: 'acceptance-ended', occurredOn: '2026-05-31' })], '2026-07-01'))).toEqual([]);
    const wrongCategory = affiliationNotified({ category: 'activity-institution', event: 'left', occurredOn: '2026-05-31', notifiedOn: '2026-06-10' });
    expect(subjects(q([engineer, wrongCategory], '2026-07-01'))).toEqual([]);
  });

  it('has no duty before the day of the event (Art. 19-16: 14 days from the day the event occurred)', () => {
    expect(subjects(q(s45, '2026-05-30'))).toEqual([]);
  });
});

describe('the affiliated organization at D (AFF-1..3, Arts. 19-16 to 19-18)', () => {
  it('gives the institution moved to, then none after the reported withdrawal (S47, Art. 19-16(i), 19-17)', () => {
    expect(q(s47, '2026-05-01').affiliation).toEqual({
      category: 'activity-institution', organization: SCHOOL_V, lastEvent: 'transferred', lastEventOn: '2026-04-01',
    });
    expect(q(s47, '2026-07-03').affiliation).toEqual({
      category: 'activity-institution', organization: null, lastEvent: 'left', lastEventOn: '2026-06-30',
    });
  });

  it('gives the new counterparty of a new contract and the new particulars after a move (Art. 19-16(i), (ii))', () => {
    expect(q(s45, '2026-07-21').affiliation).toMatchObject({ category: 'contract-institution', organization: COMPANY_B, lastEvent: 'contract-concluded' });
    const moved = affiliationNotified({ event: 'relocated', occurredOn: '2026-03-01', notifiedOn: '2026-03-05', newOrganization: { name: 'Moved K.K.', address: '5-5 Roppongi, Minato-ku, Tokyo' } });
    expect(q([engineer, moved], '2026-03-05').affiliation).toMatchObject({ organization: { name: 'Moved K.K.', address: '5-5 Roppongi, Minato-ku, Tokyo' }, lastEvent: 'relocated' });
  });

  it('gives the category of the status and the grant while nothing was notified, null without a category (Art. 19-16)', () => {
    expect(q([engineer], '2026-02-01').affiliation).toEqual({
      category: 'contract-institution', organization: null, lastEvent: 'landing', lastEventOn: '2026-01-10',
    });
    expect(q([landingPermitted({ grant: { status: 'long-term-resident' } })], '2026-02-01').affiliation).toBeNull();
  });

  it('counts the events since the category began: kept across a change within it, dropped by a change out of it (Art. 19-16)', () => {
    expect(q(s45, '2026-05-30').affiliation).toMatchObject({ lastEvent: 'landing' });
    const toResearcher = statusPermissionGranted({ kind: 'change-of-status', grantedOn: '2026-08-01', grant: { status: 'researcher', expiresOn: '2029-08-01' } });
    expect(q([...s45, toResearcher], '2026-08-02').affiliation).toMatchObject({ category: 'contract-institution', lastEvent: 'contract-concluded' });
    const toEngineer = statusPermissionGranted({ kind: 'change-of-status', grantedOn: '2026-08-01', grant: { status: 'engineer-specialist', expiresOn: '2029-08-01' } });
    expect(q([...s47, toEngineer], '2026-08-02').affiliation).toEqual({
      category: 'contract-institution', organization: null, lastEvent: 'change-of-status', lastEventOn: '2026-08-01',
    });
  });
});

type Row = readonly [string, Record<string, unknown>, 'activity-institution' | 'contract-institution' | 'spouse' | null, boolean];

/** S51: the category resolver, row by row (rules.md §13 table). */
const S51: readonly Row[] = [
  ['child of a Japanese national', { status: 'spouse-or-child-of-japanese-national', attributes: { familyRelation: 'child-of-japanese-national' } }, null, false],
  ['Entertainer under a Japanese contract', { status: 'entertainer', attributes: { entertainerUnderJapaneseContract: true } }, 'contract-institution', false],
  ['Entertainer on own account', { status: 'entertainer', attributes: {} }, null, false],
  ['HSP (i)(a)', { status: 'highly-skilled-professional-i-a', periodOfStay: 'P5Y', expiresOn: '2031-01-10' }, 'contract-institution', false],
  ['HSP (i)(b)', { status: 'highly-skilled-professional-i-b', periodOfStay: 'P5Y', expiresOn: '2031-01-10' }, 'contract-institution', false],
  ['HSP (i)(c)', { status: 'highly-skilled-professional-i-c', periodOfStay: 'P5Y', expiresOn: '2031-01-10' }, 'activity-institution', false],
  ['HSP (ii), (c)-type', { status: 'highly-skilled-professional-ii', periodOfStay: 'indefinite', expiresOn: null, attributes: { hspActivity: 'c' } }, 'activity-institution', false],
  ['spouse of a Special Permanent Resident', { status: 'spouse-or-child-of-permanent-resident', attributes: { familyRelation: 'spouse-of-special-permanent-resident' } }, 'spouse', true],
  ['Long-Term Resident', { status: 'long-term-resident' }, null, false],
  ['Designated Activities', { status: 'designated-activities', attributes: { designatedActivity: 'working holiday' } }, null, false],
  ['Artist', { status: 'artist' }, null, false],
  ['Journalist', { status: 'journalist' }, null, false],
  ['Permanent Resident', { status: 'permanent-resident', periodOfStay: 'indefinite', expiresOn: null }, null, false],
  ['Technical Intern Training (ii)(b)', { status: 'technical-intern-training-ii-b' }, 'activity-institution', false],
];

describe('S51 category resolver (AFF-1, Art. 19-16(i)–(iii); CAN-2, Art. 22-4(1)(vii))', () => {
  it.each(S51)('%s: 19-16 category and ground (vii) as rules.md §13 gives them', (_label, grant, category, vii) => {
    const status = q([landingPermitted({ grant })], '2026-02-01');
    expect(status.categories.affiliation).toBe(category);
    expect(status.affiliation?.category ?? null).toBe(category);
    expect(status.categories.cancellationItems.includes('vii')).toBe(vii);
  });
});
