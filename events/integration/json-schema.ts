import { z } from 'zod';
import { INTEGRATION_EVENT_NAMES, INTEGRATION_EVENTS, dataSchemaOf, integrationTypeOf, type IntegrationEventName } from './types.js';

export const INTEGRATION_SCHEMA_DIR = 'schema/integration';
export const INTEGRATION_BASELINE_DIR = 'schema/integration/baseline';

export const schemaFileName = (type: string): string => `${type}.schema.json`;

export type JsonSchema = Record<string, unknown>;

/**
 * The payload schema without its `$schema`/`$id` header. `io: 'input'` leaves `additionalProperties`
 * open: subscribers must ignore fields they do not know, so that adding an optional field is compatible.
 */
export const payloadJsonSchema = (name: IntegrationEventName, target: 'draft-2020-12' | 'draft-7' = 'draft-2020-12'): JsonSchema => {
  const { $schema: _ignored, ...schema } = z.toJSONSchema(INTEGRATION_EVENTS[name].schema, { unrepresentable: 'any', io: 'input', target });
  return schema;
};

/** The published JSON Schema (draft 2020-12) of one integration payload, `$id` = its CloudEvents `dataschema`. */
export const integrationJsonSchema = (name: IntegrationEventName): JsonSchema => {
  const type = integrationTypeOf(name);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: dataSchemaOf(type),
    title: type,
    description: `${INTEGRATION_EVENTS[name].summary} Topic: ${INTEGRATION_EVENTS[name].topic}. Generated from events/integration/payloads.ts by \`npm run schema\`; do not edit.`,
    ...payloadJsonSchema(name),
  };
};

export const renderJson = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** Every file of schema/integration/ (the baseline excepted): path → content. */
export const integrationSchemaFiles = (): ReadonlyMap<string, string> =>
  new Map(INTEGRATION_EVENT_NAMES.map((name) => [`${INTEGRATION_SCHEMA_DIR}/${schemaFileName(integrationTypeOf(name))}`, renderJson(integrationJsonSchema(name))]));
