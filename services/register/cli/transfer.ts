import { existsSync, renameSync, rmSync, createWriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Presets, SingleBar } from 'cli-progress';
import { loadConfig } from '../config.js';
import { prepareDataDir } from '../data-dir.js';
import { LogFileError } from '../store/log-file.js';
import { describeStore, openStore } from '../store/open.js';
import { exportLines, importLogFile, ImportConflictError, type TransferProgress } from '../store/transfer.js';
import { UsageError, type CliCommand } from './command.js';
import { COMMON_ENV_FLAGS, COMMON_OPTIONS, COMMON_USAGE } from './common-flags.js';

const STORE_USAGE = `  (the store is the configured one: REGISTER_STORE=sqlite|kurrentdb, KURRENTDB_URL)`;

const fileFlag = (value: string | boolean | undefined, flag: string, what: string): string => {
  if (typeof value !== 'string' || value.trim().length === 0) throw new UsageError(`${flag} <file> is required: ${what}`);
  return resolve(value);
};

interface Progress {
  update(p: TransferProgress): void;
  stop(): void;
}

/** A bar on a terminal, otherwise at most one plain line a second (logs stay short). */
const progressOn = (label: string, unit: string, write: (text: string) => void): Progress => {
  if (process.stderr.isTTY) {
    const bar = new SingleBar({ stream: process.stderr, hideCursor: true, format: `${label} |{bar}| {percentage}% | {value}/{total} ${unit} | ETA {eta_formatted}` }, Presets.shades_classic);
    let started = false;
    return {
      update: ({ done, total }) => {
        if (!started) bar.start(total, done);
        else bar.update(done);
        started = true;
      },
      stop: () => {
        if (started) bar.stop();
      },
    };
  }
  let last = Number.NEGATIVE_INFINITY;
  return {
    update: ({ done, total }) => {
      const now = performance.now();
      if (now - last < 1000) return;
      last = now;
      write(`${label}: ${done.toLocaleString('en')} of ${total.toLocaleString('en')} ${unit}\n`);
    },
    stop: () => undefined,
  };
};

/** `register export --out <file>`: the whole log as NDJSON, written beside the target and renamed at the end. */
export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'write the event log to an NDJSON file (order, ids, revisions, data, metadata)',
  usage: `${COMMON_USAGE}
  --out <file>          the file to write; must not exist (required)
${STORE_USAGE}`,
  options: { ...COMMON_OPTIONS, out: { type: 'string' } },
  envFlags: COMMON_ENV_FLAGS,
  run: async ({ env, values }, io) => {
    const config = loadConfig(env);
    const out = fileFlag(values['out'], '--out', 'the file to write the log to');
    if (existsSync(out)) throw new UsageError(`--out: ${out} already exists; choose a new file`);
    const store = openStore(config);
    const partial = `${out}.partial`;
    const progress = progressOn('export', 'positions', io.stderr);
    let events = -2; // header and end line
    const started = performance.now();
    try {
      const counted = async function* (): AsyncIterable<string> {
        for await (const line of exportLines(store, progress.update)) {
          events += 1;
          yield line;
        }
      };
      await pipeline(Readable.from(counted()), createWriteStream(partial, { flags: 'wx' }));
      renameSync(partial, out);
    } catch (error) {
      rmSync(partial, { force: true });
      throw error;
    } finally {
      progress.stop();
      await store.close();
    }
    const seconds = (performance.now() - started) / 1000;
    io.stdout(`exported ${events} events from ${describeStore(config)} to ${out} in ${seconds.toFixed(1)} s\n`);
    return 0;
  },
};

/** `register import --in <file>`: checks the whole file, then appends it in order; a repeat appends nothing. */
export const importCommand: CliCommand = {
  name: 'import',
  summary: 'append an exported NDJSON log to the configured store (checked first; repeatable)',
  usage: `${COMMON_USAGE}
  --in <file>           a file written by register export (required)
${STORE_USAGE}`,
  options: { ...COMMON_OPTIONS, in: { type: 'string' } },
  envFlags: COMMON_ENV_FLAGS,
  run: async ({ env, values }, io) => {
    const config = loadConfig(env);
    const file = fileFlag(values['in'], '--in', 'the exported log to import');
    if (!existsSync(file)) throw new UsageError(`--in: ${file} does not exist`);
    if (config.store === 'sqlite') prepareDataDir(config.dataDir);
    const store = openStore(config);
    const progress = progressOn('import', 'events', io.stderr);
    const started = performance.now();
    try {
      const result = await importLogFile(store, file, progress.update);
      progress.stop();
      const seconds = (performance.now() - started) / 1000;
      io.stdout(`imported ${file} into ${describeStore(config)}: ${result.events} events, ${result.appended} appended, ${result.alreadyPresent} already present, in ${seconds.toFixed(1)} s\n`);
      return 0;
    } catch (error) {
      progress.stop();
      if (!(error instanceof LogFileError || error instanceof ImportConflictError)) throw error;
      io.stderr(`register: ${error.message}\n`);
      return 1;
    } finally {
      await store.close();
    }
  },
};
