import { describe, it } from 'vitest';
import { given } from '../../../../testing/decider.js';
import {
  landingPermitted, residenceCardIssued, residenceCardRenewed, residenceCardReportedLost, residenceCardReturned, residentDied,
} from '../../../../testing/events.js';

const engineer = landingPermitted();
const card = residenceCardIssued();

describe('residence cards (Arts. 19-3 to 19-15)', () => {
  it('issues a card to a new mid-to-long-term resident on landing (Art. 19-6)', () => {
    given(engineer).when(card).then([card]);
  });

  it('refuses a card for a Temporary Visitor (Art. 19-3(ii))', () => {
    const visitor = landingPermitted({ grant: { status: 'temporary-visitor', periodOfStay: 'P90D', expiresOn: '2026-04-09' } });
    given(visitor).when(card).thenRejects('NOT_ELIGIBLE_FOR_RESIDENCE_CARD', /TEMPORARY_VISITOR/);
  });

  it('refuses a card for a period of stay of 3 months — three months itself is excluded (Art. 19-3(i))', () => {
    const threeMonths = landingPermitted({ grant: { periodOfStay: 'P3M', expiresOn: '2026-04-10' } });
    given(threeMonths).when(card).thenRejects('NOT_ELIGIBLE_FOR_RESIDENCE_CARD');
  });

  it('refuses a card for a Diplomat or an Official, whatever the period (Art. 19-3(iii))', () => {
    const official = landingPermitted({ grant: { status: 'official', periodOfStay: 'P1Y', expiresOn: '2027-01-10' } });
    given(official).when(card).thenRejects('NOT_ELIGIBLE_FOR_RESIDENCE_CARD', /DIPLOMAT_OR_OFFICIAL/);
  });

  it('refuses a card for staff of the Taipei Economic and Cultural Representative Office (Art. 19-3(iv), ordinance)', () => {
    const tecro = landingPermitted({ grant: { status: 'designated-activities', attributes: { ordinanceExcluded: 'tecro-staff' } } });
    given(tecro).when(card).thenRejects('NOT_ELIGIBLE_FOR_RESIDENCE_CARD');
  });

  it('refuses a card for a person the register does not know', () => {
    given().when(card).thenRejects('UNKNOWN_RESIDENT');
  });

  it('refuses a second issue under a number already used: every issue has a new number (Art. 19-4(2))', () => {
    given(engineer, card).when(residenceCardIssued({ issuedOn: '2026-02-01', reason: 'identity-change' })).thenRejects('CARD_NUMBER_ALREADY_ISSUED');
  });

  it('records nothing when the same issue is recorded again', () => {
    given(engineer, card).when(card).then([]);
  });

  it('refuses renewal of a card valid until the period of stay expires: that card is renewed by an extension (Art. 19-11(1))', () => {
    given(engineer, card).when(residenceCardRenewed({ issuedOn: '2026-11-20', printedValidUntil: '2027-01-10' })).thenRejects('RENEWAL_NOT_APPLICABLE');
  });

  it('refuses a loss report for a card that is not the resident’s (Art. 19-12(1))', () => {
    given(engineer, card).when(residenceCardReportedLost({ cardNumber: 'ZZ99999999ZZ' })).thenRejects('UNKNOWN_CARD');
  });

  it('records the return of the card by relatives after a death (Art. 19-15(4))', () => {
    const returned = residenceCardReturned({ returnedOn: '2026-05-10', returnedBy: 'relative' });
    given(engineer, card, residentDied({ diedOn: '2026-05-01' })).when(returned).then([returned]);
  });
});
