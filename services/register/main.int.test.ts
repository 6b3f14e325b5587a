import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { DataDirError } from './data-dir.js';
import { startRegister } from './main.js';

const dir = mkdtempSync(join(tmpdir(), 'register-main-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const silent = pino({ level: 'silent' });

describe('the register in one process (embedded default)', () => {
  it('answers GET /healthz on a real port with the store head position', async () => {
    const register = await startRegister(loadConfig({ REGISTER_DATA_DIR: join(dir, 'a'), REGISTER_PORT: '0', REGISTER_BRIDGE_PORT: '0' }), silent);
    try {
      const res = await fetch(`${register.url}/healthz`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'ok', store: 'sqlite', headPosition: 0 });
    } finally {
      await register.stop();
    }
  });

  it('answers an unknown route with RFC 9457 problem details', async () => {
    const register = await startRegister(loadConfig({ REGISTER_DATA_DIR: join(dir, 'b'), REGISTER_PORT: '0', REGISTER_BRIDGE_PORT: '0' }), silent);
    try {
      const res = await fetch(`${register.url}/nowhere`);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await res.json()).toMatchObject({ status: 404, title: 'Not found', detail: 'GET /nowhere' });
    } finally {
      await register.stop();
    }
  });

  it('refuses to start on a data directory it cannot write, naming the directory', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'not a directory');
    const config = loadConfig({ REGISTER_DATA_DIR: join(file, 'data'), REGISTER_PORT: '0', REGISTER_BRIDGE_PORT: '0' });
    await expect(startRegister(config, silent)).rejects.toThrow(DataDirError);
    await expect(startRegister(config, silent)).rejects.toThrow(join(file, 'data'));
  });
});
