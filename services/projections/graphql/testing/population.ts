import { randomUUID } from 'node:crypto';
import { toStoredEvent } from '../../../../events/parse.js';
import type { ResidentEvent } from '../../../../events/catalogue.js';
import { toJsonObject } from '../../../register/application/idempotency.js';
import type { EventStore } from '../../../register/store/port.js';
import {
  landingPermitted, residenceAddressNotified, residenceCardIssued, residentRecordEntered, PERSON,
} from '../../../../testing/events.js';
import { recordedOn, type Recorded } from '../../../../testing/facts.js';
import { OTA_ADDRESS, SETAGAYA, SETAGAYA_ADDRESS, s28MovedOutWithoutNewResidence } from '../../../../testing/scenario-fixtures.js';

/** A small seeded population for the GraphQL tests; "today" is 2026-09-01 (JST). */

export const TODAY = '2026-09-01';
export const NOW = '2026-09-01T03:00:00Z';

export const ENGINEER = '11111111-1111-4111-8111-111111111111';
export const MOVED_OUT = '22222222-2222-4222-8222-222222222222';
export const NEVER_NOTIFIED = '33333333-3333-4333-8333-333333333333';
export const UNNOTIFIED_ENTRY = '44444444-4444-4444-8444-444444444444';
export const OVERSTAYED = '55555555-5555-4555-8555-555555555555';
export const UNKNOWN_RESIDENT = '99999999-9999-4999-8999-999999999999';

export const CARDS = {
  engineer: 'AB00000101CD', movedOut: 'LM00002801NP', neverNotified: 'CD00000301EF', unnotifiedEntry: 'GH00000401IJ', overstayed: 'KL00000501MN',
} as const;

/** S01: an Engineer in Chiyoda with a valid card and a notified residence. */
const engineer = (): Recorded[] => [
  recordedOn('2026-01-10', landingPermitted()),
  recordedOn('2026-01-10', residenceCardIssued()),
  recordedOn('2026-01-30', residenceAddressNotified()),
];

/** S28: moved out of Shinjuku on 2026-05-01 without a new residence: ground (ix) (Art. 22-4(1)(ix)). */
const movedOut = (): Recorded[] => [
  landingPermitted({
    permittedOn: '2025-04-01', person: { ...PERSON, name: 'SANTOS MARIA', sex: 'female', nationality: 'PHL' },
    grant: { status: 'engineer-specialist', periodOfStay: 'P3Y', expiresOn: '2028-04-01' },
  }),
  ...s28MovedOutWithoutNewResidence().slice(1), // S28's landing, with another person's particulars
];

/** A student who never notified a residence after landing: ground (viii) (Art. 22-4(1)(viii)). */
const neverNotified = (): Recorded[] => [
  recordedOn('2026-03-02', landingPermitted({
    permittedOn: '2026-03-02', person: { name: 'LI WEI', dateOfBirth: '2003-07-01', sex: 'male', nationality: 'CHN' },
    grant: { status: 'student', periodOfStay: 'P1Y', expiresOn: '2027-03-02' },
  })),
  recordedOn('2026-03-02', residenceCardIssued({ cardNumber: CARDS.neverNotified, issuedOn: '2026-03-02', printedValidUntil: '2027-03-02' })),
];

/** Entered in Setagaya's resident record without a residence notification: 19-7 overdue. */
const unnotifiedEntry = (): Recorded[] => [
  recordedOn('2026-04-01', landingPermitted({
    permittedOn: '2026-04-01', person: { name: 'RAI BINOD', dateOfBirth: '1990-02-02', sex: 'male', nationality: 'NPL' },
    grant: { status: 'engineer-specialist', periodOfStay: 'P1Y', expiresOn: '2027-04-01' },
  })),
  recordedOn('2026-04-01', residenceCardIssued({ cardNumber: CARDS.unnotifiedEntry, issuedOn: '2026-04-01', printedValidUntil: '2027-04-01' })),
  recordedOn('2026-04-06', residentRecordEntered({
    address: SETAGAYA_ADDRESS, residenceEstablishedOn: '2026-04-05', enteredOn: '2026-04-06', relayId: `relay-${SETAGAYA}-0401`,
  })),
];

/** A one-year stay that ended on 2025-06-01: overstay, card without effect (Art. 19-14). */
const overstayed = (): Recorded[] => [
  recordedOn('2024-06-01', landingPermitted({
    permittedOn: '2024-06-01', person: { name: 'SARI DEWI', dateOfBirth: '1998-12-12', sex: 'female', nationality: 'IDN' },
    grant: { status: 'engineer-specialist', periodOfStay: 'P1Y', expiresOn: '2025-06-01' },
  })),
  recordedOn('2024-06-01', residenceCardIssued({ cardNumber: CARDS.overstayed, issuedOn: '2024-06-01', printedValidUntil: '2025-06-01' })),
  recordedOn('2024-06-10', residenceAddressNotified({ address: OTA_ADDRESS, movedInOn: '2024-06-05', notifiedOn: '2024-06-10', relayId: 'relay-131113-0501' })),
];

export const POPULATION: Readonly<Record<string, () => Recorded[]>> = {
  [ENGINEER]: engineer, [MOVED_OUT]: movedOut, [NEVER_NOTIFIED]: neverNotified, [UNNOTIFIED_ENTRY]: unnotifiedEntry, [OVERSTAYED]: overstayed,
};

/** The builders' events belong to testing's RESIDENT_ID; toStoredEvent parses the copy again. */
const forResident = (residentId: string, event: ResidentEvent): ResidentEvent => ({ ...event, data: { ...event.data, residentId } }) as ResidentEvent;

/** Appends one resident's history to the store as the command path would: parsed, stamped, recorded at its instant. */
export const appendHistory = async (store: EventStore, residentId: string, history: readonly Recorded[]): Promise<void> => {
  const events = history.map((item) => {
    const { event, recordedAt } = 'event' in item ? item : { event: item, recordedAt: '2000-01-01T00:00:00Z' };
    const stored = toStoredEvent(forResident(residentId, event), {
      recordedAt, correlationId: 'seed', causationId: 'seed', source: { kind: 'officer', officerId: 'officer-seed' },
    });
    return { id: randomUUID(), type: stored.type, data: toJsonObject(stored.data), metadata: toJsonObject(stored.metadata) };
  });
  await store.append(`resident-${residentId}`, events, 'any');
};

export const seedPopulation = async (store: EventStore): Promise<void> => {
  for (const [residentId, history] of Object.entries(POPULATION)) await appendHistory(store, residentId, history());
};
