import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { renderEventsJsonSchema } from '../events/json-schema.js';
import { integrationBaselineFiles, integrationContractFiles } from '../events/integration/published.js';
import { RELAY_SCHEMA_FILE, renderRelayJsonSchema } from '../services/municipal-bridge/relay-json-schema.js';

/**
 * `npm run schema`: regenerates the published contracts in schema/ from the code.
 * `npm run schema -- --update-baseline` also replaces the integration-event compatibility baseline:
 * only when a release deliberately publishes the current payloads as the new promise.
 */
const integration = [...integrationContractFiles(), ...(process.argv.includes('--update-baseline') ? integrationBaselineFiles() : [])];
const targets: readonly (readonly [string, () => string])[] = [
  ['schema/events.schema.json', renderEventsJsonSchema],
  [RELAY_SCHEMA_FILE, renderRelayJsonSchema],
  ...integration.map(([file, content]) => [file, () => content] as const),
];
for (const [file, render] of targets) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, render());
  process.stdout.write(`wrote ${file}\n`);
}
