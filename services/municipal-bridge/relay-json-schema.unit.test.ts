import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RELAY_TYPES } from './relay-schema.js';
import { RELAY_SCHEMA_FILE, relayJsonSchema, renderRelayJsonSchema } from './relay-json-schema.js';

// UPDATE_SCHEMA=1 npx vitest run services/municipal-bridge/relay-json-schema.unit.test.ts rewrites the file.
if (process.env['UPDATE_SCHEMA'] === '1') writeFileSync(RELAY_SCHEMA_FILE, renderRelayJsonSchema());

describe('published JSON Schema of a municipal relay (schema/municipal-relay.schema.json)', () => {
  it('is up to date with the zod schema the bridge parses with', () => {
    expect(readFileSync(RELAY_SCHEMA_FILE, 'utf8')).toBe(renderRelayJsonSchema());
  });

  it('describes every type of relay', () => {
    const text = JSON.stringify(relayJsonSchema());
    for (const type of RELAY_TYPES) expect(text).toContain(`"const":"${type}"`);
  });

  it('lists every CSV column of schema/municipal-relay-csv.md among its properties', () => {
    const text = JSON.stringify(relayJsonSchema());
    const doc = readFileSync('schema/municipal-relay-csv.md', 'utf8');
    const columns = [...doc.matchAll(/^\| `([A-Za-z]+)` \|/gm)].map((m) => m[1] ?? '');
    expect(columns.length).toBeGreaterThan(20);
    for (const column of columns) expect(text).toContain(`"${column}":`);
  });
});
