import { describe, expect, it } from 'vitest';
import {
  applicationFiled, departureConfirmed, landingPermitted, reentered, residenceAddressNotified, residenceCardIssued, residentRecordEntered,
  statusPermissionGranted,
} from '../../../../testing/events.js';
import { history, recordedOn } from '../../../../testing/facts.js';
import { OTA_ADDRESS, SHINJUKU_ADDRESS } from '../../../../testing/scenario-fixtures.js';
import { obligation, q, watch } from '../../../../testing/status-queries.js';

// scenarios.md section E — departure and re-entry.

const specialReentryDeparture = (departedOn: string) =>
  departureConfirmed({ departedOn, port: 'Narita Airport', reentry: { kind: 'special-reentry' }, travelDocument: 'passport' });
const permanentResident = (grantedOn: string, cardNumber: string, printedValidUntil: string) => [
  statusPermissionGranted({ kind: 'permanent-residence', grantedOn, applicationId: undefined, grant: { status: 'permanent-resident', periodOfStay: 'indefinite', expiresOn: null } }),
  residenceCardIssued({ cardNumber, issuedOn: grantedOn, printedValidUntil, reason: 'permanent-residence' }),
];

describe('S37 — Departure without any re-entry permit (Arts. 25, 19-14(iii), 19-15(2), REG-3)', () => {
  // Reconstructed: landing 2026-03-31, a notified residence, and (to have an obligation not yet due at
  // the departure) a move into Ota-ku on 2026-07-30 known from a resident-record entry: 19-9 due 2026-08-13.
  const before = [
    landingPermitted({ permittedOn: '2026-03-31', grant: { status: 'student', periodOfStay: 'P1Y', expiresOn: '2027-03-31' } }),
    residenceCardIssued({ cardNumber: 'ZA00003701BC', issuedOn: '2026-03-31', printedValidUntil: '2027-03-31' }),
    residenceAddressNotified({ basis: '19-7', address: SHINJUKU_ADDRESS, movedInOn: '2026-04-02', notifiedOn: '2026-04-06', relayId: 'relay-131041-3701' }),
    residentRecordEntered({ reason: 'moving-in-without-card', address: OTA_ADDRESS, residenceEstablishedOn: '2026-07-30', enteredOn: '2026-07-30', relayId: 'relay-131113-3702' }),
    departureConfirmed({ departedOn: '2026-08-05', port: 'Kansai International Airport', reentry: { kind: 'none' }, travelDocument: 'passport' }),
  ];
  const facts = history(...before);

  it('Q 2026-08-05: status ended at the departure; not an MLTR (Art. 25, MLTR-3)', () => {
    const status = q(facts, '2026-08-05');
    expect(status.stay).toMatchObject({ kind: 'ended', reason: 'DEPARTED_WITHOUT_REENTRY_PERMIT', since: '2026-08-05' });
    expect(status.midToLongTermResident.is).toBe(false);
  });
  it('Q 2026-08-05: card invalid since 2026-08-05 (Art. 19-14(iii), INV-1)', () => {
    expect(q(facts, '2026-08-05').card?.invalidity[0]).toEqual({ item: '19-14(iii)', since: '2026-08-05' });
  });
  it('Q 2026-08-05: card to be returned immediately (Art. 19-15(2), INV-2)', () => {
    expect(obligation(q(facts, '2026-08-05'), '19-15', { subject: 'ZA00003701BC' })).toMatchObject({ immediately: true });
  });
  it('Q 2026-08-05: 19-9, not yet due (2026-08-13), is closedByDeparture (REG-3)', () => {
    expect(obligation(q(facts, '2026-08-05'), '19-9')).toMatchObject({ state: 'closedByDeparture', deadline: { effective: '2026-08-13' } });
  });

  describe('Variant: a later arrival is a new landing', () => {
    const again = history(
      ...before,
      landingPermitted({ permittedOn: '2026-12-01', grant: { status: 'student', periodOfStay: 'P1Y', expiresOn: '2027-12-01' } }),
      residenceCardIssued({ cardNumber: 'ZA00003702BC', issuedOn: '2026-12-01', printedValidUntil: '2027-12-01' }),
    );

    it('Q 2026-12-01: new card ZA00003702BC; MLTR anew since 2026-12-01 (MLTR-2, CARD-2)', () => {
      const status = q(again, '2026-12-01');
      expect(status.card).toMatchObject({ cardNumber: 'ZA00003702BC', valid: true });
      expect(status.midToLongTermResident).toMatchObject({ is: true, since: '2026-12-01', newlyBy: 'landing' });
    });
    it('Q 2026-12-01: new 19-7 and (viii) clocks from the new landing (Arts. 19-7(1), 22-4(1)(viii))', () => {
      const status = q(again, '2026-12-01');
      expect(status.obligations).toContainEqual(expect.objectContaining({ duty: '19-7', state: 'open', clockStartedOn: null }));
      expect(watch(status, 'viii')).toMatchObject({ clockStartedOn: '2026-12-01', day90: { nominal: '2027-03-01' } });
    });
  });
});

