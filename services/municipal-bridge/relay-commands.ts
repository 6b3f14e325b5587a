import type { Address } from '../../events/values.js';
import type { ResidentCommand } from '../register/domain/commands.js';
import { relayIdOf, type Relay, type RelayOf } from './relay-schema.js';

/**
 * A validated relay as the register command it asks for (issue #5): the legal dates are the
 * relay's, never the arrival time (architecture decision 2), so a late relay gives the right answer.
 */

const addressOf = (relay: { municipalityCode: string; addressLine: string; postalCode?: string | undefined }): Address => ({
  municipalityCode: relay.municipalityCode,
  line: relay.addressLine,
  ...(relay.postalCode === undefined ? {} : { postalCode: relay.postalCode }),
});

const notification = (r: RelayOf<'residence-notification'>, residentId: string): ResidentCommand => ({
  type: 'NotifyResidenceAddress',
  data: {
    residentId, basis: r.basis, address: addressOf(r), movedInOn: r.movedInOn, notifiedOn: r.notifiedOn,
    ...(r.deemedBy === undefined ? {} : { deemedBy: r.deemedBy }),
    cardPresented: r.cardPresented, relayId: relayIdOf(r.municipalityCode, r.receiptId), filedBy: r.filedBy ?? 'self',
  },
});

/** `opens`: the entry opens the person's record (a newborn, Art. 22-2), so it carries the particulars (INFO-1). */
const entry = (r: RelayOf<'resident-record-entry'>, residentId: string, opens: boolean): ResidentCommand => ({
  type: 'RecordResidentRecordEntry',
  data: {
    residentId, reason: r.entryReason, address: addressOf(r), residenceEstablishedOn: r.movedInOn,
    enteredOn: r.notifiedOn, relayId: relayIdOf(r.municipalityCode, r.receiptId),
    ...(opens ? { person: { name: r.name, dateOfBirth: r.dateOfBirth, sex: r.sex, nationality: r.nationality } } : {}),
  },
});

const deletion = (r: RelayOf<'resident-record-deletion'>, residentId: string): ResidentCommand => ({
  type: 'RecordMoveOut',
  data: {
    residentId, municipalityCode: r.municipalityCode, movedOutOn: r.movedOutOn, reason: r.deletionReason,
    relayId: relayIdOf(r.municipalityCode, r.receiptId), notifiedOn: r.notifiedOn,
  },
});

const amendment = (r: RelayOf<'resident-record-correction'>) => ({
  kind: 'amended' as const,
  ...(r.addressLine === undefined ? {} : { address: addressOf({ ...r, addressLine: r.addressLine }) }),
  ...(r.movedInOn === undefined ? {} : { movedInOn: r.movedInOn }),
  ...(r.movedOutOn === undefined ? {} : { movedOutOn: r.movedOutOn }),
  ...(r.correctedNotifiedOn === undefined ? {} : { notifiedOn: r.correctedNotifiedOn }),
});

const correction = (r: RelayOf<'resident-record-correction'>, residentId: string): ResidentCommand => ({
  type: 'CorrectResidenceAddress',
  data: {
    residentId, correctsRelayId: relayIdOf(r.municipalityCode, r.correctsReceiptId),
    correction: r.correction === 'withdrawn' ? { kind: 'withdrawn' } : amendment(r),
    correctedOn: r.notifiedOn, relayId: relayIdOf(r.municipalityCode, r.receiptId),
  },
});

export const commandOf = (relay: Relay, residentId: string, opensRecord = false): ResidentCommand => {
  switch (relay.type) {
    case 'residence-notification': return notification(relay, residentId);
    case 'resident-record-entry': return entry(relay, residentId, opensRecord);
    case 'resident-record-deletion': return deletion(relay, residentId);
    case 'resident-record-correction': return correction(relay, residentId);
  }
};
