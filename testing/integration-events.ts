import { randomUUID } from 'node:crypto';
import type { ResidentEvent } from '../events/catalogue.js';
import { createIntegrationMapper } from '../events/integration/map.js';
import type { IntegrationMessage } from '../events/integration/message.js';
import { toStoredEvent } from '../events/parse.js';
import type { Instant } from '../events/values.js';
import { openSqliteEventStore } from '../services/register/store/sqlite.js';
import { collect, type EventStore, type JsonObject } from '../services/register/store/port.js';

/** A fact to append with the instant the register recorded it (default: noon JST of `recordedOn`). */
export type Appended = ResidentEvent | { readonly event: ResidentEvent; readonly recordedAt: Instant };

const metadataOf = (recordedAt: Instant) => ({
  recordedAt, correlationId: 'correlation-0001', causationId: 'command-0001', source: { kind: 'officer' as const, officerId: 'officer-0001' },
});

/** Appends events one by one, as the command path would, to `resident-<residentId>`. */
export const appendFacts = async (store: EventStore, items: readonly Appended[]): Promise<void> => {
  for (const item of items) {
    const { event, recordedAt } = 'event' in item ? item : { event: item, recordedAt: '2026-01-10T03:00:00Z' };
    const stored = toStoredEvent(event, metadataOf(recordedAt));
    await store.append(`resident-${event.data.residentId}`, [
      { id: randomUUID(), type: stored.type, data: stored.data as JsonObject, metadata: stored.metadata as unknown as JsonObject },
    ], 'any');
  }
};

/** A throwaway in-memory SQLite store holding `items`, and every integration message they map to, in log order. */
export const mapFacts = async (items: readonly Appended[], personalDataTopic = false) => {
  const store = openSqliteEventStore({ file: ':memory:' });
  await appendFacts(store, items);
  const mapper = createIntegrationMapper({ store, personalDataTopic });
  const messages: IntegrationMessage[] = [];
  for (const recorded of await collect(store.readAll())) messages.push(...(await mapper(recorded)));
  await store.close();
  return messages;
};

/** The short names of the messages' types, e.g. `departed` for `jp.go.isa.register.departed.v1`. */
export const namesOf = (messages: readonly IntegrationMessage[]): string[] =>
  messages.map((m) => m.attributes.type.replace(/^jp\.go\.isa\.register\.(personal\.)?/, '$1').replace(/\.v\d+$/, ''));
