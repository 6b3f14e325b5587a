import { describe, expect, it } from 'vitest';
import { affiliationNotified, EMPLOYER, identityParticularsChanged, parseData } from '../testing/events.js';

const notice = (overrides: object) => ({ ...affiliationNotified().data, ...overrides });

describe('AffiliationNotified (Art. 19-16)', () => {
  it('accepts a spouse notification without an organization (Art. 19-16(iii))', () => {
    const event = affiliationNotified({ category: 'spouse', event: 'spouse-died' });
    expect(event.data).toEqual(expect.objectContaining({ category: 'spouse', event: 'spouse-died' }));
    expect(event.data).not.toHaveProperty('organization');
  });

  it('rejects a contract event under the spouse category (Art. 19-16(iii): divorce or death only)', () => {
    expect(() => parseData('AffiliationNotified', notice({ category: 'spouse', event: 'contract-ended' }))).toThrow(
      'AffiliationNotified: data.event:',
    );
  });

  it('rejects leaving (離脱) under the contract category: that is an activity-institution event (Art. 19-16(i), (ii))', () => {
    expect(() => parseData('AffiliationNotified', notice({ event: 'left' }))).toThrow('AffiliationNotified: data.event:');
  });

  it('rejects an activity-institution notification without the institution (Art. 19-16(i))', () => {
    const data = notice({ category: 'activity-institution', event: 'left', organization: undefined });
    expect(() => parseData('AffiliationNotified', data)).toThrow('AffiliationNotified: data.organization:');
  });

  it('rejects a category the Act does not have', () => {
    expect(() => parseData('AffiliationNotified', notice({ category: 'employer' }))).toThrow('AffiliationNotified: data.category:');
  });

  it('accepts a transfer (移籍) naming the institution moved to (Art. 19-16(i))', () => {
    const school = { name: 'Example Vocational School' };
    const event = affiliationNotified({ category: 'activity-institution', event: 'transferred', newOrganization: school });
    expect(event.data).toHaveProperty('newOrganization', school);
  });

  it('rejects a transfer that does not name the institution moved to (Art. 19-16(i))', () => {
    expect(() => parseData('AffiliationNotified', notice({ category: 'activity-institution', event: 'transferred' }))).toThrow(
      'data.newOrganization: is required for the event "transferred"',
    );
  });

  it('rejects a new organization on a contract end: nothing new to state (Art. 19-16(ii))', () => {
    expect(() => parseData('AffiliationNotified', notice({ newOrganization: EMPLOYER }))).toThrow(
      'data.newOrganization: must be absent for the event "contract-ended"',
    );
  });

  it('rejects a corporate number that is not 13 digits', () => {
    const data = notice({ organization: { ...EMPLOYER, corporateNumber: '12345' } });
    expect(() => parseData('AffiliationNotified', data)).toThrow('data.organization.corporateNumber: must be a 13-digit corporate number');
  });
});

describe('IdentityParticularsChanged (Art. 19-10(1))', () => {
  it('accepts a change of nationality alone (Art. 19-4(1)(i))', () => {
    const event = identityParticularsChanged({ changes: { name: undefined, nationality: 'KOR' } });
    expect(event.data.changes).toEqual({ nationality: 'KOR' });
  });

  it('rejects a notification that changes nothing', () => {
    const data = { ...identityParticularsChanged().data, changes: {} };
    expect(() => parseData('IdentityParticularsChanged', data)).toThrow(
      'IdentityParticularsChanged: data.changes: must change at least one of name, dateOfBirth, sex, nationality',
    );
  });

  it('rejects a new date of birth that does not exist, 2026-02-30', () => {
    const data = { ...identityParticularsChanged().data, changes: { dateOfBirth: '2026-02-30' } };
    expect(() => parseData('IdentityParticularsChanged', data)).toThrow('data.changes.dateOfBirth: must be a real calendar date');
  });
});
