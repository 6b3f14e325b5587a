import { describe, expect, it } from 'vitest';
import {
  CHIYODA_ADDRESS,
  parseData,
  residenceAddressCorrected,
  residenceAddressNotified,
  residenceAddressVacated,
  residentRecordEntered,
} from '../testing/events.js';

const notified = (overrides: object) => ({ ...residenceAddressNotified().data, ...overrides });

describe('ResidenceAddressNotified (Arts. 19-7, 19-8, 19-9)', () => {
  it('rejects a municipality code with a bad check digit (Art. 19-7(1), JIS X 0402)', () => {
    const data = notified({ address: { ...CHIYODA_ADDRESS, municipalityCode: '131015' } });
    expect(() => parseData('ResidenceAddressNotified', data)).toThrow(
      'ResidenceAddressNotified: data.address.municipalityCode: check digit of the local government code is wrong',
    );
  });

  it('accepts a BRRA Art. 22 moving-in notice made with the card as a 19-9 notification (Art. 19-9(3))', () => {
    const event = residenceAddressNotified({ basis: '19-9', deemedBy: 'brra-22' });
    expect(event.data.deemedBy).toBe('brra-22');
  });

  it('rejects a BRRA Art. 22 notice as a 19-7 notification: only 30-46 is deemed after landing (Art. 19-7(3))', () => {
    expect(() => parseData('ResidenceAddressNotified', notified({ deemedBy: 'brra-22' }))).toThrow(
      'data.deemedBy: a brra-22 filing is not deemed a 19-7 notification',
    );
  });

  it('rejects a resident-record copy as a 19-9 notification (Art. 19-8(4) covers 19-8 only)', () => {
    expect(() => parseData('ResidenceAddressNotified', notified({ basis: '19-9', deemedBy: 'residence-record-copy-19-8-4' }))).toThrow(
      'data.deemedBy:',
    );
  });

  it('rejects a BRRA filing without the card as a deemed notification (Art. 19-9(3) "在留カードを提出して")', () => {
    expect(() => parseData('ResidenceAddressNotified', notified({ basis: '19-9', deemedBy: 'brra-23', cardPresented: false }))).toThrow(
      'data.cardPresented: a BRRA filing counts as a residence notification only when made with the card',
    );
  });

  it('accepts the 19-8(4) resident-record copy without a card at the counter', () => {
    const event = residenceAddressNotified({ basis: '19-8', deemedBy: 'residence-record-copy-19-8-4', cardPresented: false });
    expect(event.data.cardPresented).toBe(false);
  });

  it('rejects a filing date that does not exist, 2026-02-30 (MUNI-3: timeliness is judged on it)', () => {
    expect(() => parseData('ResidenceAddressNotified', notified({ notifiedOn: '2026-02-30' }))).toThrow(
      'data.notifiedOn: must be a real calendar date',
    );
  });
});

describe('ResidenceAddressVacated and ResidenceAddressCorrected (Arts. 61-8-2, 19-37, 22-4(1)(ix))', () => {
  it('rejects a move-out reported for a municipality code with a bad check digit', () => {
    const data = { ...residenceAddressVacated().data, municipalityCode: '131012' };
    expect(() => parseData('ResidenceAddressVacated', data)).toThrow('ResidenceAddressVacated: data.municipalityCode: check digit');
  });

  it('accepts a move-out found by investigation, with no relay (Art. 19-37)', () => {
    const event = residenceAddressVacated({ reason: 'investigation', relayId: undefined, notifiedOn: undefined });
    expect(event.data).not.toHaveProperty('relayId');
  });

  it('accepts the withdrawal of an erroneous deletion (S33, Art. 61-8-2)', () => {
    expect(residenceAddressCorrected().data.correction).toEqual({ kind: 'withdrawn' });
  });

  it('accepts an amendment of the moved-out date (MUNI-3: replaces the fact in valid time)', () => {
    const event = residenceAddressCorrected({ correction: { kind: 'amended', movedOutOn: '2026-05-20' } });
    expect(event.data.correction).toEqual({ kind: 'amended', movedOutOn: '2026-05-20' });
  });

  it('rejects an amendment that amends nothing', () => {
    const data = { ...residenceAddressCorrected().data, correction: { kind: 'amended' } };
    expect(() => parseData('ResidenceAddressCorrected', data)).toThrow(
      'ResidenceAddressCorrected: data.correction: an amendment must change at least one of',
    );
  });

  it('rejects a correction kind other than withdrawn or amended', () => {
    const data = { ...residenceAddressCorrected().data, correction: { kind: 'deleted' } };
    expect(() => parseData('ResidenceAddressCorrected', data)).toThrow('ResidenceAddressCorrected: data.correction.kind:');
  });
});

describe('ResidentRecordEntered (Art. 61-8-2; not a notification under Arts. 19-7(3), 19-8(3), 19-9(3))', () => {
  it('records a BRRA move-in made without the card as a resident-record entry', () => {
    const event = residentRecordEntered({ residenceEstablishedOn: '2026-01-15', enteredOn: '2026-01-20' });
    expect(parseData('ResidentRecordEntered', event.data).event).toEqual(event);
  });

  it('rejects an entry whose reason is not one the municipality reports (Art. 61-8-2)', () => {
    const data = { ...residentRecordEntered().data, reason: 'moving-out' };
    expect(() => parseData('ResidentRecordEntered', data)).toThrow('ResidentRecordEntered: data.reason');
  });
});
