import type { CommandType } from '../../domain/commands.js';

/**
 * The README's examples: a realistic sequence of every command against a real server. Dates follow
 * the law (14-day duties met, permits valid); each step is recorded at 10:00 JST of its legal date.
 */

export interface DocStep {
  readonly residentId: string;
  readonly command: CommandType;
  /** recordedAt of the events: the fixed clock at this step. */
  readonly at: string;
  readonly body: Readonly<Record<string, unknown>>;
  /** Shown in the README; a step that only sets the scene (a second card, say) is not. */
  readonly shown: boolean;
}

export const RESIDENTS = {
  an: '7d1e4b2a-3c5f-4e8a-9b6d-0f2a4c6e8b10', // engineer: the life of one record
  hoa: '2a9c7e5b-1d3f-4a6b-8c0e-5f7a9b1d3e22', // specified skilled worker: a cancellation
  khoa: '5e3a1c9d-7b2f-4d6e-8a0c-3b5d7f9e1a33', // a child: a card that ends on the 16th birthday
  maria: '9b7d5f3a-1e2c-4b8d-a6f0-7c9e1a3b5d44', // spouse of a Japanese national: naturalisation
} as const;

const step =
  (residentId: string) =>
  (command: CommandType, on: string, body: Record<string, unknown>, shown = true): DocStep => ({
    residentId, command, at: `${on}T01:00:00Z`, body, shown,
  });
const an = step(RESIDENTS.an);
const hoa = step(RESIDENTS.hoa);
const khoa = step(RESIDENTS.khoa);
const maria = step(RESIDENTS.maria);

const EMPLOYER = { name: 'Example Systems K.K.', address: '2-2-2 Otemachi, Chiyoda-ku, Tokyo', corporateNumber: '1234567890123' };
const CHIYODA = { municipalityCode: '131016', line: '1-1-1 Chiyoda, Chiyoda-ku, Tokyo', postalCode: '100-0001' };
const SHINJUKU = { municipalityCode: '131041', line: '3-4-5 Nishi-Shinjuku, Shinjuku-ku, Tokyo', postalCode: '160-0023' };
const counter = { channel: 'counter', filedBy: 'self' };

const landing = (permittedOn: string, port: string, person: object, grant: object) => ({ permittedOn, port, person, grant });
const card = (cardNumber: string, issuedOn: string, printedValidUntil: string, reason: string) => ({ cardNumber, issuedOn, printedValidUntil, channel: 'counter', reason });

