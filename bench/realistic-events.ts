import { randomUUID } from 'node:crypto';
import type { NewEvent } from '../services/register/store/port.js';

const WARDS = ['131016', '131041', '131113', '131121', '131130', '131202'] as const;

/**
 * Events shaped like the register's address relays (~300 bytes of JSON each), spread over many
 * resident streams. Deterministic by index so that runs are comparable.
 */
export const realisticEvent = (i: number, residentId: string): NewEvent => {
  const day = String((i % 28) + 1).padStart(2, '0');
  return {
    id: randomUUID(),
    type: 'ResidenceAddressNotified',
    data: {
      residentId,
      basis: '19-9',
      address: {
        municipalityCode: WARDS[i % WARDS.length] ?? '131016',
        line: `${(i % 9) + 1}-${(i % 30) + 1}-${(i % 12) + 1} Sample-cho, Flat ${i % 500}`,
        postalCode: `1${String(i % 100).padStart(2, '0')}-${String(i % 10000).padStart(4, '0')}`,
      },
      movedInOn: `2026-03-${day}`,
      notifiedOn: `2026-04-${day}`,
      cardPresented: true,
      relayId: `relay-${i}`,
      filedBy: 'self',
    },
    metadata: {
      recordedAt: '2026-04-20T01:02:03.000Z',
      correlationId: `bench-${i}`,
      causationId: `bench-${i}`,
      source: { kind: 'municipality', municipalityCode: WARDS[i % WARDS.length] ?? '131016', receiptId: `R${i}` },
      schemaVersion: 1,
    },
  };
};
