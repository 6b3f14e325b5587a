import { v5 as uuidv5 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { landingPermitted, metadata, RESIDENT_ID, residenceAddressNotified, residenceCardIssued } from '../../../testing/events.js';
import type { ResidentCommand } from '../domain/commands.js';
import { DomainError } from '../domain/errors.js';
import { createCommandHandler, residentStreamId, type CommandRequest } from './command-handler.js';
import { ConcurrencyExhaustedError, IdempotencyKeyReusedError, RevisionMismatchError } from './errors.js';
import { COMMAND_EVENT_NAMESPACE, toJsonObject } from './idempotency.js';
import { createMemoryStore, type MemoryStore } from './testing/memory-store.js';

const NOW = '2026-01-10T03:00:00Z';
const STREAM = residentStreamId(RESIDENT_ID);
const landing: ResidentCommand = { type: 'PermitLanding', data: landingPermitted().data };
const card: ResidentCommand = { type: 'IssueResidenceCard', data: residenceCardIssued().data };

const setup = () => {
  const store = createMemoryStore();
  let ids = 0;
  const backoffs: number[] = [];
  const handler = createCommandHandler({
    store, clock: () => NOW, newId: () => `id-${++ids}`,
    backoff: async (retry) => void backoffs.push(retry),
  });
  const handle = (command: ResidentCommand, extra: Partial<CommandRequest> = {}) =>
    handler.handle({ residentId: RESIDENT_ID, command, officerId: 'officer-7', ...extra });
  return { store, handle, backoffs };
};

/** Another node appends an event to the stream (a relay of Art. 19-7) just before our append. */
const interfere = (store: MemoryStore, times: number): void => {
  let left = times;
  store.beforeAppend = (streamId) => {
    if (left <= 0) return;
    left -= 1;
    const relay = residenceAddressNotified({ relayId: `relay-131016-9${left}` });
    store.appendNow(streamId, [{ id: `other-${left}`, type: relay.type, data: toJsonObject(relay.data), metadata: toJsonObject(metadata()) }]);
  };
};

describe('createCommandHandler: read, fold, decide, append (architecture decisions 3, 4)', () => {
  it('stamps recordedAt from the clock, the command id as causation, the officer as source (DT-8)', async () => {
    const { store, handle } = setup();
    const result = await handle(landing, { correlationId: 'corr-1' });
    expect(result).toMatchObject({ residentId: RESIDENT_ID, revision: 0, replayed: false, events: [{ type: 'LandingPermitted', revision: 0, position: 1, recordedAt: NOW }] });
    expect(store.events[0]?.metadata).toMatchObject({ recordedAt: NOW, correlationId: 'corr-1', causationId: 'id-1', source: { kind: 'officer', officerId: 'officer-7' }, schemaVersion: 1 });
    expect(store.events[0]?.id).toBe('id-2');
  });

  it('derives event ids from the Idempotency-Key (UUID v5) and replays a retry without appending', async () => {
    const { store, handle } = setup();
    const first = await handle(landing, { idempotencyKey: 'k-1' });
    expect(first.events[0]?.id).toBe(uuidv5(`${RESIDENT_ID}/PermitLanding/k-1/0`, COMMAND_EVENT_NAMESPACE));
    const retry = await handle(landing, { idempotencyKey: 'k-1' });
    expect(retry).toEqual({ ...first, replayed: true });
    expect(store.events).toHaveLength(1);
    await expect(handle({ type: 'PermitLanding', data: landingPermitted({ port: 'Kansai Airport' }).data }, { idempotencyKey: 'k-1' }))
      .rejects.toBeInstanceOf(IdempotencyKeyReusedError);
  });

  it('a command the decider refuses appends nothing and surfaces the DomainError (Art. 19-3)', async () => {
    const { store, handle } = setup();
    await expect(handle(card)).rejects.toMatchObject({ code: 'UNKNOWN_RESIDENT' });
    await expect(handle(card)).rejects.toBeInstanceOf(DomainError);
    expect(store.events).toHaveLength(0);
  });

  it('a race lost to another node is retried on the new revision', async () => {
    const { store, handle, backoffs } = setup();
    await handle(landing);
    interfere(store, 3);
    const result = await handle(card);
    expect(backoffs).toEqual([1, 2, 3]);
    expect(result.revision).toBe(4);
    expect(store.events.map((e) => e.type)).toEqual(['LandingPermitted', 'ResidenceAddressNotified', 'ResidenceAddressNotified', 'ResidenceAddressNotified', 'ResidenceCardIssued']);
  });

  it('gives up with ConcurrencyExhaustedError after 5 retries', async () => {
    const { store, handle, backoffs } = setup();
    await handle(landing);
    interfere(store, 100);
    await expect(handle(card)).rejects.toBeInstanceOf(ConcurrencyExhaustedError);
    expect(backoffs).toEqual([1, 2, 3, 4, 5]);
    expect(store.events.filter((e) => e.type === 'ResidenceCardIssued')).toHaveLength(0);
  });

  it('with an expected revision a mismatch is the client\'s conflict: no decide, no retry', async () => {
    const { store, handle, backoffs } = setup();
    await handle(landing);
    await expect(handle(card, { expectedRevision: -1 })).rejects.toBeInstanceOf(RevisionMismatchError);
    interfere(store, 1);
    await expect(handle(card, { expectedRevision: 0 })).rejects.toMatchObject({ expected: 0, actual: 1 });
    expect(backoffs).toEqual([]);
    expect((await handle(card, { expectedRevision: 1 })).revision).toBe(2);
    expect(store.events.map((e) => e.streamId)).toEqual([STREAM, STREAM, STREAM]);
  });
});
