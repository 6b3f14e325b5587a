import { randomUUID } from 'node:crypto';
import { ResidentEvent } from '../events/catalogue.js';
import { toStoredEvent } from '../events/parse.js';
import type { IsoDate } from '../events/values.js';
import { residentStreamId } from '../services/register/application/command-handler.js';
import { toJsonObject } from '../services/register/application/idempotency.js';
import type { EventStore } from '../services/register/store/port.js';
import { clockEvents } from '../services/register/domain/clock.js';
import type { Fact } from '../services/register/domain/facts.js';
import { history, type Recorded } from './facts.js';

/** Helpers for the clock's specifications: a resident's history grows by later facts and by ticks. */

/** `facts` followed by `items`, with stream revisions continuing after the last fact. */
export const followedBy = (facts: readonly Fact[], ...items: readonly Recorded[]): Fact[] => [
  ...facts,
  ...history(...items).map((fact) => ({ ...fact, revision: fact.revision + facts.length })),
];

/** A tick at the first second of `asOf` (JST): `facts` with the clock events it appends, recorded then. */
export const tickedOn = (facts: readonly Fact[], asOf: IsoDate): Fact[] =>
  followedBy(facts, ...clockEvents(facts, asOf).map((event) => ({ event, recordedAt: `${asOf}T00:00:01+09:00` })));

/** A resident's history appended to a store as the command path would: one officer-sourced event at a time, at its recorded instant. */
export const appendHistory = async (store: EventStore, residentId: string, items: readonly Recorded[]): Promise<void> => {
  for (const [i, fact] of history(...items).entries()) {
    const event = ResidentEvent.parse({ ...fact.event, data: { ...fact.event.data, residentId } });
    const stored = toStoredEvent(event, {
      recordedAt: fact.recordedAt, correlationId: `seed-${i}`, causationId: `seed-${i}`, source: { kind: 'officer', officerId: 'officer-0001' },
    });
    const newEvent = { id: randomUUID(), type: stored.type, data: toJsonObject(stored.data), metadata: toJsonObject(stored.metadata) };
    await store.append(residentStreamId(residentId), [newEvent], 'any');
  }
};
