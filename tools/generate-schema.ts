import { writeFileSync } from 'node:fs';
import { renderEventsJsonSchema } from '../events/json-schema.js';

/** `npm run schema`: regenerates the published contracts in schema/ from the code. */
const target = 'schema/events.schema.json';
writeFileSync(target, renderEventsJsonSchema());
process.stdout.write(`wrote ${target}\n`);
