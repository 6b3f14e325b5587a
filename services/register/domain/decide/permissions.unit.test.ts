import { describe, it } from 'vitest';
import { given } from '../../../../testing/decider.js';
import {
  departureConfirmed, landingPermitted, residentDied, statusPermissionGranted, japaneseNationalityAcquired,
} from '../../../../testing/events.js';

const engineer = landingPermitted();
const temporaryVisitor = landingPermitted({ grant: { status: 'temporary-visitor', periodOfStay: 'P90D', expiresOn: '2026-04-09' } });

describe('landing permission (Ch. III) and the permissions that confer a status (MLTR-2)', () => {
  it('records a landing for a person the register does not know yet (Art. 9, MLTR-2)', () => {
    given().when(engineer).then([engineer]);
  });

  it('refuses a landing for a person who holds a status in Japan on that day (Art. 9(3) proviso: no new landing)', () => {
    given(engineer).when(landingPermitted({ permittedOn: '2026-06-01' })).thenRejects('ALREADY_HOLDS_STATUS');
  });

  it('records a new landing after a departure without a re-entry permit ended the status (MLTR-3, Art. 25)', () => {
    const departed = departureConfirmed({ departedOn: '2026-08-05', reentry: { kind: 'none' } });
    const again = landingPermitted({ permittedOn: '2026-10-01', grant: { expiresOn: '2027-10-01' } });
    given(engineer, departed).when(again).then([again]);
  });

  it('refuses a landing dated before the date of birth', () => {
    given().when(landingPermitted({ permittedOn: '1990-01-01' })).thenRejects('DATE_BEFORE_BIRTH');
  });

  it('grants an extension to a person holding the status (Art. 21(3))', () => {
    const extension = statusPermissionGranted({ grantedOn: '2026-12-20' });
    given(engineer).when(extension).then([extension]);
  });

  it('refuses an extension that changes the status: that is a change of status (Art. 21(1), 20)', () => {
    const extension = statusPermissionGranted({ grantedOn: '2026-12-20', grant: { status: 'student' } });
    given(engineer).when(extension).thenRejects('EXTENSION_CHANGES_STATUS');
  });

  it('refuses a change of status for a person whose period of stay has run out (Art. 20(2), 24(iv)(b))', () => {
    const change = statusPermissionGranted({ kind: 'change-of-status', grantedOn: '2027-02-01', grant: { status: 'student', expiresOn: '2028-02-01' } });
    given(engineer).when(change).thenRejects('NO_STATUS_HELD');
  });

  it('allows a change from Temporary Visitor (Art. 20(3) proviso: special circumstances are the officer’s judgment)', () => {
    const change = statusPermissionGranted({
      kind: 'change-of-status', grantedOn: '2026-02-01', grant: { status: 'designated-activities', periodOfStay: 'P1Y', expiresOn: '2027-02-01' },
    });
    given(temporaryVisitor).when(change).then([change]);
  });

  it('refuses a change to Highly Skilled Professional (ii) from anything but HSP (i) (Art. 20-2(1))', () => {
    const change = statusPermissionGranted({
      kind: 'change-of-status', grantedOn: '2026-06-01',
      grant: { status: 'highly-skilled-professional-ii', periodOfStay: 'indefinite', expiresOn: null, attributes: { hspActivity: 'b' } },
    });
    given(engineer).when(change).thenRejects('CHANGE_TO_HSP_II_REQUIRES_HSP_I');
  });

  it('refuses an acquisition of status for a person who already holds one (Art. 22-2(1))', () => {
    const acquisition = statusPermissionGranted({ kind: 'acquisition', grantedOn: '2026-06-01', grant: { status: 'dependent', expiresOn: '2027-06-01' } });
    given(engineer).when(acquisition).thenRejects('ALREADY_HOLDS_STATUS');
  });

  it('refuses any permission after the person died or acquired Japanese nationality (MLTR-3, 19-14(vi), Art. 2(ii))', () => {
    const extension = statusPermissionGranted({ grantedOn: '2026-12-20' });
    given(engineer, residentDied({ diedOn: '2026-11-01' })).when(extension).thenRejects('RESIDENT_DECEASED');
    given(engineer, japaneseNationalityAcquired({ acquiredOn: '2026-11-01' })).when(extension).thenRejects('NO_LONGER_A_FOREIGN_NATIONAL');
  });
});
