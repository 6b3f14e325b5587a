import { z } from 'zod';
import { fail } from './refine.js';
import { Address, FiledBy, IsoDate, MunicipalityCode, RelayId, ResidentId } from './values.js';

/** The article the resident's residence notification discharges (NOTIF-1 to NOTIF-3). */
export const AddressNotificationBasis = z.enum(['19-7', '19-8', '19-9']);
export type AddressNotificationBasis = z.infer<typeof AddressNotificationBasis>;

/** A filing that the Act deems to be the residence notification (19-7(3), 19-8(3), (4), 19-9(3)). */
export const DeemedFiling = z.enum(['brra-22', 'brra-23', 'brra-30-46', 'brra-30-47', 'residence-record-copy-19-8-4']);
export type DeemedFiling = z.infer<typeof DeemedFiling>;

const DEEMED_FOR: Readonly<Record<AddressNotificationBasis, readonly DeemedFiling[]>> = {
  '19-7': ['brra-30-46'], // Art. 19-7(3)
  '19-8': ['brra-30-46', 'brra-30-47', 'residence-record-copy-19-8-4'], // Art. 19-8(3), (4)
  '19-9': ['brra-22', 'brra-23', 'brra-30-46'], // Art. 19-9(3)
};

const BRRA_NEEDS_CARD =
  'a BRRA filing counts as a residence notification only when made with the card (Arts. 19-7(3), 19-8(3), 19-9(3))';

/** A residence notification, filed at the municipal counter and relayed to the Commissioner (MUNI-1). */
export const ResidenceAddressNotified = z.object({
  type: z.literal('ResidenceAddressNotified'),
  data: z
    .object({
      residentId: ResidentId,
      basis: AddressNotificationBasis,
      address: Address, // Art. 19-7(1): ward in a designated city
      movedInOn: IsoDate, // Art. 19-7(1), 19-9(1): the 14 days count from settling / moving in
      notifiedOn: IsoDate, // the filing day at the municipal counter: deadlines are judged on it (MUNI-3)
      deemedBy: DeemedFiling.optional(),
      cardPresented: z.boolean(), // Art. 19-7(1): filed "presenting the residence card"
      relayId: RelayId,
      filedBy: FiledBy, // Art. 61-9-3(1)(i), (2), (3)
    })
    .superRefine((data, ctx) => {
      if (data.deemedBy === undefined) return;
      if (!DEEMED_FOR[data.basis].includes(data.deemedBy))
        fail(ctx, 'deemedBy', `a ${data.deemedBy} filing is not deemed a ${data.basis} notification`);
      else if (data.deemedBy.startsWith('brra-') && !data.cardPresented)
        fail(ctx, 'cardPresented', BRRA_NEEDS_CARD);
    }),
});
export type ResidenceAddressNotified = z.infer<typeof ResidenceAddressNotified>;

/** How the register learned that the resident left a residence (CAN-3 (ix), MUNI-2). */
export const VacatedReason = z.enum([
  'moving-out-notice', // BRRA Art. 24, relayed under 61-8-2
  'moving-out-abroad-notice', // BRRA Art. 24 (転出届 to abroad)
  'ex-officio-deletion', // resident record deleted ex officio, relayed under 61-8-2
  'investigation', // fact investigation, Art. 19-37
]);
export type VacatedReason = z.infer<typeof VacatedReason>;

export const ResidenceAddressVacated = z.object({
  type: z.literal('ResidenceAddressVacated'),
  data: z.object({
    residentId: ResidentId,
    municipalityCode: MunicipalityCode,
    movedOutOn: IsoDate, // Art. 22-4(1)(ix): the 90 days count from the day of leaving
    reason: VacatedReason,
    relayId: RelayId.optional(), // absent for an investigation finding
    notifiedOn: IsoDate.optional(), // the day a moving-out notice was filed
  }),
});
export type ResidenceAddressVacated = z.infer<typeof ResidenceAddressVacated>;

/** What a correction does to the relay it corrects. */
export const AddressCorrection = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('withdrawn') }), // e.g. an erroneous deletion: record restored
  z
    .object({
      kind: z.literal('amended'),
      address: Address.optional(),
      movedInOn: IsoDate.optional(),
      movedOutOn: IsoDate.optional(),
      notifiedOn: IsoDate.optional(),
    })
    .refine(
      ({ address, movedInOn, movedOutOn, notifiedOn }) => [address, movedInOn, movedOutOn, notifiedOn].some((v) => v !== undefined),
      'an amendment must change at least one of address, movedInOn, movedOutOn, notifiedOn',
    ),
]);
export type AddressCorrection = z.infer<typeof AddressCorrection>;

/** A municipal correction of the resident record relayed under Art. 61-8-2; replaces facts in valid time. */
export const ResidenceAddressCorrected = z.object({
  type: z.literal('ResidenceAddressCorrected'),
  data: z.object({
    residentId: ResidentId,
    correctsRelayId: RelayId,
    correction: AddressCorrection,
    correctedOn: IsoDate, // Art. 61-8-2: the day the municipal head corrected the record
    relayId: RelayId.optional(), // the correction's own relay
  }),
});
export type ResidenceAddressCorrected = z.infer<typeof ResidenceAddressCorrected>;
