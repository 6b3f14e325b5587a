import { randomUUID } from 'node:crypto';
import type { ResidentEvent } from '../../../events/catalogue.js';
import { toStoredEvent } from '../../../events/parse.js';
import type { Instant } from '../../../events/values.js';
import type { EventStore, JsonObject, NewEvent } from '../../register/store/port.js';
import {
  applicationFiled, departureConfirmed, identityParticularsChanged, landingPermitted, reentered, residenceAddressNotified,
  residenceAddressVacated, residenceCardIssued, residentDied, statusPermissionGranted, CHIYODA_ADDRESS,
} from '../../../testing/events.js';
import { SHINJUKU, SHINJUKU_ADDRESS } from '../../../testing/scenario-fixtures.js';

/** Residents of the projection tests; each history is the resident's stream in order, with recording times. */
export const ANNA = 'a0000000-0000-4000-8000-000000000001';
export const BORIS = 'b0000000-0000-4000-8000-000000000002';
export const CHEN = 'c0000000-0000-4000-8000-000000000003';
export const DARIA = 'd0000000-0000-4000-8000-000000000004';
export const EMIL = 'e0000000-0000-4000-8000-000000000005';
export const FUMI = 'f0000000-0000-4000-8000-000000000006';

export interface Step {
  readonly event: ResidentEvent;
  readonly recordedAt: Instant;
}

const at = (date: string, event: ResidentEvent): Step => ({ event, recordedAt: `${date}T10:00:00+09:00` });
const engineer = (expiresOn: string) => ({ status: 'engineer-specialist', periodOfStay: 'P1Y', expiresOn }) as const;

/** Lands on 2026-01-10, notifies Chiyoda in time, moves to Shinjuku, files for an extension, is granted it. */
const anna = (residentId = ANNA): Step[] => [
  at('2026-01-10', landingPermitted({ residentId, permittedOn: '2026-01-10', grant: engineer('2027-01-10') })),
  at('2026-01-10', residenceCardIssued({ residentId, cardNumber: 'AA00000001AA', issuedOn: '2026-01-10', printedValidUntil: '2027-01-10' })),
  at('2026-01-30', residenceAddressNotified({ residentId, movedInOn: '2026-01-25', notifiedOn: '2026-01-30', relayId: 'relay-a-1' })),
  at('2026-05-29', residenceAddressVacated({ residentId, movedOutOn: '2026-05-31', notifiedOn: '2026-05-29', relayId: 'relay-a-2' })),
  at('2026-06-05', residenceAddressNotified({
    residentId, basis: '19-9', address: SHINJUKU_ADDRESS, movedInOn: '2026-06-01', notifiedOn: '2026-06-05', relayId: 'relay-a-3',
  })),
  at('2026-12-10', applicationFiled({ residentId, applicationId: 'APP-A-1', filedOn: '2026-12-10' })),
];

/** Lands and gets a card, and never notifies a residence: 19-7 never starts, ground (viii) arises (Art. 22-4(1)(viii)). */
const boris = (residentId = BORIS): Step[] => [
  at('2026-02-02', landingPermitted({ residentId, permittedOn: '2026-02-02', grant: engineer('2027-02-02'), person: { nationality: 'CHN' } })),
  at('2026-02-02', residenceCardIssued({ residentId, cardNumber: 'BB00000002BB', issuedOn: '2026-02-02', printedValidUntil: '2027-02-02' })),
];

/** Lands, notifies Shinjuku, leaves on a special re-entry permit and comes back, changes nationality. */
const chen = (residentId = CHEN): Step[] => [
  at('2026-01-20', landingPermitted({ residentId, permittedOn: '2026-01-20', grant: engineer('2027-01-20'), person: { nationality: 'TWN' } })),
  at('2026-01-20', residenceCardIssued({ residentId, cardNumber: 'CC00000003CC', issuedOn: '2026-01-20', printedValidUntil: '2027-01-20' })),
  at('2026-01-28', residenceAddressNotified({
    residentId, address: SHINJUKU_ADDRESS, movedInOn: '2026-01-22', notifiedOn: '2026-01-28', relayId: 'relay-c-1',
  })),
  at('2026-03-01', departureConfirmed({ residentId, departedOn: '2026-03-01' })),
  at('2026-04-10', reentered({ residentId, reenteredOn: '2026-04-10' })),
  at('2026-04-20', identityParticularsChanged({ residentId, changedOn: '2026-04-15', notifiedOn: '2026-04-20', changes: { nationality: 'KOR' } })),
];

