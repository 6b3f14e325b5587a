/** A minimal Server-Sent Events reader over fetch, for tests: frames as they arrive. */
export interface SseFrame {
  readonly id: string | undefined;
  readonly data: string;
}

export interface SseConnection {
  readonly status: number;
  readonly contentType: string | null;
  /** Resolves with the next `count` data frames (comments and retry-only frames are skipped). */
  next(count: number): Promise<SseFrame[]>;
  close(): void;
}

const parseFrame = (raw: string): SseFrame | undefined => {
  let id: string | undefined;
  const data: string[] = [];
  for (const line of raw.split('\n')) {
    if (line.startsWith('id: ')) id = line.slice(4);
    else if (line.startsWith('data: ')) data.push(line.slice(6));
  }
  return data.length === 0 ? undefined : { id, data: data.join('\n') };
};

export const openSse = async (url: string, headers: Record<string, string>): Promise<SseConnection> => {
  const abort = new AbortController();
  const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
  const reader = res.body?.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const frames: SseFrame[] = [];
  return {
    status: res.status,
    contentType: res.headers.get('content-type'),
    next: async (count) => {
      while (frames.length < count) {
        if (reader === undefined) throw new Error('no body');
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended after ${frames.length} frames`);
        buffer += value;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const frame = parseFrame(buffer.slice(0, end));
          if (frame !== undefined) frames.push(frame);
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
        }
      }
      return frames.splice(0, count);
    },
    close: () => abort.abort(),
  };
};
