import { readdirSync, readFileSync } from 'node:fs';
import { Parser } from '@asyncapi/parser';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ASYNCAPI_FILE } from './asyncapi.js';
import { describeIncompatibility, incompatibilities } from './compatibility.js';
import { INTEGRATION_BASELINE_DIR, INTEGRATION_SCHEMA_DIR, integrationJsonSchema, type JsonSchema } from './json-schema.js';
import { integrationContractFiles } from './published.js';
import { INTEGRATION_EVENT_NAMES, TOPIC_NAMES, integrationTypeOf } from './types.js';
import { asyncApiDocument } from './asyncapi.js';
import { DEFAULT_TOPICS } from '../../services/projections/relay/topics.js';
import { toKafkaMessage } from '../../services/projections/relay/headers.js';
import { departureConfirmed, landingPermitted } from '../../testing/events.js';
import { mapFacts } from '../../testing/integration-events.js';

const readJson = (path: string): JsonSchema => JSON.parse(readFileSync(path, 'utf8')) as JsonSchema;
const schemaFilesIn = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.schema.json')).sort();

describe('the published integration contract (schema/integration, schema/asyncapi.yaml)', () => {
  it('is what `npm run schema` generates from events/integration (run it after changing a payload)', () => {
    for (const [path, content] of integrationContractFiles()) expect(readFileSync(path, 'utf8'), path).toBe(content);
    const generated = [...integrationContractFiles().keys()].filter((p) => p.startsWith(`${INTEGRATION_SCHEMA_DIR}/`)).map((p) => p.slice(INTEGRATION_SCHEMA_DIR.length + 1));
    expect(schemaFilesIn(INTEGRATION_SCHEMA_DIR)).toEqual(generated.sort());
  });

  it('stays compatible with the committed baseline: no field removed, made required or narrowed, no type removed', () => {
    const current = new Map(INTEGRATION_EVENT_NAMES.map((name) => [`${integrationTypeOf(name)}.schema.json`, integrationJsonSchema(name)]));
    const problems = schemaFilesIn(INTEGRATION_BASELINE_DIR).flatMap((file) =>
      incompatibilities(file.replace(/\.schema\.json$/, ''), readJson(`${INTEGRATION_BASELINE_DIR}/${file}`), current.get(file)));
    expect(problems.map(describeIncompatibility)).toEqual([]);
  });

  it('is a valid AsyncAPI 3 document (@asyncapi/parser)', async () => {
    const { document, diagnostics } = await new Parser().parse(readFileSync(ASYNCAPI_FILE, 'utf8'));
    const errors = diagnostics.filter((d) => d.severity === 0).map((d) => `${d.path.join('.')}: ${d.message}`);
    expect(errors).toEqual([]);
    expect(document?.version()).toBe('3.0.0');
    const doc = parse(readFileSync(ASYNCAPI_FILE, 'utf8')) as { channels: Record<string, { address: string; messages: Record<string, unknown> }> };
    expect(Object.values(doc.channels).map((c) => c.address)).toEqual(['register.resident-status.v1', 'register.resident-personal.v1']);
    expect(Object.values(doc.channels).flatMap((c) => Object.keys(c.messages))).toHaveLength(INTEGRATION_EVENT_NAMES.length);
  });

  it('matches what the Kafka relay sends: its topics, and every ce_* header it sets is declared (and every required one set)', async () => {
    expect(DEFAULT_TOPICS).toEqual(TOPIC_NAMES);
    const messages = await mapFacts([landingPermitted(), departureConfirmed({ reentry: { kind: 'none' } })]);
    const declared = asyncApiDocument().components.messages;
    for (const message of messages) {
      const spec = Object.values(declared).find((m) => m.name === message.attributes.type);
      const sent = Object.keys(toKafkaMessage(message).headers ?? {}).sort();
      expect(sent.filter((h) => !(h in (spec?.headers.properties ?? {}))), message.attributes.type).toEqual([]);
      expect((spec?.headers.required ?? []).filter((h) => !sent.includes(h))).toEqual([]);
    }
  });
});