export const DOC_STEPS: readonly DocStep[] = [
  an('PermitLanding', '2026-01-10', landing('2026-01-10', 'Narita Airport',
    { name: 'NGUYEN VAN AN', dateOfBirth: '1995-04-12', sex: 'male', nationality: 'VNM' },
    { status: 'engineer-specialist', periodOfStay: 'P3Y', expiresOn: '2029-01-10' })),
  an('IssueResidenceCard', '2026-01-10', card('AB12345678CD', '2026-01-10', '2029-01-10', 'landing')),
  an('ReportAcceptingInstitution', '2026-01-20', { kind: 'acceptance-started', occurredOn: '2026-01-15', reportedOn: '2026-01-20', organization: EMPLOYER }),
  an('NotifyResidenceAddress', '2026-01-30', {
    basis: '19-7', address: CHIYODA, movedInOn: '2026-01-25', notifiedOn: '2026-01-30', cardPresented: true, relayId: 'relay-131016-2026-000123', filedBy: 'self',
  }),
  an('NotifyAffiliation', '2026-03-10', {
    category: 'contract-institution', event: 'relocated', occurredOn: '2026-03-02', notifiedOn: '2026-03-10',
    organization: EMPLOYER, newOrganization: { ...EMPLOYER, address: '1-9-1 Marunouchi, Chiyoda-ku, Tokyo' },
  }),
  an('ReportCardLost', '2026-05-12', { cardNumber: 'AB12345678CD', cause: 'loss', learnedOn: '2026-05-10', learnedAbroad: false, reportedOn: '2026-05-12' }),
  an('FileApplication', '2026-05-20', { applicationId: 'APP-2026-0101', kind: 'card-reissue', filedOn: '2026-05-20', ...counter }, false),
  an('ReissueResidenceCard', '2026-05-20', { ...card('AB12345679CD', '2026-05-20', '2029-01-10', 'loss'), filedBy: 'self', applicationId: 'APP-2026-0101' }),
  an('DecideApplication', '2026-05-20', { applicationId: 'APP-2026-0101', decidedOn: '2026-05-20', outcome: 'granted' }, false),
  an('RecordCardFound', '2026-06-03', { cardNumber: 'AB12345678CD', foundOn: '2026-06-03' }),
  an('RecordCardReturned', '2026-06-10', { cardNumber: 'AB12345678CD', returnedOn: '2026-06-10', returnedBy: 'holder' }),
  an('OrderCardReissue', '2026-08-03', { cardNumber: 'AB12345679CD', orderReceivedOn: '2026-08-03' }),
  an('ReissueResidenceCard', '2026-08-10', { ...card('AB12345680CD', '2026-08-10', '2029-01-10', 'ordered'), filedBy: 'self' }, false),
  an('GrantReentryPermit', '2026-09-01', { permitId: 'RP-2026-0042', grantedOn: '2026-09-01', effectiveOn: '2026-09-01', validUntil: '2027-08-31', multiple: true }),
  an('RecordMoveOut', '2026-09-10', {
    municipalityCode: '131016', movedOutOn: '2026-09-14', reason: 'moving-out-abroad-notice', relayId: 'relay-131016-2026-000456', notifiedOn: '2026-09-10',
  }),
  an('ConfirmDeparture', '2026-09-15', { departedOn: '2026-09-15', port: 'Narita Airport', reentry: { kind: 'reentry-permit', permitId: 'RP-2026-0042' }, travelDocument: 'passport' }),
  an('RecordJustifiableReason', '2026-12-20', { ground: 'ix', reason: 'abroad-on-reentry-permit', decidedOn: '2026-12-20' }),
  an('ExtendReentryPermit', '2027-08-20', { permitId: 'RP-2026-0042', extendedOn: '2027-08-20', validUntil: '2028-02-29', basis: '26(5)-consular' }),
  an('RecordReentry', '2027-12-01', { reenteredOn: '2027-12-01', port: 'Kansai Airport', reentry: 'reentry-permit', permitId: 'RP-2026-0042' }),
  an('RecordResidentRecordEntry', '2027-12-06', {
    reason: 'moving-in-without-card', address: { ...SHINJUKU, line: '3-4-5 Nishi-Shinjuku, Shinjuku-ku' }, residenceEstablishedOn: '2027-12-05',
    enteredOn: '2027-12-06', relayId: 'relay-131041-2027-000789',
  }),
  an('CorrectResidenceAddress', '2027-12-08', {
    correctsRelayId: 'relay-131041-2027-000789', correction: { kind: 'amended', address: SHINJUKU }, correctedOn: '2027-12-08', relayId: 'relay-131041-2027-000790',
  }),
  an('NotifyResidenceAddress', '2027-12-15', {
    basis: '19-9', address: SHINJUKU, movedInOn: '2027-12-05', notifiedOn: '2027-12-15', cardPresented: true, relayId: 'relay-131041-2027-000801', filedBy: 'self',
  }, false),
  an('FileApplication', '2028-11-20', {
    applicationId: 'APP-2028-0007', kind: 'extension', filedOn: '2028-11-20', channel: 'online', filedBy: 'self',
    requested: { status: 'engineer-specialist', periodOfStay: 'P5Y' },
  }),
  an('DecideApplication', '2029-01-08', { applicationId: 'APP-2028-0007', decidedOn: '2029-01-08', outcome: 'granted' }),
  an('GrantStatusPermission', '2029-01-08', {
    kind: 'extension', grantedOn: '2029-01-08', applicationId: 'APP-2028-0007', notifiedBy: 'residence-card',
    grant: { status: 'engineer-specialist', periodOfStay: 'P5Y', expiresOn: '2034-01-10', attributes: {} },
  }),
  an('IssueResidenceCard', '2029-01-08', { ...card('AB12345681CD', '2029-01-08', '2034-01-10', 'extension'), applicationId: 'APP-2028-0007' }, false),
  an('RecordDeath', '2030-03-16', { diedOn: '2030-03-14' }),
  an('RecordCardReturned', '2030-03-25', { cardNumber: 'AB12345681CD', returnedOn: '2030-03-25', returnedBy: 'relative' }, false),

  hoa('PermitLanding', '2026-04-01', landing('2026-04-01', 'Kansai Airport',
    { name: 'TRAN THI HOA', dateOfBirth: '1999-11-03', sex: 'female', nationality: 'VNM' },
    { status: 'specified-skilled-worker-i', periodOfStay: 'P1Y', expiresOn: '2027-04-01' }), false),
  hoa('IssueResidenceCard', '2026-04-01', card('CD23456789EF', '2026-04-01', '2027-04-01', 'landing'), false),
  hoa('ReportSpecifiedSkilledWorkerOrganization', '2026-07-10', {
    item: '19-18(1)(i)', kind: 'contract-terminated', occurredOn: '2026-06-30', reportedOn: '2026-07-10',
    organization: { name: 'Naniwa Care Services K.K.', address: '4-1-1 Umeda, Kita-ku, Osaka' },
  }),
  hoa('ServeHearingNotice', '2026-10-15', { servedOn: '2026-10-15', method: 'hand', hearingOn: '2026-10-29', grounds: ['vi'] }),
  hoa('CancelStatusOfResidence', '2026-11-05', { cancelledOn: '2026-11-05', grounds: ['vi'], departBy: '2026-12-04' }),

  khoa('PermitLanding', '2026-03-28', landing('2026-03-28', 'Haneda Airport',
    { name: 'LE MINH KHOA', dateOfBirth: '2010-07-20', sex: 'male', nationality: 'VNM' },
    { status: 'dependent', periodOfStay: 'P3Y', expiresOn: '2029-03-28', attributes: { familyRelation: 'child' } }), false),
  khoa('IssueResidenceCard', '2026-03-28', card('EF34567890GH', '2026-03-28', '2026-07-20', 'landing'), false),
  khoa('FileApplication', '2026-06-15', { applicationId: 'APP-2026-0555', kind: 'card-renewal', filedOn: '2026-06-15', channel: 'counter', filedBy: 'legal-representative' }, false),
  khoa('RenewResidenceCard', '2026-07-01', { cardNumber: 'EF34567891GH', issuedOn: '2026-07-01', printedValidUntil: '2029-03-28', channel: 'counter', filedBy: 'legal-representative', applicationId: 'APP-2026-0555' }),

  maria('PermitLanding', '2026-02-01', landing('2026-02-01', 'Chubu Centrair Airport',
    { name: 'MARIA SANTOS', dateOfBirth: '1990-02-14', sex: 'female', nationality: 'PHL' },
    { status: 'spouse-or-child-of-japanese-national', periodOfStay: 'P3Y', expiresOn: '2029-02-01', attributes: { familyRelation: 'spouse-of-japanese-national' } }), false),
  maria('IssueResidenceCard', '2026-02-01', card('GH45678901IJ', '2026-02-01', '2029-02-01', 'landing'), false),
  maria('NotifyIdentityChange', '2026-06-10', { changedOn: '2026-06-01', notifiedOn: '2026-06-10', changes: { name: 'MARIA SANTOS TANAKA' } }),
  maria('IssueResidenceCard', '2026-06-10', card('GH45678902IJ', '2026-06-10', '2029-02-01', 'identity-change'), false),
  maria('RecordNaturalisation', '2029-01-15', { acquiredOn: '2029-01-15' }),
];
