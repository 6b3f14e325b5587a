import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_TYPES } from '../domain/commands.js';
import { kebabCase } from './command-request.js';
import { renderCommandsSection, replaceSection, type DocExchange } from './testing/commands-doc-render.js';
import { DOC_STEPS } from './testing/commands-doc-scenario.js';
import { startTestServer, type TestServer } from './testing/server.js';

const README = fileURLToPath(new URL('../../../README.md', import.meta.url));

let ids = 0;
let server: TestServer;
beforeAll(async () => {
  ids = 0;
  const newId = () => `00000000-0000-4000-8000-${String((ids += 1)).padStart(12, '0')}`;
  server = await startTestServer({ newId });
});
afterAll(async () => server.stop());

/** Runs the README's sequence against the real server, with a fixed clock and fixed idempotency keys. */
const runSequence = async (): Promise<DocExchange[]> => {
  const exchanges: DocExchange[] = [];
  for (const [i, step] of DOC_STEPS.entries()) {
    server.setNow(step.at);
    const idempotencyKey = `req-${String(i + 1).padStart(4, '0')}`;
    const res = await server.post(`/residents/${step.residentId}/${kebabCase(step.command)}`, step.body, { 'idempotency-key': idempotencyKey });
    exchanges.push({ step, idempotencyKey, status: res.status, etag: res.headers.get('etag'), body: res.body });
  }
  return exchanges;
};

describe('README "The command API": every command with a real request and response', () => {
  it('shows every command exactly once', () => {
    const shown = DOC_STEPS.filter((s) => s.shown).map((s) => s.command);
    expect([...shown].sort()).toEqual([...COMMAND_TYPES].sort());
  });

  it('the realistic sequence is accepted by the law: every step appends its event (201)', async () => {
    const exchanges = await runSequence();
    for (const { step, status, body } of exchanges) expect({ command: step.command, at: step.at, status, body }).toMatchObject({ status: 201 });
    const section = renderCommandsSection(exchanges);
    const readme = readFileSync(README, 'utf8');
    const updated = replaceSection(readme, section);
    if (process.env['UPDATE_DOCS'] === '1') writeFileSync(README, updated);
    else expect(updated, 'README.md is out of date: run `npm run docs`').toBe(readme);
  });
});
