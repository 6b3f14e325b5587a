import type { RecordedEvent } from '../../services/register/store/port.js';

/**
 * The contract between the integration-event mapping (what downstream systems may see) and every
 * transport that carries it: the Kafka outbox relay, the HTTP feed and the GraphQL subscription.
 * Internal events never leave the register as they are; only these do.
 */

/** CloudEvents 1.0 context attributes, plus the `recordedtime` and `sequence` extensions. */
export interface CloudEventAttributes {
  readonly specversion: '1.0';
  /** The source domain event's id (suffixed only when one domain event yields several integration events). */
  readonly id: string;
  readonly source: string;
  readonly type: string;
  /** The resident id. */
  readonly subject: string;
  /** The legal date of the fact, as an RFC 3339 timestamp. */
  readonly time: string;
  /** When the register recorded it (transaction time). */
  readonly recordedtime: string;
  /** The source event's stream revision, as a decimal string. */
  readonly sequence: string;
  readonly datacontenttype: 'application/json';
  readonly dataschema: string;
}

/** Which Kafka topic an integration event belongs on: `status` never carries names or street addresses. */
export type IntegrationTopic = 'status' | 'personal';

export interface IntegrationMessage {
  /** The source event's global log position: the checkpoint of the relay and the cursor of the feed. */
  readonly position: number;
  readonly topic: IntegrationTopic;
  /** Partition key: the resident id, so that each resident's events stay in order. */
  readonly key: string;
  readonly attributes: CloudEventAttributes;
  /** The payload, already validated against its published schema. */
  readonly data: Readonly<Record<string, unknown>>;
}

/**
 * Maps one recorded event to the integration events it means (often none). Async because some need
 * the resident's earlier events (e.g. "residence municipality changed" needs the previous one).
 */
export type IntegrationMapper = (event: RecordedEvent) => Promise<readonly IntegrationMessage[]>;
