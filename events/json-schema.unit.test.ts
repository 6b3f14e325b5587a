import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RESIDENT_EVENT_TYPES } from './catalogue.js';
import { eventsJsonSchema, renderEventsJsonSchema } from './json-schema.js';

describe('published JSON Schema of the events (schema/events.schema.json)', () => {
  it('is up to date with the zod catalogue (run `npm run schema` after changing events/)', () => {
    expect(readFileSync('schema/events.schema.json', 'utf8')).toBe(renderEventsJsonSchema());
  });

  it('describes every event type of the catalogue', () => {
    const text = JSON.stringify(eventsJsonSchema());
    for (const type of RESIDENT_EVENT_TYPES) expect(text).toContain(`"const":"${type}"`);
  });
});
