import { describe, expect, it } from 'vitest';
import type { ResidentEvent } from '../../../events/catalogue.js';
import {
  PERSON, applicationDecided, applicationFiled, identityParticularsChanged, landingPermitted, residenceCardIssued, residenceCardRenewed,
  statusPermissionGranted,
} from '../../../testing/events.js';
import { history, recordedOn } from '../../../testing/facts.js';
import { endOfLegalDay } from './facts.js';
import { statusAt } from './status.js';
import type { CardView, ResidentStatus } from './status-types.js';

const at = (events: readonly ResidentEvent[], asOf: string): ResidentStatus => statusAt(history(...events), { asOf });
const card = (status: ResidentStatus, cardNumber: string): CardView | undefined => status.cards.find((c) => c.cardNumber === cardNumber);

const pr = (grantedOn: string, dateOfBirth: string) =>
  statusPermissionGranted({
    kind: 'permanent-residence', grantedOn, applicationId: undefined, person: { ...PERSON, dateOfBirth },
    grant: { status: 'permanent-resident', periodOfStay: 'indefinite', expiresOn: null },
  });
const prCard = (cardNumber: string, issuedOn: string, printedValidUntil: string) =>
  residenceCardIssued({ cardNumber, issuedOn, printedValidUntil, reason: 'permanent-residence' });
const dependentChild = (permittedOn: string, dateOfBirth: string, expiresOn: string, periodOfStay = 'P1Y') =>
  landingPermitted({ permittedOn, person: { dateOfBirth }, grant: { status: 'dependent', periodOfStay, expiresOn, attributes: { familyRelation: 'child' } } });

