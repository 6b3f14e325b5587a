import { describe, expect, it } from 'vitest';
import {
  parseData,
  residenceCardFound,
  residenceCardInvalidated,
  residenceCardIssued,
  residenceCardReissued,
  residenceCardReissueOrdered,
  residenceCardRenewed,
  residenceCardReportedLost,
  residenceCardReturned,
} from '../testing/events.js';

describe('card issue events (Arts. 19-4, 19-6, 19-11, 19-12, 19-13)', () => {
  it('rejects a card number that is not 2 letters, 8 digits, 2 letters (Art. 19-4(2), CARD-2)', () => {
    const data = { ...residenceCardIssued().data, cardNumber: 'AB-00000101-CD' };
    expect(() => parseData('ResidenceCardIssued', data)).toThrow(
      'ResidenceCardIssued: data.cardNumber: must be a residence card number: 2 capital letters, 8 digits, 2 capital letters',
    );
  });

  it('rejects an issue date that does not exist, 2026-02-30 (Art. 19-4(1)(v))', () => {
    const data = { ...residenceCardRenewed().data, issuedOn: '2026-02-30' };
    expect(() => parseData('ResidenceCardRenewed', data)).toThrow('ResidenceCardRenewed: data.issuedOn: must be a real calendar date');
  });

  it('rejects an issue reason no article provides, e.g. a renewal passed off as an issue (CARD-3)', () => {
    const data = { ...residenceCardIssued().data, reason: 'renewal' };
    expect(() => parseData('ResidenceCardIssued', data)).toThrow('ResidenceCardIssued: data.reason:');
  });

  it('rejects a reissue for a reason outside Arts. 19-12 and 19-13 (e.g. identity change, which is 19-10(2))', () => {
    const data = { ...residenceCardReissued().data, reason: 'identity-change' };
    expect(() => parseData('ResidenceCardReissued', data)).toThrow('ResidenceCardReissued: data.reason:');
  });

  it('keeps the receipt date of a card mailed after an online application beside its issue date (rules.md §15)', () => {
    const event = residenceCardIssued({ reason: 'extension', channel: 'online', issuedOn: '2027-01-05', receivedOn: '2027-01-08' });
    expect(event.data).toMatchObject({ issuedOn: '2027-01-05', receivedOn: '2027-01-08', channel: 'online' });
  });

  it('rejects a filer other than those of Art. 61-9-3', () => {
    const data = { ...residenceCardReissued().data, filedBy: 'employer' };
    expect(() => parseData('ResidenceCardReissued', data)).toThrow('ResidenceCardReissued: data.filedBy:');
  });
});

describe('card custody events (Arts. 19-12 to 19-15)', () => {
  it('rejects a reissue order without the day it was received: the 14 days count from it (Art. 19-13(3))', () => {
    const { orderReceivedOn: _omitted, ...data } = residenceCardReissueOrdered().data;
    expect(() => parseData('ResidenceCardReissueOrdered', data)).toThrow('ResidenceCardReissueOrdered: data.orderReceivedOn:');
  });

  it('rejects a lapse ground that is not an item of Art. 19-14', () => {
    const data = { ...residenceCardInvalidated().data, ground: 'reported-lost' };
    expect(() => parseData('ResidenceCardInvalidated', data)).toThrow('ResidenceCardInvalidated: data.ground:');
  });

  it('accepts a return by a cohabitant after the holder died (Art. 19-15(4))', () => {
    expect(residenceCardReturned({ returnedBy: 'cohabitant' }).data.returnedBy).toBe('cohabitant');
  });

  it('rejects a return by someone Art. 19-15 does not name', () => {
    const data = { ...residenceCardReturned().data, returnedBy: 'employer' };
    expect(() => parseData('ResidenceCardReturned', data)).toThrow('ResidenceCardReturned: data.returnedBy:');
  });

  it('requires whether the loss was learned abroad: it moves the clock to the first entry (Art. 19-12(1))', () => {
    const { learnedAbroad: _omitted, ...data } = residenceCardReportedLost().data;
    expect(() => parseData('ResidenceCardReportedLost', data)).toThrow('ResidenceCardReportedLost: data.learnedAbroad:');
  });

  it('rejects a found card with a malformed number (Art. 19-15(3), CARD-2)', () => {
    const data = { ...residenceCardFound().data, cardNumber: 'ab00000101cd' };
    expect(() => parseData('ResidenceCardFound', data)).toThrow('ResidenceCardFound: data.cardNumber:');
  });
});
