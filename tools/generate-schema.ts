import { writeFileSync } from 'node:fs';
import { renderEventsJsonSchema } from '../events/json-schema.js';
import { RELAY_SCHEMA_FILE, renderRelayJsonSchema } from '../services/municipal-bridge/relay-json-schema.js';

/** `npm run schema`: regenerates the published contracts in schema/ from the code. */
const targets: readonly (readonly [string, () => string])[] = [
  ['schema/events.schema.json', renderEventsJsonSchema],
  [RELAY_SCHEMA_FILE, renderRelayJsonSchema],
];
for (const [file, render] of targets) {
  writeFileSync(file, render());
  process.stdout.write(`wrote ${file}\n`);
}
