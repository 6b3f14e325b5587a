import { createHash } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import { canonicalJson } from '../store/append-rules.js';
import type { JsonObject, JsonValue, RecordedEvent } from '../store/port.js';
import type { ResidentCommand } from '../domain/commands.js';
import { IdempotencyKeyReusedError } from './errors.js';

/** Namespace of the register's command event ids (UUID v5); fixed forever, or retries stop matching. */
export const COMMAND_EVENT_NAMESPACE = 'e6429f34-702d-493b-ba2e-5ee31451bf7d';

/** Architecture decision 4: the id of the index-th event a keyed request appends, stable across retries. */
export const keyedEventId = (residentId: string, commandType: string, idempotencyKey: string, index: number): string =>
  uuidv5(`${residentId}/${commandType}/${idempotencyKey}/${index}`, COMMAND_EVENT_NAMESPACE);

const isJsonObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A plain JSON copy of parsed data (dates are strings already; undefined keys drop out). */
export const toJsonObject = (value: object): JsonObject => {
  const copy: unknown = JSON.parse(JSON.stringify(value));
  if (!isJsonObject(copy)) throw new TypeError('expected a JSON object');
  return copy;
};

/** SHA-256 of the command's canonical JSON: the same command in another key order hashes the same. */
export const requestHash = (command: ResidentCommand): string =>
  createHash('sha256')
    .update(canonicalJson(toJsonObject({ type: command.type, data: command.data })))
    .digest('hex');

/** A string field of an event's stored metadata (the register adds `idempotencyKey` and `requestHash`). */
export const metadataString = (event: { readonly metadata: JsonObject }, key: string): string | undefined => {
  const value: JsonValue | undefined = event.metadata[key];
  return typeof value === 'string' ? value : undefined;
};

export type KeyUse =
  | { readonly kind: 'unused' }
  | { readonly kind: 'replay'; readonly events: readonly RecordedEvent[] };

/**
 * What the stream says about an idempotency key: unused, or the events a first request with it
 * appended (found by their derived ids). Throws when the key served another body or command.
 */
export const keyUse = (stream: readonly RecordedEvent[], command: ResidentCommand, residentId: string, key: string): KeyUse => {
  const byId = new Map(stream.map((event) => [event.id, event]));
  const events: RecordedEvent[] = [];
  for (let index = 0; ; index += 1) {
    const event = byId.get(keyedEventId(residentId, command.type, key, index));
    if (event === undefined) break;
    events.push(event);
  }
  if (events.length === 0) {
    if (stream.some((event) => metadataString(event, 'idempotencyKey') === key))
      throw new IdempotencyKeyReusedError(key, 'it was used for another command on this resident');
    return { kind: 'unused' };
  }
  const hash = requestHash(command);
  if (events.some((event) => metadataString(event, 'requestHash') !== hash))
    throw new IdempotencyKeyReusedError(key, 'it was used for a request with another body');
  return { kind: 'replay', events };
};
