import { describe, it } from 'vitest';
import { given } from '../../../../testing/decider.js';
import {
  applicationDecided, applicationFiled, hearingNoticeServed, landingPermitted, residenceCardIssued, residentDied, statusOfResidenceCancelled,
} from '../../../../testing/events.js';

const engineer = landingPermitted();
const card = residenceCardIssued();

describe('applications, cancellation and the end of residence (Arts. 20–22-4)', () => {
  it('stores an extension application filed after expiry; it opens no special period (Art. 20(6), S21)', () => {
    const late = applicationFiled({ filedOn: '2027-01-12' });
    given(engineer, card).when(late).then([late]);
  });

  it('records nothing when the same application is filed again, and refuses other content under its id', () => {
    const filed = applicationFiled();
    given(engineer, filed).when(filed).then([]);
    given(engineer, filed).when(applicationFiled({ filedOn: '2026-12-11' })).thenRejects('APPLICATION_ALREADY_FILED');
  });

  it('refuses a decision on an application that was never filed', () => {
    given(engineer).when(applicationDecided()).thenRejects('UNKNOWN_APPLICATION');
  });

  it('refuses a cancellation without a served hearing notice (Art. 22-4(2), (3))', () => {
    given(engineer, card).when(statusOfResidenceCancelled({ cancelledOn: '2026-10-01' })).thenRejects('HEARING_NOTICE_REQUIRED');
  });

  it('cancels a status after the hearing notice was served (Art. 22-4(6), S59)', () => {
    const cancelled = statusOfResidenceCancelled({ cancelledOn: '2026-10-01', departBy: '2026-10-31' });
    given(engineer, card, hearingNoticeServed()).when(cancelled).then([cancelled]);
  });

  it('refuses a hearing notice for a person whose status has already ended (Art. 22-4(1))', () => {
    given(engineer, card).when(hearingNoticeServed({ servedOn: '2027-02-01', hearingOn: '2027-02-15' })).thenRejects('NO_STATUS_HELD');
  });

  it('records nothing more after a death but the card (19-14(vi))', () => {
    given(engineer, residentDied({ diedOn: '2026-05-01' })).when(residentDied({ diedOn: '2026-05-02' })).thenRejects('RESIDENT_DECEASED');
  });
});
