import { describe, expect, it } from 'vitest';
import { landingPermitted, parseData, statusPermissionGranted } from '../testing/events.js';

const grantOf = (overrides: object) => ({ ...landingPermitted().data, grant: { ...landingPermitted().data.grant, ...overrides } });

describe('LandingPermitted (Ch. III; card under Art. 19-6)', () => {
  it('builds the S01 landing with overrides and defaults the status attributes to {}', () => {
    const event = landingPermitted({
      permittedOn: '2026-01-10',
      grant: { status: 'engineer-specialist', periodOfStay: 'P1Y', expiresOn: '2027-01-10' },
    });
    expect(event.data.grant).toEqual({ status: 'engineer-specialist', periodOfStay: 'P1Y', expiresOn: '2027-01-10', attributes: {} });
    const { attributes: _omitted, ...withoutAttributes } = event.data.grant;
    expect(parseData('LandingPermitted', { ...event.data, grant: withoutAttributes }).event).toEqual(event);
  });

  it('rejects a status that is not in Appended Tables I or II (rules.md §13)', () => {
    expect(() => parseData('LandingPermitted', grantOf({ status: 'technical-intern' }))).toThrow('LandingPermitted: data.grant.status:');
  });

  it('rejects a period of stay that is not an ISO 8601 period (Art. 2-2(3))', () => {
    expect(() => parseData('LandingPermitted', grantOf({ periodOfStay: '1 year' }))).toThrow(
      'data.grant.periodOfStay: must be an ISO 8601 period',
    );
  });

  it('rejects an expiry date on an indefinite period of stay (Art. 19-4(1)(iii))', () => {
    expect(() => parseData('LandingPermitted', grantOf({ status: 'permanent-resident', periodOfStay: 'indefinite' }))).toThrow(
      'data.grant.expiresOn: must be null for a period of stay "indefinite"',
    );
  });

  it('rejects a fixed period of stay without its expiry date (Art. 19-4(1)(iii))', () => {
    expect(() => parseData('LandingPermitted', grantOf({ expiresOn: null }))).toThrow(
      'data.grant.expiresOn: must be the expiry date of a fixed period of stay',
    );
  });

  it('rejects a landing on a date that does not exist, 2026-02-30', () => {
    expect(() => parseData('LandingPermitted', { ...landingPermitted().data, permittedOn: '2026-02-30' })).toThrow(
      'data.permittedOn: must be a real calendar date',
    );
  });
});

describe('StatusPermissionGranted (Arts. 20–22-3, 50, 61-2-2)', () => {
  const permanent = { status: 'permanent-resident', periodOfStay: 'indefinite', expiresOn: null } as const;

  it('accepts permanent residence with no expiry, notified by card (Art. 22(2), (3))', () => {
    const event = statusPermissionGranted({ kind: 'permanent-residence', grant: permanent });
    expect(event.data.grant.expiresOn).toBeNull();
  });

  it('rejects permanent residence that grants another status (Art. 22(2))', () => {
    const data = { ...statusPermissionGranted().data, kind: 'permanent-residence' };
    expect(() => parseData('StatusPermissionGranted', data)).toThrow('data.grant.status: permanent residence grants the status permanent-resident');
  });

  it('rejects permanent residence notified other than by a residence card (Art. 22(3))', () => {
    const data = { ...statusPermissionGranted({ kind: 'permanent-residence', grant: permanent }).data, notifiedBy: 'passport-endorsement' };
    expect(() => parseData('StatusPermissionGranted', data)).toThrow('data.notifiedBy: permanent residence is notified by issuing a residence card');
  });

  it('rejects a change of status to permanent resident (Art. 20(2) proviso)', () => {
    const data = { ...statusPermissionGranted({ grant: permanent }).data, kind: 'change-of-status' };
    expect(() => parseData('StatusPermissionGranted', data)).toThrow('data.grant.status: permanent residence is not obtained by a change of status');
  });

  it('accepts a newborn acquisition opening the record, deemed notified by a resident-record copy (Arts. 22-2, 19-8(4))', () => {
    const event = statusPermissionGranted({
      kind: 'acquisition',
      person: { name: 'NGUYEN VAN CHI', dateOfBirth: '2026-04-10', sex: 'male', nationality: 'VNM' },
      residenceRecordCopySubmitted: true,
    });
    expect(event.data.residenceRecordCopySubmitted).toBe(true);
  });

  it('defaults residenceRecordCopySubmitted to false (Art. 19-8(4))', () => {
    const { residenceRecordCopySubmitted: _omitted, ...data } = statusPermissionGranted().data;
    expect(parseData('StatusPermissionGranted', data).event.data).toHaveProperty('residenceRecordCopySubmitted', false);
  });

  it('rejects a resident-record copy on an extension: only 22-2 / 22-3 acquisitions are deemed notified (Art. 19-8(4))', () => {
    const data = { ...statusPermissionGranted().data, residenceRecordCopySubmitted: true };
    expect(() => parseData('StatusPermissionGranted', data)).toThrow('data.residenceRecordCopySubmitted: only an acquisition under Art. 22-2 or 22-3 is deemed notified');
  });
});
