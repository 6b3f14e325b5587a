import { describe, expect, it } from 'vitest';
import { describeIncompatibility, incompatibilities } from './compatibility.js';
import { integrationJsonSchema, type JsonSchema } from './json-schema.js';

const TYPE = 'jp.go.isa.register.departed.v1';
const baseline = integrationJsonSchema('departed');
const clone = (): JsonSchema & { properties: Record<string, JsonSchema>; required: string[] } =>
  JSON.parse(JSON.stringify(baseline)) as JsonSchema & { properties: Record<string, JsonSchema>; required: string[] };
const check = (current: JsonSchema | undefined): string[] => incompatibilities(TYPE, baseline, current).map(describeIncompatibility);

describe('schema compatibility against the baseline', () => {
  it('passes an unchanged schema and one with an added optional field', () => {
    expect(check(baseline)).toEqual([]);
    const added = clone();
    added.properties.port = { type: 'string' };
    expect(check(added)).toEqual([]);
  });

  it('passes a widened enum', () => {
    const widened = clone();
    widened.properties.reentry = { type: 'string', enum: ['none', 'reentry-permit', 'special-reentry', 'other'] };
    expect(check(widened)).toEqual([]);
  });

  it('fails a removed field, naming the type and the field', () => {
    const removed = clone();
    delete removed.properties.departedOn;
    expect(check(removed)).toEqual([`${TYPE}: departedOn: removed`]);
  });

  it('fails an optional field made required, and a required field added', () => {
    const base = clone();
    base.properties.port = { type: 'string' };
    const required = clone();
    required.properties.port = { type: 'string' };
    required.required = [...required.required, 'port'];
    expect(incompatibilities(TYPE, base, required).map(describeIncompatibility)).toEqual([`${TYPE}: port: was optional, is now required`]);
    expect(check(required)).toEqual([`${TYPE}: port: added as required (only optional fields may be added)`]);
  });

  it('fails a narrowed enum and a narrowed type', () => {
    const narrowed = clone();
    narrowed.properties.reentry = { type: 'string', enum: ['none', 'reentry-permit'] };
    narrowed.properties.departedOn = { type: 'number' };
    expect(check(narrowed)).toEqual([
      `${TYPE}: departedOn: type narrowed: no longer accepts string`,
      `${TYPE}: reentry: enum narrowed: no longer accepts "special-reentry"`,
    ]);
  });

  it('fails a nullable field made non-null', () => {
    const base = integrationJsonSchema('residence-municipality-changed');
    const current = JSON.parse(JSON.stringify(base)) as { properties: Record<string, JsonSchema> };
    current.properties.previousMunicipalityCode = { type: 'string', pattern: '^\\d{6}$' };
    const problems = incompatibilities('t', base, current).map(describeIncompatibility);
    expect(problems).toContain('t: previousMunicipalityCode: type narrowed: no longer accepts null');
  });

  it('fails a removed event type', () => {
    expect(check(undefined)).toEqual([`${TYPE}: (type): event type removed (publish a new version beside it instead)`]);
  });
});