describe('CARD-4 statutory validity through statusAt (Art. 19-5(1))', () => {
  it('gives the S01 landing card the period expiry and keeps it valid through its last day (Art. 19-5(1)(iii), DT-8)', () => {
    const s01 = [landingPermitted(), residenceCardIssued()];
    expect(card(at(s01, '2026-01-20'), 'AB00000101CD')).toMatchObject({
      issue: 'issued', reason: 'landing', statutoryValidUntil: '2027-01-10', validityBasis: '19-5(1)(iii)', validUntil: '2027-01-10', valid: true, invalidity: [],
    });
    expect(at(s01, '2027-01-10').card).toMatchObject({ cardNumber: 'AB00000101CD', valid: true });
  });

  it('lists only the cards issued by D, oldest first (Art. 19-4(2), DT-8)', () => {
    const events = [landingPermitted(), residenceCardIssued(), statusPermissionGranted(), residenceCardIssued({ cardNumber: 'AB00000104CD', issuedOn: '2027-01-05', printedValidUntil: '2030-01-10', reason: 'extension' })];
    expect(at(events, '2027-01-04').cards.map((c) => c.cardNumber)).toEqual(['AB00000101CD']);
    expect(at(events, '2027-01-05').cards.map((c) => c.cardNumber)).toEqual(['AB00000101CD', 'AB00000104CD']);
  });

  it('shows a card only once the register has recorded it: knowledge time (DT-8, Art. 19-6)', () => {
    const facts = history(landingPermitted(), recordedOn('2026-01-20', residenceCardIssued()));
    expect(statusAt(facts, { asOf: '2026-01-15', knownAt: endOfLegalDay('2026-01-15') }).cards).toEqual([]);
    expect(statusAt(facts, { asOf: '2026-01-15', knownAt: endOfLegalDay('2026-01-20') }).card).toMatchObject({ cardNumber: 'AB00000101CD', valid: true });
  });

  it('S09: a PR child card ends on the 16th birthday 2031-08-20; the renewal card at 15 gets 7 years to 2038-06-01 (Art. 19-5(1)(i),(ii))', () => {
    const s09 = [pr('2026-05-11', '2015-08-20'), prCard('JK00000901LM', '2026-05-11', '2031-08-20'), residenceCardRenewed({ cardNumber: 'KL00000902MN', issuedOn: '2031-06-02', printedValidUntil: '2038-06-01' })];
    const status = at(s09, '2031-06-02');
    expect(card(status, 'JK00000901LM')).toMatchObject({ statutoryValidUntil: '2031-08-20', validityBasis: '19-5(1)(ii)' });
    expect(card(status, 'KL00000902MN')).toMatchObject({ issue: 'renewed', reason: 'validity-renewal', statutoryValidUntil: '2038-06-01', validityBasis: '19-5(1)(i)', valid: true });
  });

  it('S11: a child\'s landing card ends on the earlier expiry 2027-04-01, the extension card at 15 on the 16th birthday 2028-10-01 (Art. 19-5(1)(iv))', () => {
    const s11 = [
      dependentChild('2026-04-01', '2012-10-01', '2027-04-01'),
      residenceCardIssued({ cardNumber: 'NP00001101QR', issuedOn: '2026-04-01', printedValidUntil: '2027-04-01' }),
      applicationFiled({ applicationId: 'APP-1101', kind: 'extension', filedOn: '2027-03-15', filedBy: 'relative' }),
      statusPermissionGranted({ grantedOn: '2027-04-20', applicationId: 'APP-1101', grant: { status: 'dependent', periodOfStay: 'P3Y', expiresOn: '2030-04-01', attributes: { familyRelation: 'child' } } }),
      residenceCardIssued({ cardNumber: 'PQ00001102RS', issuedOn: '2027-04-20', printedValidUntil: '2028-10-01', reason: 'extension' }),
    ];
    expect(card(at(s11, '2027-04-01'), 'NP00001101QR')).toMatchObject({ statutoryValidUntil: '2027-04-01', validityBasis: '19-5(1)(iv)', valid: true });
    expect(card(at(s11, '2027-04-10'), 'NP00001101QR')).toMatchObject({ validUntil: '2027-06-01', valid: true });
    expect(card(at(s11, '2027-04-20'), 'PQ00001102RS')).toMatchObject({ statutoryValidUntil: '2028-10-01', validityBasis: '19-5(1)(iv)', valid: true });
  });

  it('S13: a 29-February child\'s card ends on the real 16th birthday 2028-02-29, also when issued on 2028-02-28 (Art. 19-5(1)(iv), DT-7)', () => {
    const s13 = [dependentChild('2026-01-20', '2012-02-29', '2029-01-20', 'P3Y'), residenceCardIssued({ cardNumber: 'ST00001301UV', issuedOn: '2026-01-20', printedValidUntil: '2028-02-29' })];
    expect(card(at(s13, '2028-02-29'), 'ST00001301UV')).toMatchObject({ statutoryValidUntil: '2028-02-29', valid: true });
    expect(card(at(s13, '2028-03-01'), 'ST00001301UV')?.invalidity).toEqual([{ item: '19-14(ii)', since: '2028-03-01' }]);
    const variantB = [
      dependentChild('2027-12-20', '2012-02-29', '2028-03-19', 'P90D'),
      statusPermissionGranted({ kind: 'change-of-status', grantedOn: '2028-02-28', applicationId: undefined, grant: { status: 'dependent', periodOfStay: 'P3Y', expiresOn: '2031-02-28', attributes: { familyRelation: 'child' } } }),
      residenceCardIssued({ cardNumber: 'TU00001302VW', issuedOn: '2028-02-28', printedValidUntil: '2028-02-29', reason: 'change-of-status' }),
    ];
    expect(card(at(variantB, '2028-02-28'), 'TU00001302VW')).toMatchObject({ statutoryValidUntil: '2028-02-29', validityBasis: '19-5(1)(iv)' });
  });

  it('S15: a PR card issued on the 16th birthday gets 7 years, one issued the day before ends on that birthday (Art. 19-5(1)(i),(ii), DT-7)', () => {
    const twinA = at([pr('2026-05-20', '2010-05-20'), prCard('VW00001501XY', '2026-05-20', '2033-05-19')], '2026-05-20');
    expect(twinA.card).toMatchObject({ statutoryValidUntil: '2033-05-19', validityBasis: '19-5(1)(i)' });
    const twinB = [pr('2026-05-19', '2010-05-20'), prCard('WX00001502YZ', '2026-05-19', '2026-05-20'), residenceCardRenewed({ cardNumber: 'XY00001503ZA', issuedOn: '2026-05-20', printedValidUntil: '2033-05-19' })];
    expect(card(at(twinB, '2026-05-19'), 'WX00001502YZ')).toMatchObject({ statutoryValidUntil: '2026-05-20', validityBasis: '19-5(1)(ii)' });
    expect(card(at(twinB, '2026-05-20'), 'XY00001503ZA')).toMatchObject({ statutoryValidUntil: '2033-05-19', validityBasis: '19-5(1)(i)' });
  });

  it('S41: a PR card issued 2025-07-01 is valid through 2032-06-30 (Art. 19-5(1)(i), reading #2)', () => {
    const s41 = [pr('2025-07-01', '1980-01-01'), prCard('BC00004101DE', '2025-07-01', '2032-06-30')];
    expect(at(s41, '2032-06-30').card).toMatchObject({ statutoryValidUntil: '2032-06-30', valid: true });
    expect(at(s41, '2032-07-01').card?.invalidity).toEqual([{ item: '19-14(ii)', since: '2032-07-01' }]);
  });

  it('computes the validity from the date of birth in force on the issue day, after a 19-10 correction (Art. 19-4(1)(i), 19-5(1)(ii))', () => {
    const events = [
      pr('2026-05-11', '2010-01-01'),
      identityParticularsChanged({ changedOn: '2026-06-01', notifiedOn: '2026-06-05', changes: { dateOfBirth: '2015-08-20' } }),
      residenceCardIssued({ cardNumber: 'JK00000903LM', issuedOn: '2026-06-10', printedValidUntil: '2031-08-20', reason: 'identity-change' }),
    ];
    expect(at(events, '2026-06-10').card).toMatchObject({ statutoryValidUntil: '2031-08-20', validityBasis: '19-5(1)(ii)' });
  });
});

