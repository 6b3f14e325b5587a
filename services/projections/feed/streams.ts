/** A long-lived answer (long-poll, SSE stream, websocket subscription) that shutdown must end. */
export interface OpenStream {
  readonly signal: AbortSignal;
  close(): void;
}

/**
 * The open streams of the feed and the subscription. `server.close()` waits for every connection to
 * end, so the register ends these first (`closeAll`) when it stops.
 */
export interface StreamRegistry {
  open(): OpenStream;
  closeAll(): void;
  readonly size: number;
}

export const createStreamRegistry = (): StreamRegistry => {
  const open = new Set<AbortController>();
  let closed = false;
  return {
    open: () => {
      const controller = new AbortController();
      if (closed) controller.abort();
      else open.add(controller);
      return { signal: controller.signal, close: () => { open.delete(controller); controller.abort(); } };
    },
    closeAll: () => {
      closed = true;
      for (const controller of open) controller.abort();
      open.clear();
    },
    get size() { return open.size; },
  };
};
