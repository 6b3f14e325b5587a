import { isResidentEventType, RESIDENT_EVENT_REGISTRY, type RegistryEntry, type ResidentEvent } from './catalogue.js';
import { EventSchemaError, UnknownEventTypeError } from './errors.js';
import { EventMetadata } from './metadata.js';
import { upcast } from './upcasting.js';

/** An event as a store holds it: type, data at `metadata.schemaVersion`, metadata. */
export type StoredEvent = {
  readonly type: string;
  readonly data: unknown;
  readonly metadata: unknown;
};

export type ParsedEvent = { readonly event: ResidentEvent; readonly metadata: EventMetadata };

const entryOf = (type: string): RegistryEntry => {
  if (!isResidentEventType(type)) throw new UnknownEventTypeError(type);
  return RESIDENT_EVENT_REGISTRY[type];
};

const parseEvent = (entry: RegistryEntry, type: string, data: unknown): ResidentEvent => {
  const result = entry.schema.safeParse({ type, data });
  if (!result.success) throw new EventSchemaError(type, result.error.issues);
  return result.data;
};

const parseMetadata = (type: string, metadata: unknown): EventMetadata => {
  const result = EventMetadata.safeParse(metadata);
  if (!result.success) throw new EventSchemaError(type, result.error.issues, ['metadata']);
  return result.data;
};

/**
 * Parses an event read from a store: metadata first (its `schemaVersion` is the version of `data`),
 * then upcasts `data` to the current version and parses it with the catalogue. The metadata is
 * returned as stored. Throws `UnknownEventTypeError`, `EventVersionError` or `EventSchemaError`.
 */
export const parseStoredEvent = ({ type, data, metadata }: StoredEvent): ParsedEvent => {
  const entry = entryOf(type);
  const parsedMetadata = parseMetadata(type, metadata);
  const event = parseEvent(entry, type, upcast(type, parsedMetadata.schemaVersion, data));
  return { event, metadata: parsedMetadata };
};

/**
 * Parses only an event's data, stored at `schemaVersion`: upcast to the current version, then checked
 * by the catalogue. For a reader that keeps the few metadata fields it needs itself (the projection's
 * copy of each stream). Throws `UnknownEventTypeError`, `EventVersionError` or `EventSchemaError`.
 */
export const parseEventData = (type: string, schemaVersion: number, data: unknown): ResidentEvent =>
  parseEvent(entryOf(type), type, upcast(type, schemaVersion, data));

/** What a store is given to append: the data validated and stamped with its current version. */
export type EventToStore = ResidentEvent & { readonly metadata: EventMetadata };

/** Validates an event and stamps the current data version, ready to append. Throws `EventSchemaError`. */
export const toStoredEvent = (
  event: ResidentEvent,
  metadata: Omit<EventMetadata, 'schemaVersion'>,
): EventToStore => {
  const entry = entryOf(event.type);
  const parsed = parseEvent(entry, event.type, event.data);
  const stamped = parseMetadata(event.type, { ...metadata, schemaVersion: entry.currentVersion });
  return { ...parsed, metadata: stamped };
};
