import { z } from 'zod';
import { RelayShape } from './relay-schema.js';

export const RELAY_SCHEMA_FILE = 'schema/municipal-relay.schema.json';

/**
 * The JSON Schema (draft 2020-12) of one municipal relay, generated from the zod schema the bridge
 * parses with. Cross-field rules (check digit, date order, deemed filings, own municipality only)
 * cannot be written in JSON Schema; the bridge enforces them and names them in its answers.
 */
export const relayJsonSchema = (): Record<string, unknown> => ({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:resident-register:municipal-relay',
  title: 'Municipal relay',
  description:
    'One relay of a residence notification (ICRRA Arts. 19-7 to 19-9) or a resident-record entry, deletion or correction (Art. 61-8-2), as POSTed to the municipal bridge. Generated from services/municipal-bridge/relay-schema.ts; do not edit.',
  ...z.toJSONSchema(RelayShape, { unrepresentable: 'any', io: 'input' }),
});

export const renderRelayJsonSchema = (): string => `${JSON.stringify(relayJsonSchema(), null, 2)}\n`;
