import { z } from 'zod';
import { Instant, MunicipalityCode } from './values.js';

/** Who caused an event: an officer, a municipal office's relay, or the register itself (the clock). */
export const EventSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('officer'), officerId: z.string().trim().min(1).max(100) }),
  z.object({
    kind: z.literal('municipality'),
    municipalityCode: MunicipalityCode,
    receiptId: z.string().trim().min(1).max(100),
  }),
  z.object({ kind: z.literal('system'), component: z.enum(['clock', 'import', 'migration']) }),
]);
export type EventSource = z.infer<typeof EventSource>;

/**
 * Metadata of every stored event. `recordedAt` is transaction time (when the register learned the
 * fact, DT-8); legal dates live in the event data as `…On`.
 */
export const EventMetadata = z.object({
  recordedAt: Instant,
  correlationId: z.string().trim().min(1).max(200),
  causationId: z.string().trim().min(1).max(200),
  source: EventSource,
  schemaVersion: z.number().int().positive(),
});
export type EventMetadata = z.infer<typeof EventMetadata>;
