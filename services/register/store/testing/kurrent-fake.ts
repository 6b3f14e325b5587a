import { EventEmitter } from 'node:events';
import type {
  KurrentWire,
  WireAppendResult,
  WireFilter,
  WireNewEvent,
  WirePosition,
  WireRecordedEvent,
  WireStreamState,
} from '../kurrentdb-wire.js';

/**
 * An in-memory stand-in for a KurrentDB server behind `KurrentWire`, modelling what the adapter must
 * cope with: sparse 64-bit log positions (byte offsets, not counters), system events (`$…` streams)
 * interleaved in $all, inclusive read positions and exclusive subscription positions, errors shaped
 * like the client's (`type: 'wrong-expected-version'`, `'stream-not-found'`), server-side
 * idempotency by event id only (content is not compared), and JSON (de)serialisation. It is a
 * model, not the server: the contract against a real KurrentDB is `kurrentdb.int.test.ts`.
 */

interface Entry {
  readonly streamId: string;
  readonly id: string;
  readonly revision: bigint;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
  readonly commit: bigint;
}

const clientError = (type: string, message: string, extra: Record<string, unknown> = {}): Error =>
  Object.assign(new Error(message), { type, ...extra });

const matches = (filter: WireFilter, streamId: string): boolean =>
  'prefixes' in filter ? filter.prefixes.some((p) => streamId.startsWith(p)) : new RegExp(filter.regex).test(streamId);

const toRecorded = (e: Entry): WireRecordedEvent => ({
  streamId: e.streamId,
  id: e.id,
  revision: e.revision,
  type: e.type,
  data: JSON.parse(e.data) as unknown,
  metadata: e.metadata.length === 0 ? undefined : (JSON.parse(e.metadata) as unknown),
  isJson: true,
  position: { commit: e.commit, prepare: e.commit },
});

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export interface FakeKurrent extends KurrentWire {
  /** Appends a system event (as the server's stats collection would). */
  systemEvent(): void;
  readonly disposed: () => boolean;
}

export const fakeKurrent = (): FakeKurrent => {
  const log: Entry[] = [];
  const streams = new Map<string, Entry[]>();
  const appended = new EventEmitter();
  appended.setMaxListeners(0);
  let nextCommit = 4_096n;
  let disposed = false;

  const write = (streamId: string, event: WireNewEvent | { id: string; type: string; data: object; metadata: object }): Entry => {
    const stream = streams.get(streamId) ?? [];
    const data = JSON.stringify(event.data);
    const entry: Entry = {
      streamId, id: event.id, revision: BigInt(stream.length), type: event.type, data,
      metadata: JSON.stringify(event.metadata), commit: nextCommit,
    };
    nextCommit += BigInt(200 + data.length);
    stream.push(entry);
    streams.set(streamId, stream);
    log.push(entry);
    return entry;
  };

  let systemCount = 0;
  const systemEvent = (): void => {
    systemCount += 1;
    write('$stats-127.0.0.1:2113', { id: `00000000-0000-4000-8000-${String(systemCount).padStart(12, '0')}`, type: '$statsCollected', data: {}, metadata: {} });
    appended.emit('append');
  };
  systemEvent();

  const head = (streamId: string): bigint | undefined => {
    const stream = streams.get(streamId);
    return stream === undefined || stream.length === 0 ? undefined : BigInt(stream.length - 1);
  };

  const startIndex = (from: WirePosition | 'start' | 'end', exclusive: boolean): number => {
    if (from === 'start') return 0;
    if (from === 'end') return log.length;
    const i = log.findIndex((e) => (exclusive ? e.commit > from.commit : e.commit >= from.commit));
    return i < 0 ? log.length : i;
  };

  return {
    systemEvent,
    disposed: () => disposed,

    async appendToStream(streamId, events, streamState: WireStreamState): Promise<WireAppendResult> {
      await tick();
      const current = head(streamId);
      const stream = streams.get(streamId) ?? [];
      // Server-side idempotency: the ids are already the stream's events, whatever their content.
      const known = events.map((e) => stream.find((s) => s.id === e.id));
      if (known.length > 0 && known.every((k) => k !== undefined)) {
        const last = known.at(-1);
        return { nextExpectedRevision: current ?? -1n, position: last === undefined ? undefined : { commit: last.commit, prepare: last.commit } };
      }
      const ok =
        streamState === 'any' ||
        (streamState === 'no_stream' && current === undefined) ||
        (streamState === 'stream_exists' && current !== undefined) ||
        (typeof streamState === 'bigint' && current === streamState);
      if (!ok)
        throw clientError('wrong-expected-version', `WrongExpectedVersion on ${streamId}`, {
          streamName: streamId, expectedState: streamState, actualState: current ?? 'no_stream',
        });
      const written = events.map((e) => write(streamId, e));
      if (log.length % 7 === 0) systemEvent();
      appended.emit('append');
      const last = written.at(-1);
      return { nextExpectedRevision: last?.revision ?? -1n, position: last === undefined ? undefined : { commit: last.commit, prepare: last.commit } };
    },

    async *readStream(streamId, { direction, fromRevision, maxCount }) {
      await tick();
      const stream = streams.get(streamId);
      if (stream === undefined) throw clientError('stream-not-found', `${streamId} not found`, { streamName: streamId });
      const ordered = direction === 'forwards' ? stream : [...stream].reverse();
      const from = fromRevision === 'start' || fromRevision === 'end' ? undefined : fromRevision;
      const selected = ordered.filter((e) => from === undefined || (direction === 'forwards' ? e.revision >= from : e.revision <= from));
      for (const e of selected.slice(0, maxCount)) yield toRecorded(e);
    },

    async *readAll({ direction, fromPosition, maxCount, filter }) {
      await tick();
      const snapshot = [...log];
      const selected =
        direction === 'forwards'
          ? snapshot.slice(startIndex(fromPosition, false))
          : snapshot.slice(0, fromPosition === 'end' ? snapshot.length : startIndex(fromPosition, true)).reverse();
      let n = 0;
      for (const e of selected) {
        if (n >= maxCount) return;
        if (!matches(filter, e.streamId)) continue;
        n += 1;
        yield toRecorded(e);
      }
    },

    subscribeToAll({ fromPosition, filter }) {
      let stopped = false;
      let next = startIndex(fromPosition, true);
      const wake = new EventEmitter();
      const stop = (): void => void wake.emit('wake');
      appended.on('append', stop);
      const iterate = async function* (): AsyncGenerator<WireRecordedEvent> {
        try {
          while (!stopped) {
            const entry = log[next];
            if (entry === undefined) {
              await new Promise<void>((resolve) => wake.once('wake', resolve));
              continue;
            }
            next += 1;
            if (matches(filter, entry.streamId)) yield toRecorded(entry);
          }
        } finally {
          appended.off('append', stop);
        }
      };
      return {
        [Symbol.asyncIterator]: iterate,
        unsubscribe: async () => {
          stopped = true;
          stop();
        },
      };
    },

    async dispose() {
      disposed = true;
    },
  };
};
