/**
 * The narrow surface of a KurrentDB client that the adapter (`kurrentdb-adapter.ts`) uses. The real
 * one wraps `@kurrent/kurrentdb-client` in `kurrentdb.ts`, the only module that imports the client;
 * tests put an in-memory fake behind it. Shapes mirror the client's so the wrapper stays a few lines.
 */

/** A position in the transaction log: 64-bit commit and prepare positions. */
export interface WirePosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

export interface WireRecordedEvent {
  readonly streamId: string;
  readonly id: string;
  readonly revision: bigint;
  readonly type: string;
  /** Parsed JSON when `isJson`, otherwise bytes. */
  readonly data: unknown;
  /** Parsed JSON when it is JSON, bytes otherwise, undefined when empty. */
  readonly metadata: unknown;
  readonly isJson: boolean;
  /** Absent on servers older than 22.6 when reading a stream. */
  readonly position?: WirePosition | undefined;
}

export interface WireNewEvent {
  readonly id: string;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata: Record<string, unknown>;
}

/** The client's `streamState`: `any`, `no_stream`, `stream_exists` or the last revision. */
export type WireStreamState = 'any' | 'no_stream' | 'stream_exists' | bigint;

/** A server-side filter on stream names: prefixes, or a regular expression. */
export type WireFilter = { readonly prefixes: readonly string[] } | { readonly regex: string };

export interface WireAppendResult {
  readonly nextExpectedRevision: bigint;
  readonly position?: WirePosition | undefined;
}

export interface WireSubscription extends AsyncIterable<WireRecordedEvent> {
  unsubscribe(): Promise<void>;
}

export interface KurrentWire {
  appendToStream(streamId: string, events: readonly WireNewEvent[], streamState: WireStreamState): Promise<WireAppendResult>;
  readStream(
    streamId: string,
    options: { readonly direction: 'forwards' | 'backwards'; readonly fromRevision: bigint | 'start' | 'end'; readonly maxCount: number },
  ): AsyncIterable<WireRecordedEvent>;
  readAll(options: {
    readonly direction: 'forwards' | 'backwards';
    readonly fromPosition: WirePosition | 'start' | 'end';
    readonly maxCount: number;
    readonly filter: WireFilter;
  }): AsyncIterable<WireRecordedEvent>;
  /** A catch-up subscription to $all from after `fromPosition` (exclusive), then live. */
  subscribeToAll(options: { readonly fromPosition: WirePosition | 'start'; readonly filter: WireFilter }): WireSubscription;
  dispose(): Promise<void>;
}