describe('S39 — Deemed re-entry: still abroad after one year (Arts. 26-2(2),(3), 19-14(iv), 19-15(1), DRP-1)', () => {
  // The S08 Permanent Resident (held back), reconstructed from its card: issued 2026-03-02, valid through 2033-03-01.
  const facts = history(...permanentResident('2026-03-02', 'HJ00000801KL', '2033-03-01'), specialReentryDeparture('2026-03-10'));

  it('Q 2027-03-10: deemed re-entry valid through 2027-03-10 — no period-of-stay cap for a PR (Art. 26-2(2), DRP-1)', () => {
    expect(q(facts, '2027-03-10').travel).toMatchObject({ abroad: true, departedOn: '2026-03-10', returnBy: '2027-03-10' });
  });
  it('Q 2027-03-10: PR and MLTR while abroad; card valid (MLTR-3, Art. 19-14(iv))', () => {
    const status = q(facts, '2027-03-10');
    expect(status.stay).toMatchObject({ kind: 'status', status: 'permanent-resident' });
    expect(status.midToLongTermResident.is).toBe(true);
    expect(status.card).toMatchObject({ cardNumber: 'HJ00000801KL', valid: true });
  });
  it('Q 2027-03-11: permanent residence lost; not an MLTR (Art. 26-2(2), MLTR-3)', () => {
    const status = q(facts, '2027-03-11');
    expect(status.stay).toMatchObject({ kind: 'ended', reason: 'REENTRY_PERMIT_LAPSED', since: '2027-03-11' });
    expect(status.midToLongTermResident.is).toBe(false);
  });
  it('Q 2027-03-11: card invalid since 2027-03-11 (Art. 19-14(iv), INV-1)', () => {
    expect(q(facts, '2027-03-11').card?.invalidity[0]).toEqual({ item: '19-14(iv)', since: '2027-03-11' });
  });
  it('Q 2027-03-11: card return due 2027-03-25 (Art. 19-15(1), INV-2)', () => {
    expect(obligation(q(facts, '2027-03-11'), '19-15', { subject: 'HJ00000801KL' })).toMatchObject({ deadline: { nominal: '2027-03-25', effective: '2027-03-25' } });
  });
});

describe('S41 — Departure on 28 February: one year ends on 29 February (Art. 26-2(2), DT-3)', () => {
  const abroad = [...permanentResident('2025-07-01', 'BC00004101DE', '2032-06-30'), specialReentryDeparture('2027-02-28')];

  it('Q 2027-03-01: deemed re-entry valid through 2028-02-29, not 2028-02-28 (Art. 26-2(2), DT-3)', () => {
    expect(q(history(...abroad), '2027-03-01').travel).toMatchObject({ abroad: true, returnBy: '2028-02-29' });
  });
  it('Q 2028-02-29, still abroad: card valid, MLTR (Arts. 19-14(iv), 26-2(2))', () => {
    const status = q(history(...abroad), '2028-02-29');
    expect(status.card).toMatchObject({ cardNumber: 'BC00004101DE', valid: true });
    expect(status.midToLongTermResident.is).toBe(true);
  });
  it('re-entry on 2028-02-29 is in time: Q 2028-03-01 status continues, card valid (Art. 26-2(2), DRP-1)', () => {
    const status = q(history(...abroad, reentered({ reenteredOn: '2028-02-29', reentry: 'special-reentry' })), '2028-03-01');
    expect(status.stay).toMatchObject({ kind: 'status', status: 'permanent-resident' });
    expect(status.travel.abroad).toBe(false);
    expect(status.card?.valid).toBe(true);
  });
  it('re-entry on 2028-03-01 is too late: Q 2028-03-01 status lost, card invalid since 2028-03-01 (Arts. 26-2(2), 19-14(iv))', () => {
    const status = q(history(...abroad, reentered({ reenteredOn: '2028-03-01', reentry: 'special-reentry' })), '2028-03-01');
    expect(status.stay).toMatchObject({ kind: 'ended', reason: 'REENTRY_PERMIT_LAPSED', since: '2028-03-01' });
    expect(status.card?.invalidity[0]).toEqual({ item: '19-14(iv)', since: '2028-03-01' });
  });
});

