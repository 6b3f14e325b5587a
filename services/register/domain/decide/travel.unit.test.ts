import { describe, it } from 'vitest';
import { given } from '../../../../testing/decider.js';
import {
  departureConfirmed, hearingNoticeServed, landingPermitted, reentered, reentryPermitExtended, reentryPermitGranted, residenceCardIssued,
} from '../../../../testing/events.js';

const engineer = landingPermitted();
const card = residenceCardIssued();
const deemed = departureConfirmed({ departedOn: '2026-06-01', reentry: { kind: 'special-reentry' } });
const permit = reentryPermitGranted({ grantedOn: '2026-03-02', effectiveOn: '2026-03-02', validUntil: '2027-01-10' });

describe('departure and re-entry (Arts. 25, 26, 26-2)', () => {
  it('confirms a departure with a special re-entry permit for a mid-to-long-term resident (Art. 26-2(1))', () => {
    given(engineer, card).when(deemed).then([deemed]);
  });

  it('refuses a special re-entry for a Temporary Visitor (Art. 26-2(1), 19-3(ii))', () => {
    const visitor = landingPermitted({ grant: { status: 'temporary-visitor', periodOfStay: 'P90D', expiresOn: '2026-04-09' } });
    given(visitor).when(departureConfirmed({ departedOn: '2026-02-01' })).thenRejects('SPECIAL_REENTRY_NOT_AVAILABLE');
  });

  it('refuses a special re-entry once a cancellation hearing notice was served (Art. 26-2(1) proviso, ordinance; S59)', () => {
    given(engineer, card, hearingNoticeServed({ servedOn: '2026-05-01', hearingOn: '2026-05-15' }))
      .when(deemed).thenRejects('SPECIAL_REENTRY_NOT_AVAILABLE', /hearing notice/);
  });

  it('refuses a departure while the person is abroad', () => {
    given(engineer, card, deemed).when(departureConfirmed({ departedOn: '2026-07-01' })).thenRejects('ALREADY_ABROAD');
  });

  it('refuses a departure under a re-entry permit that was never granted (Art. 26(1))', () => {
    given(engineer, card).when(departureConfirmed({ reentry: { kind: 'reentry-permit', permitId: 'RP-9' } })).thenRejects('UNKNOWN_REENTRY_PERMIT');
  });

  it('refuses a re-entry permit valid for more than 5 years (Art. 26(3), DT-5)', () => {
    const tooLong = reentryPermitGranted({ effectiveOn: '2026-03-02', validUntil: '2031-03-02' });
    given(engineer).when(tooLong).thenRejects('REENTRY_PERMIT_TOO_LONG');
  });

  it('accepts a re-entry permit of exactly 5 years (effective date + 5 years − 1 day, DT-5)', () => {
    const exact = reentryPermitGranted({ effectiveOn: '2026-03-02', validUntil: '2031-03-01' });
    given(engineer).when(exact).then([exact]);
  });

  it('refuses a re-entry without a departure (Art. 26)', () => {
    given(engineer, card).when(reentered({ reenteredOn: '2026-07-01' })).thenRejects('NOT_ABROAD');
  });

  it('records a re-entry within the deemed validity (Art. 26-2(2))', () => {
    const back = reentered({ reenteredOn: '2026-10-15' });
    given(engineer, card, deemed).when(back).then([back]);
  });

  it('refuses a re-entry after the deemed permit lapsed: the person lands anew (Art. 26-2(2), 19-14(iv))', () => {
    given(engineer, card, deemed).when(reentered({ reenteredOn: '2027-01-11' })).thenRejects('REENTRY_PERMIT_EXPIRED');
  });

  it('refuses a re-entry under a re-entry permit after a special re-entry departure', () => {
    given(engineer, card, deemed).when(reentered({ reenteredOn: '2026-07-01', reentry: 'reentry-permit', permitId: 'RP-0001' }))
      .thenRejects('REENTRY_DOES_NOT_MATCH_DEPARTURE');
  });

  it('refuses to extend a special (deemed) re-entry permit abroad (Art. 26-2(3), S39)', () => {
    const pr = landingPermitted({ grant: { status: 'permanent-resident', periodOfStay: 'indefinite', expiresOn: null } });
    given(pr, deemed).when(reentryPermitExtended({ extendedOn: '2027-02-15', permitId: 'deemed', basis: '26(5)-consular', validUntil: '2027-06-01' }))
      .thenRejects('DEEMED_REENTRY_PERMIT_NOT_EXTENDABLE');
  });

  it('refuses a consular extension of more than one year (Art. 26(5))', () => {
    const pr = landingPermitted({ grant: { status: 'permanent-resident', periodOfStay: 'indefinite', expiresOn: null } });
    const leave = departureConfirmed({ departedOn: '2026-04-01', reentry: { kind: 'reentry-permit', permitId: 'RP-0001' } });
    given(pr, permit, leave)
      .when(reentryPermitExtended({ extendedOn: '2026-12-20', validUntil: '2028-02-01', basis: '26(5)-consular' }))
      .thenRejects('REENTRY_PERMIT_TOO_LONG');
  });
});
