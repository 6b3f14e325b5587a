import { describe, expect, it } from 'vitest';
import type { ResidentEvent } from '../../../events/catalogue.js';
import {
  applicationDecided, applicationFiled, departureConfirmed, japaneseNationalityAcquired, landingPermitted, reentered, residenceCardIssued,
  residenceCardReissued, residenceCardReportedLost, residentDied, statusOfResidenceCancelled, statusPermissionGranted,
} from '../../../testing/events.js';
import { history } from '../../../testing/facts.js';
import { statusAt } from './status.js';
import type { CardView, ResidentStatus } from './status-types.js';

const at = (events: readonly ResidentEvent[], asOf: string): ResidentStatus => statusAt(history(...events), { asOf });
const card = (status: ResidentStatus, cardNumber: string): CardView | undefined => status.cards.find((c) => c.cardNumber === cardNumber);

const engineer = (permittedOn: string, expiresOn: string, cardNumber: string): ResidentEvent[] => [
  landingPermitted({ permittedOn, grant: { expiresOn } }),
  residenceCardIssued({ cardNumber, issuedOn: permittedOn, printedValidUntil: expiresOn }),
];
const student = (expiresOn: string, cardNumber: string): ResidentEvent[] => [
  landingPermitted({ permittedOn: '2025-04-01', grant: { status: 'student', periodOfStay: 'P2Y', expiresOn } }),
  residenceCardIssued({ cardNumber, issuedOn: '2025-04-01', printedValidUntil: expiresOn }),
];
const permanentResident = (cardNumber: string, issuedOn: string): ResidentEvent[] => [
  statusPermissionGranted({ kind: 'permanent-residence', grantedOn: issuedOn, applicationId: undefined, grant: { status: 'permanent-resident', periodOfStay: 'indefinite', expiresOn: null } }),
  residenceCardIssued({ cardNumber, issuedOn, printedValidUntil: '2099-01-01', reason: 'permanent-residence' }),
];

