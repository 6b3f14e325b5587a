import type { EventStore } from '../../register/store/port.js';

const RESIDENT_STREAM_PREFIX = 'resident-';

/**
 * Every resident with a stream in the log, in the order their first event was appended — the selector
 * that is always correct (the projector's deadline index is the fast one). Reads up to the head position
 * at the call, so the clock's own appends during a tick do not prolong it.
 */
export async function* allResidentIds(store: EventStore): AsyncIterable<string> {
  const head = await store.headPosition();
  const seen = new Set<string>();
  for await (const event of store.readAll({ filter: { streamPrefixes: [RESIDENT_STREAM_PREFIX] } })) {
    if (event.position > head) return;
    const residentId = event.streamId.slice(RESIDENT_STREAM_PREFIX.length);
    if (seen.has(residentId)) continue;
    seen.add(residentId);
    yield residentId;
  }
}
