import { describe, expect, it } from 'vitest';
import type { ResidentEvent } from '../../../events/catalogue.js';
import { landingPermitted, residenceCardIssued, residenceCardReturned, statusPermissionGranted } from '../../../testing/events.js';
import { history } from '../../../testing/facts.js';
import { cardAnomalies } from './card-status.js';
import { statusAt, statusContext } from './status.js';
import type { Anomaly } from './status-types.js';

const anomaliesAt = (events: readonly ResidentEvent[], asOf: string): Anomaly[] => cardAnomalies(statusContext(history(...events), { asOf }));
const codes = (events: readonly ResidentEvent[], asOf: string): string[] => anomaliesAt(events, asOf).map((a) => a.code);

describe('card data-quality warnings (CARD-4 reading, Art. 19-3, 19-4(2))', () => {
  it('raises nothing for a card that matches the law (Art. 19-5(1)(iii))', () => {
    expect(anomaliesAt([landingPermitted(), residenceCardIssued()], '2026-01-10')).toEqual([]);
  });

  it('warns when the printed validity differs from the statutory one and keeps the statutory date (CARD-4, Art. 19-4(1)(v), 19-5(1))', () => {
    const events = [landingPermitted(), residenceCardIssued({ printedValidUntil: '2027-01-11' })];
    expect(anomaliesAt(events, '2026-01-10')).toEqual([expect.objectContaining({ code: 'CARD_VALIDITY_MISMATCH', on: '2026-01-10' })]);
    const card = statusAt(history(...events), { asOf: '2027-01-11' }).card;
    expect(card).toMatchObject({ printedValidUntil: '2027-01-11', statutoryValidUntil: '2027-01-10', validUntil: '2027-01-10', valid: false });
  });

  it('warns about a card issued to a Temporary Visitor, who is not an MLTR (Art. 19-3(ii), MLTR-1)', () => {
    const events = [landingPermitted({ grant: { status: 'temporary-visitor', periodOfStay: 'P90D', expiresOn: '2026-04-09' } }), residenceCardIssued({ printedValidUntil: '2026-04-09' })];
    expect(codes(events, '2026-01-10')).toEqual(['CARD_ISSUED_TO_NON_MLTR']);
  });

  it('warns about a card issued to a diplomat, whose validity the Act does not define, and uses the printed date (Art. 19-3(iii), 19-5(1))', () => {
    const events = [
      landingPermitted({ grant: { status: 'diplomat', periodOfStay: 'duration-of-diplomatic-activities', expiresOn: null } }),
      residenceCardIssued({ printedValidUntil: '2029-01-10' }),
    ];
    expect(codes(events, '2026-01-10')).toEqual(['CARD_VALIDITY_UNDETERMINED', 'CARD_ISSUED_TO_NON_MLTR']);
    expect(statusAt(history(...events), { asOf: '2026-01-10' }).card?.statutoryValidUntil).toBe('2029-01-10');
  });

  it('warns when no date of birth is known for the issue (Art. 19-4(1)(i), 19-5(1)(ii))', () => {
    const events = [
      statusPermissionGranted({ kind: 'permanent-residence', grantedOn: '2026-05-11', applicationId: undefined, grant: { status: 'permanent-resident', periodOfStay: 'indefinite', expiresOn: null } }),
      residenceCardIssued({ issuedOn: '2026-05-11', printedValidUntil: '2033-05-10', reason: 'permanent-residence' }),
    ];
    expect(codes(events, '2026-05-11')).toEqual(['CARD_VALIDITY_UNDETERMINED']);
  });

  it('warns about a custody event naming a card never issued (Art. 19-4(2), CARD-2)', () => {
    const events = [landingPermitted(), residenceCardIssued(), residenceCardReturned({ cardNumber: 'ZZ99999999ZZ' })];
    expect(codes(events, '2027-01-20')).toEqual(['UNKNOWN_CARD_NUMBER']);
  });

  it('counts a card issue recorded twice once (CARD-2, at-least-once delivery)', () => {
    const events = [landingPermitted(), residenceCardIssued(), residenceCardIssued()];
    expect(statusAt(history(...events), { asOf: '2026-01-10' }).cards).toHaveLength(1);
  });
});
