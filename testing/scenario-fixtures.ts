import type { Address, IsoDate, Organization, PersonalParticulars } from '../events/values.js';
import { PERSON, landingPermitted, residenceAddressNotified, residenceAddressVacated, residenceCardIssued } from './events.js';
import { recordedOn, type Recorded } from './facts.js';

/** Values and reconstructed histories shared by the acceptance scenarios (scenarios.md). */

/** The Tokyo wards of scenarios.md, with their 6-digit local-government codes. */
export const SHINJUKU = '131041';
export const OTA = '131113';
export const SETAGAYA = '131121';
export const SHIBUYA = '131130';
export const NERIMA = '131202';

const address = (municipalityCode: string, line: string): Address => ({ municipalityCode, line });

export const SHINJUKU_ADDRESS = address(SHINJUKU, '3-3-3 Nishi-Shinjuku, Shinjuku-ku, Tokyo');
export const OTA_ADDRESS = address(OTA, '4-4-4 Kamata, Ota-ku, Tokyo');
export const SETAGAYA_ADDRESS = address(SETAGAYA, '5-5-5 Sangenjaya, Setagaya-ku, Tokyo');
export const SHIBUYA_ADDRESS = address(SHIBUYA, '6-6-6 Ebisu, Shibuya-ku, Tokyo');
export const NERIMA_ADDRESS = address(NERIMA, '7-7-7 Toyotamakita, Nerima-ku, Tokyo');

export const organization = (name: string, at = '1-1 Marunouchi, Chiyoda-ku, Tokyo'): Organization => ({ name, address: at });

/** A person born on `dateOfBirth` (the child scenarios S09–S15, S61). */
export const bornOn = (dateOfBirth: IsoDate): PersonalParticulars => ({ ...PERSON, name: 'TRAN THI MAI', dateOfBirth, sex: 'female' });

/**
 * S28 reconstructed for S29 and S59 (S28 is held back): an Engineer with a notified residence in
 * Shinjuku moves out on 2026-05-01 without a new residence; the municipality relays the move-out on
 * 2026-05-08. Day 90 of ground (ix) is 2026-07-30 (Art. 22-4(1)(ix), CAN-3).
 */
export const s28MovedOutWithoutNewResidence = (): Recorded[] => [
  landingPermitted({ permittedOn: '2025-04-01', grant: { status: 'engineer-specialist', periodOfStay: 'P3Y', expiresOn: '2028-04-01' } }),
  residenceCardIssued({ cardNumber: 'LM00002801NP', issuedOn: '2025-04-01', printedValidUntil: '2028-04-01' }),
  residenceAddressNotified({
    basis: '19-7', address: SHINJUKU_ADDRESS, movedInOn: '2025-04-03', notifiedOn: '2025-04-08', relayId: 'relay-131041-2801',
  }),
  recordedOn('2026-05-08', residenceAddressVacated({
    municipalityCode: SHINJUKU, movedOutOn: '2026-05-01', reason: 'moving-out-notice', notifiedOn: '2026-05-01', relayId: 'relay-131041-2802',
  })),
];
