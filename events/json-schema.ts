import { z } from 'zod';
import { ResidentEvent } from './catalogue.js';
import { EventMetadata } from './metadata.js';

/**
 * The JSON Schema (draft 2020-12) of every stored event and of its metadata, for readers outside
 * TypeScript (auditors, importers, KurrentDB tooling). Cross-field rules written as zod refinements
 * (check digits, date order) cannot be expressed in JSON Schema and are enforced by the register.
 */
export const eventsJsonSchema = (): Record<string, unknown> => ({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:resident-register:events',
  title: 'Resident register events',
  description:
    'Every event the register records (data at its current version) and the metadata stored with it. Generated from events/ by `npm run schema`; do not edit.',
  $defs: {
    ResidentEvent: z.toJSONSchema(ResidentEvent, { unrepresentable: 'any', io: 'input' }),
    EventMetadata: z.toJSONSchema(EventMetadata, { unrepresentable: 'any', io: 'input' }),
  },
});

export const renderEventsJsonSchema = (): string => `${JSON.stringify(eventsJsonSchema(), null, 2)}\n`;
