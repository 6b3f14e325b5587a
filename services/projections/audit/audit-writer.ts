import { createRequire } from 'node:module';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { z } from 'zod';

/** Named parameters of one INSERT. */
export type Row = Readonly<Record<string, string | number | null>>;

/** Writes rows in one transaction per call, off the event loop; calls run in the order they were made. */
export interface RowWriter {
  /** Resolves once the rows are committed (durable: synchronous=FULL); rejects if none of them is. */
  write(rows: readonly Row[]): Promise<void>;
  /** Waits (blocking, at most CLOSE_TIMEOUT_MS) for the writes made so far, then stops; an unanswered write rejects. */
  close(): void;
}

const CLOSE_TIMEOUT_MS = 10_000;

/**
 * The writer thread: its own connection to the file, the same pragmas as applyPragmas (WAL,
 * synchronous=FULL: each commit is an fsync, which blocks this thread and not the event loop).
 * Plain JavaScript evaluated as a worker, so it runs alike from dist and from the sources under vitest.
 */
const WRITER = `
const { workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const { port, signal } = workerData;
const open = () => {
  const db = new Database(workerData.file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  const insert = db.prepare(workerData.insert);
  return { db, write: db.transaction((rows) => { for (const row of rows) insert.run(row); }) };
};
let opened;
try {
  opened = open();
} catch (error) {
  throw new Error(error instanceof Error ? error.message : String(error)); // a SqliteError reaches the main thread without its message
}
const { db, write } = opened;
port.on('message', (message) => {
  if (message.kind === 'close') {
    db.close();
    Atomics.store(signal, 0, 1);
    Atomics.notify(signal, 0);
    return;
  }
  try {
    write.immediate(message.rows);
    port.postMessage({ id: message.id, error: null });
  } catch (error) {
    port.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
  }
});
`;

const Reply = z.object({ id: z.number().int(), error: z.string().nullable() });

interface Pending {
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

/** Starts a thread that runs `insert` for each row given to `write`, on its own connection to `file` (already migrated). */
export const startRowWriter = (file: string, insert: string): RowWriter => {
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1: port, port2 } = new MessageChannel();
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WRITER, { eval: true, workerData: { file, driver, insert, port: port2, signal }, transferList: [port2] });
  worker.unref(); // the port keeps the process alive while a write is pending, and only then
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let failure: Error | undefined;
  let closed = false;

  const settle = (message: unknown): void => {
    const reply = Reply.parse(message);
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    if (pending.size === 0) port.unref();
    if (reply.error === null) waiting?.resolve();
    else waiting?.reject(new Error(`audit log write failed: ${reply.error}`));
  };
  const failAll = (error: Error): void => {
    failure ??= error;
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
    port.unref();
  };
  port.on('message', settle);
  port.unref();
  worker.on('error', (error) => failAll(new Error(`the audit log's writer thread failed: ${error.message}`)));
  worker.on('exit', (code) => {
    if (!closed) failAll(new Error(`the audit log's writer thread stopped (exit code ${code})`));
  });

  return {
    write: (rows) => {
      if (failure !== undefined) return Promise.reject(failure);
      if (closed) return Promise.reject(new Error('the audit log is closed'));
      const id = nextId++;
      return new Promise<void>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        port.ref();
        port.postMessage({ kind: 'write', id, rows });
      });
    },
    close: () => {
      if (closed) return;
      closed = true;
      if (failure === undefined) {
        port.postMessage({ kind: 'close' });
        Atomics.wait(signal, 0, 0, CLOSE_TIMEOUT_MS); // the writer answers every write before the close
        for (let m = receiveMessageOnPort(port); m !== undefined; m = receiveMessageOnPort(port)) settle(m.message);
      }
      failAll(new Error('the audit log was closed before the write was confirmed'));
      port.close();
      void worker.terminate();
    },
  };
};