describe('CARD-5 validity during the special period (Art. 19-5(2))', () => {
  const s17 = [
    landingPermitted({ permittedOn: '2025-06-20', grant: { expiresOn: '2026-06-30' } }),
    residenceCardIssued({ cardNumber: 'ZA00001701BC', issuedOn: '2025-06-20', printedValidUntil: '2026-06-30' }),
    applicationFiled({ applicationId: 'APP-1701', kind: 'extension', filedOn: '2026-06-10' }),
    statusPermissionGranted({ grantedOn: '2026-07-21', applicationId: 'APP-1701', grant: { periodOfStay: 'P3Y', expiresOn: '2029-06-30' } }),
    residenceCardIssued({ cardNumber: 'AB00001702CD', issuedOn: '2026-07-21', printedValidUntil: '2029-06-30', reason: 'extension' }),
  ];

  it('S17: keeps the card valid into the special period until its two-month limit 2026-08-31 while undecided (Art. 19-5(2), 20(6), DT-3)', () => {
    expect(at(s17, '2026-06-30').card).toMatchObject({ cardNumber: 'ZA00001701BC', validUntil: '2026-06-30', valid: true });
    expect(at(s17, '2026-07-01').card).toMatchObject({ cardNumber: 'ZA00001701BC', statutoryValidUntil: '2026-06-30', validUntil: '2026-08-31', valid: true });
  });

  it('S17: the grant ends the extension on its day; the old card lapses under (v), the new one runs to 2029-06-30 (Art. 19-5(2), 19-14(v))', () => {
    const status = at(s17, '2026-07-21');
    expect(card(status, 'ZA00001701BC')).toMatchObject({ validUntil: '2026-07-21', valid: false, invalidity: [{ item: '19-14(v)', since: '2026-07-21' }] });
    expect(card(status, 'AB00001702CD')).toMatchObject({ validUntil: '2029-06-30', valid: true });
  });

  it('does not extend a 7-year or 16th-birthday card by a special period (Art. 19-5(2))', () => {
    const events = [
      dependentChild('2026-04-01', '2012-10-01', '2028-10-31', 'P2Y7M'),
      residenceCardIssued({ cardNumber: 'NP00001103QR', issuedOn: '2026-04-01', printedValidUntil: '2028-10-01' }),
      applicationFiled({ applicationId: 'APP-1103', kind: 'extension', filedOn: '2028-09-15' }),
      applicationDecided({ applicationId: 'APP-1103', decidedOn: '2028-12-01', outcome: 'denied' }),
    ];
    expect(at(events, '2028-10-02').card).toMatchObject({ validUntil: '2028-10-01', valid: false });
  });
});
