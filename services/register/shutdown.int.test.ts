import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readWholeLog } from '../../testing/log-invariants.js';
import { liveReadModels } from '../../testing/read-model-compare.js';
import { PROCESS_TOKENS, processEnv, spawnRegister } from '../../testing/register-process.js';
import { addressCommand, driveChains, enrolment } from '../../testing/workload.js';

/** SIGTERM under load (issue 9.6): drain the requests in flight, stop the projector at a checkpoint, checkpoint the WAL, exit 0. */

const dir = mkdtempSync(join(tmpdir(), 'register-sigterm-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('graceful shutdown on SIGTERM', () => {
  it('answers every request it accepted, keeps every acknowledged one, and exits 0 with the log checkpointed', async () => {
    const data = join(dir, 'data');
    const running = await spawnRegister(processEnv(data));
    const chains = Array.from({ length: 200 }, (_, i) => [...enrolment(i + 1), addressCommand(i + 1, 0)]);
    const load = driveChains(chains, running, { officer: PROCESS_TOKENS.officer, office: PROCESS_TOKENS.chiyoda }, 8);
    await new Promise((resolve) => setTimeout(resolve, 700));
    const signalledAt = Date.now();
    running.child.kill('SIGTERM');
    const exit = await running.exited;
    const result = await load;

    expect(exit).toEqual({ code: 0, signal: null });
    expect(Date.now() - signalledAt).toBeLessThan(10_000);
    expect(running.lines.some((l) => l.includes('"msg":"register stopped"'))).toBe(true);
    // A request either got its answer (never a 5xx: the store was not closed under it) or found the door shut.
    expect(result.refused).toEqual([]);
    expect(result.acknowledged.size).toBeGreaterThan(0);
    expect(result.acknowledged.size).toBeLessThan(chains.flat().length);
    // The last connection to close checkpoints the WAL into the database file and removes it.
    expect(existsSync(join(data, 'register.db-wal'))).toBe(false);

    const ids = new Set((await readWholeLog(join(data, 'register.db'))).map((e) => e.id));
    const lost = [...result.acknowledged].filter(([, sent]) => ((sent.body as { events?: { id: string }[] }).events ?? []).some((e) => !ids.has(e.id)));
    expect(lost.map(([name]) => name)).toEqual([]);
    // The projector stopped between two events: its checkpoint is a position of the log, not past it.
    const checkpoint = liveReadModels(data)['projection_checkpoint'] as { position: number }[];
    expect(checkpoint[0]?.position ?? 0).toBeLessThanOrEqual(ids.size);
  }, 60_000);
});
