import { describe, it } from 'vitest';
import { given } from '../../../../testing/decider.js';
import {
  landingPermitted, residenceAddressCorrected, residenceAddressNotified, residenceAddressVacated, residenceCardIssued, residentDied,
  residentRecordEntered,
} from '../../../../testing/events.js';

const engineer = landingPermitted();
const notified = residenceAddressNotified();

describe('residence address relays (Arts. 19-7 to 19-9, 61-8-2; MUNI-3)', () => {
  it('records a residence notification of a mid-to-long-term resident (Art. 19-7(1))', () => {
    given(engineer, residenceCardIssued()).when(notified).then([notified]);
  });

  it('refuses a residence notification of a Temporary Visitor: Arts. 19-7 to 19-9 do not apply (Art. 19-3(ii), MUNI-3)', () => {
    const visitor = landingPermitted({ grant: { status: 'temporary-visitor', periodOfStay: 'P90D', expiresOn: '2026-04-09' } });
    given(visitor).when(notified).thenRejects('NOT_A_MID_TO_LONG_TERM_RESIDENT', /TEMPORARY_VISITOR/);
  });

  it('accepts a relay that arrives before the landing is recorded, never losing it (MUNI-3 out-of-order arrival)', () => {
    given().when(notified).then([notified]);
  });

  it('records nothing when the same relay arrives twice (MUNI-3)', () => {
    given(engineer, notified).when(notified).then([]);
  });

  it('refuses a relay id already recorded with other content', () => {
    given(engineer, notified).when(residenceAddressNotified({ notifiedOn: '2026-02-03' })).thenRejects('DUPLICATE_RELAY_ID');
  });

  it('records a move-out relayed under Art. 61-8-2 (CAN-3 (ix))', () => {
    const out = residenceAddressVacated();
    given(engineer, notified).when(out).then([out]);
  });

  it('refuses a correction of a relay the register does not hold (Art. 61-8-2)', () => {
    given(engineer, notified).when(residenceAddressCorrected({ correctsRelayId: 'relay-unknown' })).thenRejects('UNKNOWN_RELAY');
  });

  it('records a correction withdrawing an erroneous deletion (Art. 61-8-2, S33)', () => {
    const out = residenceAddressVacated();
    const withdrawn = residenceAddressCorrected({ correctsRelayId: out.data.relayId ?? '' });
    given(engineer, notified, out).when(withdrawn).then([withdrawn]);
  });

  it('records a resident-record entry made without the card (Art. 61-8-2; not a notification, 19-7(3))', () => {
    const entry = residentRecordEntered();
    given(engineer).when(entry).then([entry]);
  });

  it('refuses relays about a person who has died (19-14(vi))', () => {
    given(engineer, residentDied({ diedOn: '2026-01-20' })).when(notified).thenRejects('RESIDENT_DECEASED');
  });
});
