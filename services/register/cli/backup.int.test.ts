import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { logViolations, readWholeLog } from '../../../testing/log-invariants.js';
import { liveReadModels, rebuiltReadModels } from '../../../testing/read-model-compare.js';
import { CLI, PROCESS_TOKENS, processEnv, spawnRegister, stopRegister, type RegisterProcess } from '../../../testing/register-process.js';
import { addressCommand, driveChains, enrolment } from '../../../testing/workload.js';

/** `register backup` of a running register under writes, `register restore`, and a comparison (issue 9.6). */

const dir = mkdtempSync(join(tmpdir(), 'register-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const credentials = { officer: PROCESS_TOKENS.officer, office: PROCESS_TOKENS.chiyoda };

const cli = (...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });

const waitCaughtUp = async (running: RegisterProcess): Promise<void> => {
  const deadline = Date.now() + 30_000;
  while (!/^register_projection_lag_positions 0$/m.test(await (await fetch(`${running.url}/metrics`)).text())) {
    if (Date.now() > deadline) throw new Error('projector did not catch up');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

/** What identifies an event in the log (metadata holds recordedAt, equal too). */
const shape = (e: Awaited<ReturnType<typeof readWholeLog>>[number]) => [e.position, e.streamId, e.revision, e.id, e.type, e.data, e.metadata];

describe('register backup and restore (issue 9.6)', () => {
  const data = join(dir, 'data');
  it('backs up a running register under writes consistently; the restore is a prefix of the log and rebuilds to its read models', async () => {
    const running = await spawnRegister(processEnv(data));
    // Writes go on in rounds of 20 residents until a round has started after the backup finished, so
    // the backup falls strictly inside them however fast this machine is.
    let backupDone = false;
    const load = (async () => {
      let result: Awaited<ReturnType<typeof driveChains>> | undefined;
      for (let round = 0, after = 0; after < 1; round += 1) {
        if (backupDone) after += 1;
        const chains = Array.from({ length: 20 }, (_, i) => round * 20 + i + 1).map((n) => [...enrolment(n), addressCommand(n, 0)]);
        result = await driveChains(chains, running, credentials, 4, result);
      }
      return result ?? { refused: [] };
    })();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const ackedAtStart = (await readWholeLog(join(data, 'register.db'))).length;
    const backup = await cli('backup', '--data-dir', data, '--to', join(dir, 'online'));
    backupDone = true;
    const result = await load;
    expect([backup.code, backup.stderr]).toEqual([0, expect.stringContaining('backup: register.db')]);
    expect(result.refused).toEqual([]);
    expect(await stopRegister(running)).toEqual({ code: 0, signal: null });

    const manifest = JSON.parse(readFileSync(join(dir, 'online', 'manifest.json'), 'utf8')) as { headPosition: number };
    const original = await readWholeLog(join(data, 'register.db'));
    // Taken while writes went on: more than at the start, less than at the end.
    expect(manifest.headPosition).toBeGreaterThan(ackedAtStart);
    expect(manifest.headPosition).toBeLessThan(original.length);

    const restoredDir = join(dir, 'restored-online');
    const restore = await cli('restore', '--data-dir', restoredDir, '--from', join(dir, 'online'));
    expect([restore.code, restore.stdout]).toEqual([0, expect.stringContaining(`log head at position ${manifest.headPosition}`)]);
    const restored = await readWholeLog(join(restoredDir, 'register.db'));
    expect(logViolations(restored)).toEqual([]);
    expect(restored.map(shape)).toEqual(original.slice(0, manifest.headPosition).map(shape));

    // The restored register starts, its projector catches up from the backed-up checkpoint, and its
    // read models equal a rebuild of the restored log.
    const again = await spawnRegister(processEnv(restoredDir));
    await waitCaughtUp(again);
    expect(await stopRegister(again)).toEqual({ code: 0, signal: null });
    expect(liveReadModels(restoredDir)).toEqual(await rebuiltReadModels(restoredDir));
  }, 120_000);

  it('a backup of a stopped register restores to the same log and the same read models', async () => {
    const backup = await cli('backup', '--data-dir', data, '--to', join(dir, 'offline'));
    expect(backup.code).toBe(0);
    const restoredDir = join(dir, 'restored-offline');
    expect((await cli('restore', '--data-dir', restoredDir, '--from', join(dir, 'offline'))).code).toBe(0);
    expect((await readWholeLog(join(restoredDir, 'register.db'))).map(shape)).toEqual((await readWholeLog(join(data, 'register.db'))).map(shape));
    expect(liveReadModels(restoredDir)).toEqual(liveReadModels(data));
  }, 60_000);

  it('refuses to restore over a data directory that holds the register, and to back up into a non-empty directory', async () => {
    const over = await cli('restore', '--data-dir', data, '--from', join(dir, 'offline'));
    expect([over.code, over.stderr]).toEqual([1, expect.stringContaining(`the data directory ${data} already holds`)]);
    const into = await cli('backup', '--data-dir', data, '--to', join(dir, 'offline'));
    expect([into.code, into.stderr]).toEqual([1, expect.stringContaining('is not empty')]);
    const missing = await cli('backup', '--data-dir', data);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('--to <dir> is required')]);
  }, 30_000);
});