describe('S43 — Deemed re-entry while an extension is pending (Arts. 20(6), 26-2(2), 24(iv)(b), 19-14(ii),(iv), reading #15)', () => {
  const pending = [
    landingPermitted({ permittedOn: '2025-08-31', grant: { status: 'engineer-specialist', periodOfStay: 'P1Y', expiresOn: '2026-08-31' } }),
    residenceCardIssued({ cardNumber: 'CD00004301EF', issuedOn: '2025-08-31', printedValidUntil: '2026-08-31' }),
    applicationFiled({ applicationId: 'APP-S43', kind: 'extension', filedOn: '2026-08-20' }),
    specialReentryDeparture('2026-09-05'),
  ];
  const facts = history(...pending);

  it('Q 2026-09-01: special period until the decision or the end of 2026-10-31 (Art. 20(6), APP-3)', () => {
    expect(q(facts, '2026-09-01').stay).toMatchObject({ kind: 'status', specialPeriod: { limit: '2026-10-31' } });
  });
  it('Q 2026-09-05: deemed re-entry valid at the latest through 2026-10-31, the end of the special period (Art. 26-2(2), reading #15)', () => {
    expect(q(facts, '2026-09-05').travel).toMatchObject({ abroad: true, returnBy: '2026-10-31' });
  });

  describe('Variant A: re-enters 2026-10-20; extension granted 2026-10-27 with a new card', () => {
    const a = history(
      ...pending,
      reentered({ reenteredOn: '2026-10-20', reentry: 'special-reentry' }),
      recordedOn('2026-10-27', statusPermissionGranted({ kind: 'extension', grantedOn: '2026-10-27', applicationId: 'APP-S43', grant: { status: 'engineer-specialist', periodOfStay: 'P1Y', expiresOn: '2027-08-31' } })),
      recordedOn('2026-10-27', residenceCardIssued({ cardNumber: 'CD00004302EF', issuedOn: '2026-10-27', printedValidUntil: '2027-08-31', reason: 'extension' })),
    );

    it('Q 2026-10-20: back in Japan within the special period (Arts. 20(6), 26-2(2))', () => {
      const status = q(a, '2026-10-20');
      expect(status.stay).toMatchObject({ kind: 'status', specialPeriod: { limit: '2026-10-31' } });
      expect(status.travel.abroad).toBe(false);
    });
    it('Q 2026-10-27: continuous lawful stay — extended, MLTR since the 2025-08-31 landing, new card valid (Arts. 21(4), 20(5))', () => {
      const status = q(a, '2026-10-27');
      expect(status.stay).toMatchObject({ kind: 'status', grantedOn: '2026-10-27', expiresOn: '2027-08-31' });
      expect(status.midToLongTermResident).toMatchObject({ is: true, since: '2025-08-31' });
      expect(status.card).toMatchObject({ cardNumber: 'CD00004302EF', valid: true });
    });
  });

  describe('Variant B: still abroad and undecided on 2026-11-01', () => {
    it('Q 2026-11-01: card invalid since 2026-11-01 (Art. 19-14(ii)/(iv), INV-1)', () => {
      const first = q(facts, '2026-11-01').card?.invalidity[0];
      expect(first?.since).toBe('2026-11-01');
      expect(['19-14(ii)', '19-14(iv)']).toContain(first?.item);
    });
    it('Q 2026-11-01: status lost; not an MLTR (Arts. 24(iv)(b), 26-2(2), MLTR-3)', () => {
      const status = q(facts, '2026-11-01');
      expect(status.stay).toMatchObject({ kind: 'ended', since: '2026-11-01' });
      expect(status.midToLongTermResident.is).toBe(false);
    });
  });
});
