import type { Message } from 'kafkajs';
import type { CloudEventAttributes, IntegrationMessage } from '../../../events/integration/message.js';

/**
 * CloudEvents Kafka protocol binding, binary mode: each context attribute is a `ce_<name>` header,
 * `datacontenttype` is the `content-type` header, the value is the JSON data alone, and the key is
 * the resident id (the partition key that keeps each resident's events in order).
 */
const HEADER_ATTRIBUTES = [
  'specversion', 'id', 'source', 'type', 'subject', 'time', 'recordedtime', 'sequence', 'dataschema',
] as const satisfies readonly (keyof CloudEventAttributes)[];

export const toKafkaMessage = (message: IntegrationMessage): Message => {
  const headers: Record<string, string> = { 'content-type': message.attributes.datacontenttype };
  for (const name of HEADER_ATTRIBUTES) headers[`ce_${name}`] = message.attributes[name];
  return { key: message.key, value: JSON.stringify(message.data), headers };
};
