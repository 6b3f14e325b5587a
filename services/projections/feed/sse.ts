import { once } from 'node:events';
import type { Request, Response } from 'express';
import { followBatches, type FeedBatch, type FeedSource } from './follow.js';
import type { StreamRegistry } from './streams.js';

const HEARTBEAT_MS = 15_000;

/**
 * One SSE event per integration message. The `id:` (the source event's position) is set on the last
 * message of each domain event only, so that a client that reconnects with `Last-Event-ID` never
 * misses the rest of a domain event it had only partly received (it may get some twice: dedupe on
 * `attributes.id`).
 */
export const sseFrames = ({ position, messages }: FeedBatch): string =>
  messages
    .map(({ topic, attributes, data }, i) => {
      const id = i === messages.length - 1 ? `id: ${position}\n` : '';
      return `${id}data: ${JSON.stringify({ position, topic, attributes, data })}\n\n`;
    })
    .join('');

const write = async (res: Response, chunk: string, signal: AbortSignal): Promise<void> => {
  if (!res.write(chunk)) await once(res, 'drain', { signal });
};

/** Streams every message after `after`, live, until the client goes or the register stops. */
export const streamEvents = async (source: FeedSource, req: Request, res: Response, after: number, streams: StreamRegistry): Promise<void> => {
  const stream = streams.open();
  req.on('close', () => stream.close());
  res.status(200).set({ 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
  res.flushHeaders();
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
  try {
    await write(res, 'retry: 2000\n\n', stream.signal);
    for await (const batch of followBatches(source, after, stream.signal)) await write(res, sseFrames(batch), stream.signal);
  } catch (error) {
    // A client that left (or a register that stops) ends the stream; anything else is a failure.
    if (!stream.signal.aborted) throw error;
  } finally {
    clearInterval(heartbeat);
    stream.close();
    res.end();
  }
};
