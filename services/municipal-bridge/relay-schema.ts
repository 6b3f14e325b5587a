import { z } from 'zod';
import { AddressNotificationBasis, DeemedFiling, VacatedReason } from '../../events/residence-address.js';
import { ResidentRecordEntryReason } from '../../events/resident-record.js';
import { CardNumber, FiledBy, IsoDate, MunicipalityCode, NationalityOrRegion, Sex } from '../../events/values.js';
import { relayDateOrder } from './relay-dates.js';

/**
 * One municipal relay, flat so that a CSV row and a JSON object carry the same fields
 * (schema/municipal-relay.schema.json, schema/municipal-relay-csv.md). Every rule names its field.
 */

/** The office's own id of the filing it relays; with the code and type it is the idempotency key. */
export const ReceiptId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}$/, 'must be 1–100 letters, digits or ._:/- starting with a letter or digit');

export const RELAY_TYPES = ['residence-notification', 'resident-record-entry', 'resident-record-deletion', 'resident-record-correction'] as const;
export const RelayType = z.enum(RELAY_TYPES, { error: `must be one of ${RELAY_TYPES.join(', ')}` });
export type RelayType = z.infer<typeof RelayType>;

const AddressLine = z.string().trim().min(1, 'must not be empty').max(300, 'must be at most 300 characters');
const PostalCode = z.string().regex(/^\d{3}-?\d{4}$/, 'must be a Japanese postal code 123-4567');

/** What every relay carries: the office, its receipt and the person as the municipality recorded them. */
const common = {
  municipalityCode: MunicipalityCode, // the relaying office; the residence address is in it (Art. 19-7(1))
  receiptId: ReceiptId,
  name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  dateOfBirth: IsoDate,
  sex: Sex,
  nationality: NationalityOrRegion, // nationality or region, Art. 2(v)(b)
  notifiedOn: IsoDate, // the filing, entry, deletion or correction day at the municipality (MUNI-3)
  cardPresented: z.boolean().optional(),
};

/** Arts. 19-7, 19-8, 19-9, incl. a BRRA move-in filed with the card (deemed, 19-7(3), 19-8(3), 19-9(3)). */
const ResidenceNotificationRelay = z.strictObject({
  ...common,
  type: z.literal('residence-notification'),
  basis: AddressNotificationBasis,
  deemedBy: DeemedFiling.optional(),
  cardNumber: CardNumber,
  cardPresented: z.boolean(),
  addressLine: AddressLine,
  postalCode: PostalCode.optional(),
  movedInOn: IsoDate,
  filedBy: FiledBy.optional(), // Art. 61-9-3; `self` when absent
});

/** Art. 61-8-2: a resident-record entry made without a residence notification. */
const RecordEntryRelay = z.strictObject({
  ...common,
  type: z.literal('resident-record-entry'),
  entryReason: ResidentRecordEntryReason,
  cardNumber: CardNumber.optional(), // a newborn has none yet: quarantined for an officer
  addressLine: AddressLine,
  postalCode: PostalCode.optional(),
  movedInOn: IsoDate, // the day the residence began (moved in, or born)
});

/** Art. 61-8-2: a deletion of the resident record (moving out, to abroad, ex officio). */
const RecordDeletionRelay = z.strictObject({
  ...common,
  type: z.literal('resident-record-deletion'),
  deletionReason: VacatedReason.exclude(['investigation']),
  cardNumber: CardNumber,
  movedOutOn: IsoDate, // Art. 22-4(1)(ix): the 90 days count from it
});

/** Art. 61-8-2: a correction of an earlier relay of the same office, by its receipt id. */
const RecordCorrectionRelay = z.strictObject({
  ...common,
  type: z.literal('resident-record-correction'),
  cardNumber: CardNumber,
  correctsReceiptId: ReceiptId,
  correction: z.enum(['withdrawn', 'amended']),
  addressLine: AddressLine.optional(),
  postalCode: PostalCode.optional(),
  movedInOn: IsoDate.optional(),
  movedOutOn: IsoDate.optional(),
  correctedNotifiedOn: IsoDate.optional(),
});

/** The relay as published (JSON Schema); `Relay` adds the cross-field rules. */
export const RelayShape = z.discriminatedUnion('type', [ResidenceNotificationRelay, RecordEntryRelay, RecordDeletionRelay, RecordCorrectionRelay]);

export const Relay = RelayShape.superRefine(relayDateOrder);
export type Relay = z.infer<typeof Relay>;
export type RelayOf<T extends RelayType> = Extract<Relay, { readonly type: T }>;

/** The idempotency key of a relay (issue #5): (municipality code, receipt id, type). */
export const relayKey = (relay: Pick<Relay, 'municipalityCode' | 'receiptId' | 'type'>): string =>
  `${relay.municipalityCode}/${relay.receiptId}/${relay.type}`;

/** The relay id stored in the event (MUNI-3): one receipt of one office. */
export const relayIdOf = (municipalityCode: string, receiptId: string): string => `${municipalityCode}-${receiptId}`;