/** Lands in Chiyoda, notifies, dies (Art. 19-14(vi)). */
const daria = (residentId = DARIA): Step[] => [
  at('2026-01-12', landingPermitted({ residentId, permittedOn: '2026-01-12', grant: engineer('2027-01-12') })),
  at('2026-01-12', residenceCardIssued({ residentId, cardNumber: 'DD00000004DD', issuedOn: '2026-01-12', printedValidUntil: '2027-01-12' })),
  at('2026-01-20', residenceAddressNotified({ residentId, address: CHIYODA_ADDRESS, movedInOn: '2026-01-15', notifiedOn: '2026-01-20', relayId: 'relay-d-1' })),
  at('2026-05-02', residentDied({ residentId, diedOn: '2026-05-01' })),
];

/** Notifies Shinjuku, moves out without a new residence (ground (ix) from day 91, Art. 22-4(1)(ix)), extends early. */
const emil = (residentId = EMIL): Step[] => [
  at('2025-04-01', landingPermitted({ residentId, permittedOn: '2025-04-01', grant: { status: 'engineer-specialist', periodOfStay: 'P3Y', expiresOn: '2028-04-01' } })),
  at('2025-04-01', residenceCardIssued({ residentId, cardNumber: 'EE00000005EE', issuedOn: '2025-04-01', printedValidUntil: '2028-04-01' })),
  at('2025-04-08', residenceAddressNotified({ residentId, address: SHINJUKU_ADDRESS, movedInOn: '2025-04-03', notifiedOn: '2025-04-08', relayId: 'relay-e-1' })),
  at('2026-05-08', residenceAddressVacated({
    residentId, municipalityCode: SHINJUKU, movedOutOn: '2026-05-01', reason: 'moving-out-notice', notifiedOn: '2026-05-01', relayId: 'relay-e-2',
  })),
  at('2026-06-01', statusPermissionGranted({
    residentId, kind: 'change-of-status', grantedOn: '2026-06-01', applicationId: 'APP-E-1',
    grant: { status: 'business-manager', periodOfStay: 'P1Y', expiresOn: '2027-06-01' },
  })),
];

/** A child granted permanent residence: the card is valid until the 16th birthday, renewable 6 months before (Art. 19-11). */
const fumi = (residentId = FUMI): Step[] => [
  at('2026-05-11', statusPermissionGranted({
    residentId, kind: 'permanent-residence', grantedOn: '2026-05-11', applicationId: undefined,
    person: { name: 'TRAN THI MAI', dateOfBirth: '2015-08-20', sex: 'female', nationality: 'VNM' },
    grant: { status: 'permanent-resident', periodOfStay: 'indefinite', expiresOn: null },
  })),
  at('2026-05-11', residenceCardIssued({
    residentId, cardNumber: 'FF00000006FF', issuedOn: '2026-05-11', printedValidUntil: '2031-08-20', reason: 'permanent-residence',
  })),
  at('2026-05-20', residenceAddressNotified({ residentId, basis: '19-8', movedInOn: '2026-05-11', notifiedOn: '2026-05-20', relayId: 'relay-f-1' })),
];

/** Six residents whose streams interleave in the log as a day's relays and officers' records would. */
export const realisticHistories = (): ReadonlyMap<string, readonly Step[]> =>
  new Map([[ANNA, anna()], [BORIS, boris()], [CHEN, chen()], [DARIA, daria()], [EMIL, emil()], [FUMI, fumi()]]);

/** The histories interleaved by recording time (stable within a resident), as one log. */
export const interleaved = (histories: ReadonlyMap<string, readonly Step[]>): { residentId: string; step: Step }[] =>
  [...histories].flatMap(([residentId, steps]) => steps.map((step) => ({ residentId, step })))
    .sort((a, b) => (a.step.recordedAt < b.step.recordedAt ? -1 : a.step.recordedAt > b.step.recordedAt ? 1 : 0));

export const toNewEvent = (step: Step): NewEvent => {
  const stored = toStoredEvent(step.event, {
    recordedAt: step.recordedAt, correlationId: 'projection-test', causationId: 'projection-test', source: { kind: 'officer', officerId: 'officer-1' },
  });
  return { id: randomUUID(), type: stored.type, data: stored.data as JsonObject, metadata: stored.metadata as JsonObject };
};

/** Appends one step to the resident's stream; returns its global position. */
export const appendStep = async (store: EventStore, residentId: string, step: Step): Promise<number> =>
  (await store.append(`resident-${residentId}`, [toNewEvent(step)], 'any')).position;

/** Appends the histories interleaved; returns the position of the last event. */
export const appendHistories = async (store: EventStore, histories: ReadonlyMap<string, readonly Step[]>): Promise<number> => {
  let position = 0;
  for (const { residentId, step } of interleaved(histories)) position = await appendStep(store, residentId, step);
  return position;
};
