/**
 * Group commit. Every audit commit is an fsync (WAL, synchronous=FULL); one per response capped the
 * GraphQL API at a few hundred responses a second. Here the items of every `add` are queued and
 * handed to `write` together: at most one write is in flight, and whatever was added meanwhile
 * makes the next group, so the groups grow with the load and there is one fsync per group.
 *
 * Each `add` settles only after its group's write: resolved when it committed, rejected when it
 * failed (the write is one transaction: then none of the group is written). Nothing queued is
 * dropped: `close` hands what is left to `write` at once.
 */
export interface GroupCommit<T> {
  /** Resolves once `items` are written, together with whatever else was queued by then. */
  add(items: readonly T[]): Promise<void>;
  /** Hands what is queued to `write` now (the writer runs its writes in order); afterwards `add` rejects. */
  close(): void;
}

export interface GroupCommitOptions {
  /** At most this many items per write (bounds one transaction); an add is never split. Default 1,000. */
  readonly maxGroup?: number;
}

interface Waiting<T> {
  readonly items: readonly T[];
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

export const DEFAULT_MAX_GROUP = 1_000;

/** `write` writes all the items it is given or none (one transaction), and rejects if it did not. */
export const groupCommit = <T>(write: (items: readonly T[]) => Promise<void>, options: GroupCommitOptions = {}): GroupCommit<T> => {
  const maxGroup = Math.max(1, options.maxGroup ?? DEFAULT_MAX_GROUP);
  let waiting: Waiting<T>[] = [];
  let inFlight = false;
  let scheduled = false;
  let closed = false;

  const dispatch = (group: readonly Waiting<T>[]): Promise<void> =>
    write(group.flatMap((w) => w.items)).then(
      () => group.forEach((w) => w.resolve()),
      (error: unknown) => group.forEach((w) => w.reject(error)),
    );

  const next = (): void => {
    scheduled = false;
    if (inFlight || waiting.length === 0) return;
    let count = 0;
    let taken = 0;
    while (taken < waiting.length && (taken === 0 || count + (waiting[taken]?.items.length ?? 0) <= maxGroup)) {
      count += waiting[taken]?.items.length ?? 0;
      taken += 1;
    }
    const group = waiting.slice(0, taken);
    waiting = waiting.slice(taken);
    inFlight = true;
    void dispatch(group).then(() => {
      inFlight = false;
      next();
    });
  };

  return {
    add: (items) => {
      if (closed) return Promise.reject(new Error('the audit log is closed'));
      if (items.length === 0) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        waiting.push({ items, resolve, reject });
        // The next turn of the loop, not now: the responses finishing in this turn join the group.
        if (!inFlight && !scheduled) {
          scheduled = true;
          setImmediate(next);
        }
      });
    },
    close: () => {
      closed = true;
      const rest = waiting;
      waiting = [];
      if (rest.length > 0) void dispatch(rest);
    },
  };
};
