import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { Recorded } from '../../../testing/facts.js';
import { appendHistory } from '../../../testing/clock.js';
import { waitUntil } from '../../../testing/wait.js';
import { createReadModels } from '../../projections/read-models/queries.js';
import type { ReadModels } from '../../projections/read-models/types.js';
import { openProjectionDatabase } from '../../projections/runtime/projection-db.js';
import { startProjector } from '../../projections/runtime/projector.js';
import { loadConfig } from '../../register/config.js';
import { legalDateOf } from '../../register/domain/rules/calendar.js';
import type { EventStore } from '../../register/store/port.js';
import { openSqliteEventStore } from '../../register/store/sqlite.js';
import { startBridge, type RunningBridge } from '../app.js';
import { openQuarantineStore, QUARANTINE_FILE, type QuarantineStore } from '../quarantine-store.js';

/** A bridge on real SQLite files in a temp dir, with the projector running, on a real port 0 server. */

export const CHIYODA_KEY = 'chiyoda-office-key-7c1e9b';
export const SHINJUKU_KEY = 'shinjuku-office-key-4d2a8f';
export const OFFICER_TOKEN = 'officer-0001-token-4f9a2c7e';
export const SHINJUKU = '131041';

export interface TestBridge {
  readonly url: string;
  readonly dir: string;
  readonly store: EventStore;
  readonly readModels: ReadModels;
  readonly quarantine: QuarantineStore;
  readonly bridge: RunningBridge;
  setNow(instant: string): void;
  /** Appends a resident's history as an officer would, then waits until the read models have it. */
  seed(residentId: string, items: readonly Recorded[]): Promise<void>;
  /** Waits until the projector has applied everything in the log. */
  projected(): Promise<void>;
  stop(): Promise<void>;
}

export const startTestBridge = async (options: { rateLimit?: number; now?: string } = {}): Promise<TestBridge> => {
  const dir = mkdtempSync(join(tmpdir(), 'municipal-bridge-'));
  const store = openSqliteEventStore({ file: join(dir, 'register.db') });
  let now = options.now ?? '2026-08-01T10:00:00+09:00';
  const clock = () => now;
  const logger = pino({ level: 'silent' });
  const { db } = openProjectionDatabase(join(dir, 'projections.db'));
  const projector = startProjector({ store, db, today: () => legalDateOf(now), logger });
  const readModels = createReadModels(db);
  const quarantine = openQuarantineStore(join(dir, QUARANTINE_FILE));
  const config = loadConfig({
    REGISTER_MUNICIPAL_KEYS: `131016:${CHIYODA_KEY},${SHINJUKU}:${SHINJUKU_KEY}`,
    REGISTER_OFFICER_TOKENS: `officer-0001:${OFFICER_TOKEN}`,
    REGISTER_BRIDGE_RATE_LIMIT: String(options.rateLimit ?? 10_000),
  });
  const bridge = await startBridge({ store, readModels, quarantine, config, logger, clock, newId: randomUUID, host: '127.0.0.1', port: 0 });
  const projected = async (): Promise<void> => {
    const head = await store.headPosition();
    await waitUntil(() => readModels.checkpoint() >= head, 30_000);
  };
  return {
    url: bridge.url, dir, store, readModels, quarantine, bridge,
    setNow: (instant) => { now = instant; },
    seed: async (residentId, items) => {
      await appendHistory(store, residentId, items);
      await projected();
    },
    projected,
    stop: async () => {
      await bridge.stop();
      await projector.stop();
      db.close();
      quarantine.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