describe('INV-1 grounds on which a card loses effect (Art. 19-14)', () => {
  it('S01: from 2027-01-11 the card has expired (ii) and the overstayer is no MLTR (i), (ii) first (Art. 19-14(i),(ii), 24(iv)(b))', () => {
    const status = at(engineer('2026-01-10', '2027-01-10', 'AB00000101CD'), '2027-01-11');
    expect(status.card).toMatchObject({ valid: false, invalidity: [{ item: '19-14(ii)', since: '2027-01-11' }, { item: '19-14(i)', since: '2027-01-11' }] });
    expect(status.midToLongTermResident.is).toBe(false);
  });

  it('S21: an application after expiry opens no special period; invalid since 2026-04-01 under (ii) and (i) (Art. 19-14, 20(6))', () => {
    const s21 = [...student('2026-03-31', 'EF00002101GH'), applicationFiled({ applicationId: 'APP-2101', kind: 'extension', filedOn: '2026-04-02' })];
    expect(at(s21, '2026-03-31').card?.valid).toBe(true);
    expect(at(s21, '2026-04-01').card?.invalidity).toEqual([{ item: '19-14(ii)', since: '2026-04-01' }, { item: '19-14(i)', since: '2026-04-01' }]);
  });

  describe('S19 denial in the special period with a short departure-preparation grant', () => {
    const s19 = [
      ...engineer('2025-04-25', '2026-04-30', 'BC00001901DE'),
      applicationFiled({ applicationId: 'APP-1901', kind: 'extension', filedOn: '2026-04-15' }),
      applicationDecided({ applicationId: 'APP-1901', decidedOn: '2026-05-15', outcome: 'denied' }),
    ];
    const preparation = statusPermissionGranted({
      kind: 'change-of-status', grantedOn: '2026-05-15', applicationId: undefined, notifiedBy: 'passport-endorsement',
      grant: { status: 'designated-activities', periodOfStay: 'P31D', expiresOn: '2026-06-15', attributes: { designatedActivity: 'departure preparation' } },
    });

    it('keeps the card valid in the special period until the two-month limit 2026-06-30 (Art. 19-5(2), 20(6))', () => {
      expect(at([...s19, preparation], '2026-05-14').card).toMatchObject({ valid: true, validUntil: '2026-06-30' });
    });

    it('ends the card on 2026-05-15 under (i) when a ≤ 3-month grant ends MLTR status; (ii) follows the next day (Art. 19-14(i), 19-3(i))', () => {
      expect(at([...s19, preparation], '2026-05-15').card).toMatchObject({ validUntil: '2026-05-15', invalidity: [{ item: '19-14(i)', since: '2026-05-15' }] });
      expect(at([...s19, preparation], '2026-06-16').card?.invalidity).toEqual([{ item: '19-14(i)', since: '2026-05-15' }, { item: '19-14(ii)', since: '2026-05-16' }]);
    });

    it('ends the extension and the card on the denial day, under (i), when no new grant follows (Art. 19-5(2), 19-14(i), 24(iv)(b))', () => {
      expect(at(s19, '2026-05-15').card).toMatchObject({ validUntil: '2026-05-15', invalidity: [{ item: '19-14(i)', since: '2026-05-15' }] });
      expect(at(s19, '2026-05-16').card?.invalidity).toEqual([{ item: '19-14(i)', since: '2026-05-15' }, { item: '19-14(ii)', since: '2026-05-16' }]);
    });
  });

  it('S37: a departure without any re-entry permit ends the card that day under (iii) (Art. 19-14(iii), 25)', () => {
    const s37 = [...student('2027-03-31', 'ZA00003701BC'), departureConfirmed({ departedOn: '2026-08-05', port: 'Kansai Airport', reentry: { kind: 'none' } })];
    expect(at(s37, '2026-08-04').card?.valid).toBe(true);
    expect(at(s37, '2026-08-05').card?.invalidity).toEqual([{ item: '19-14(iii)', since: '2026-08-05' }]);
  });

  it('S39: a PR still abroad after the deemed permit\'s year loses the card on 2027-03-11 under (iv) (Art. 19-14(iv), 26-2(2))', () => {
    const s39 = [...permanentResident('HJ00000801KL', '2026-03-02'), departureConfirmed({ departedOn: '2026-03-10' })];
    expect(at(s39, '2027-03-10').card?.valid).toBe(true);
    expect(at(s39, '2027-03-11').card?.invalidity).toEqual([{ item: '19-14(iv)', since: '2027-03-11' }]);
  });

  it('S41: a deemed permit from 2027-02-28 runs through 2028-02-29; re-entry that day keeps the card (Art. 19-14(iv), 26-2(2), DT-3)', () => {
    const s41 = [...permanentResident('BC00004101DE', '2025-07-01'), departureConfirmed({ departedOn: '2027-02-28' })];
    expect(at(s41, '2028-02-29').card?.valid).toBe(true);
    expect(at(s41, '2028-03-01').card?.invalidity).toEqual([{ item: '19-14(iv)', since: '2028-03-01' }]);
    expect(at([...s41, reentered({ reenteredOn: '2028-02-29' })], '2028-03-01').card?.valid).toBe(true);
    expect(at([...s41, reentered({ reenteredOn: '2028-03-01' })], '2028-03-01').card?.invalidity).toEqual([{ item: '19-14(iv)', since: '2028-03-01' }]);
  });

  describe('S43 deemed re-entry while an extension is pending', () => {
    const s43 = [
      ...engineer('2025-08-25', '2026-08-31', 'CD00004301EF'),
      applicationFiled({ applicationId: 'APP-4301', kind: 'extension', filedOn: '2026-08-20' }),
      departureConfirmed({ departedOn: '2026-09-05' }),
    ];

    it('variant B: valid through the special period limit 2026-10-31, invalid from 2026-11-01 under (ii) and (iv) (Art. 19-14(ii),(iv))', () => {
      expect(at(s43, '2026-10-31').card).toMatchObject({ valid: true, validUntil: '2026-10-31' });
      expect(at(s43, '2026-11-01').card?.invalidity).toEqual([{ item: '19-14(ii)', since: '2026-11-01' }, { item: '19-14(iv)', since: '2026-11-01' }]);
    });

    it('variant A: re-entry and a grant with a new card end the old card under (v); its extension ended with the grant (Art. 19-14(v), 19-5(2))', () => {
      const variantA = [
        ...s43, reentered({ reenteredOn: '2026-10-20' }),
        statusPermissionGranted({ grantedOn: '2026-10-27', applicationId: 'APP-4301', grant: { periodOfStay: 'P1Y', expiresOn: '2027-10-27' } }),
        residenceCardIssued({ cardNumber: 'CD00004302EF', issuedOn: '2026-10-27', printedValidUntil: '2027-10-27', reason: 'extension' }),
      ];
      const status = at(variantA, '2026-11-01');
      expect(card(status, 'CD00004301EF')).toMatchObject({ validUntil: '2026-10-27', invalidity: [{ item: '19-14(v)', since: '2026-10-27' }, { item: '19-14(ii)', since: '2026-10-28' }] });
      expect(status.midToLongTermResident.is).toBe(true);
      expect(card(status, 'CD00004302EF')?.valid).toBe(true);
    });
  });

  it('S49: H\'s PR card loses effect on the day of death under (vi) (Art. 19-14(vi))', () => {
    const h = [...permanentResident('KL00004902MN', '2024-04-01'), residentDied({ diedOn: '2026-02-10' })];
    expect(at(h, '2026-02-09').card?.valid).toBe(true);
    expect(at(h, '2026-02-10').card?.invalidity).toEqual([{ item: '19-14(vi)', since: '2026-02-10' }]);
  });

  it('S55: a card reported lost abroad stays in force until a new card is issued, then lapses under (v) (Art. 19-12, 19-14(v))', () => {
    const s55 = [
      ...engineer('2026-01-10', '2027-01-10', 'AB00000101CD'), departureConfirmed({ departedOn: '2026-07-10' }),
      residenceCardReportedLost({ learnedOn: '2026-07-20', learnedAbroad: true, reportedOn: '2026-07-20' }), reentered({ reenteredOn: '2026-08-03' }),
    ];
    expect(at(s55, '2026-08-10').card).toMatchObject({ cardNumber: 'AB00000101CD', valid: true, invalidity: [], reportedLost: true });
    const reissued = at([...s55, residenceCardReissued({ issuedOn: '2026-08-12', printedValidUntil: '2027-01-10' })], '2026-08-12');
    expect(card(reissued, 'AB00000101CD')?.invalidity).toEqual([{ item: '19-14(v)', since: '2026-08-12' }]);
    expect(card(reissued, 'AB00000102CD')).toMatchObject({ issue: 'reissued', reason: 'loss', valid: true, statutoryValidUntil: '2027-01-10' });
  });

  it('S59 variant A: a cancellation served on 2026-10-01 ends the card that day under (i) (Art. 19-14(i), 22-4(6))', () => {
    const s59 = [...engineer('2026-01-10', '2027-01-10', 'AB00000101CD'), statusOfResidenceCancelled({ cancelledOn: '2026-10-01', departBy: '2026-10-31' })];
    expect(at(s59, '2026-09-30').card?.valid).toBe(true);
    expect(at(s59, '2026-10-01').card?.invalidity).toEqual([{ item: '19-14(i)', since: '2026-10-01' }]);
  });

  it('ends the card under (i) on naturalisation: no longer a foreign national (Art. 19-14(i), 2(ii))', () => {
    const events = [...permanentResident('WX00003301YZ', '2026-01-05'), japaneseNationalityAcquired({ acquiredOn: '2030-04-01' })];
    expect(at(events, '2030-04-01').card?.invalidity).toEqual([{ item: '19-14(i)', since: '2030-04-01' }]);
  });

  it('treats a card issued to a person who is not an MLTR as without effect from issue under (i) (Art. 19-14(i), 19-3)', () => {
    const events = [
      landingPermitted({ grant: { status: 'temporary-visitor', periodOfStay: 'P90D', expiresOn: '2026-04-09' } }),
      residenceCardIssued({ printedValidUntil: '2026-04-09' }),
    ];
    expect(at(events, '2026-01-10').card?.invalidity).toEqual([{ item: '19-14(i)', since: '2026-01-10' }]);
  });
});
