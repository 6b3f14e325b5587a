import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { legalDateOf } from '../../register/domain/rules/calendar.js';
import { at } from './testing/answers.js';
import { startDemoRegister, type DemoRegister } from './testing/demo-register.js';
import { EXAMPLES, type Discovered } from './testing/queries-doc-examples.js';
import { featuredLapse, knownBeforeClockStarted, type Answers } from './testing/queries-doc-picks.js';
import { COUNTS_BY_MUNICIPALITY } from './testing/queries-doc-queries.js';
import { renderQueriesSection, replaceQueriesSection, type DocAnswer, type DocSetup } from './testing/queries-doc-render.js';

const README = fileURLToPath(new URL('../../../README.md', import.meta.url));

/** A fixed seed and a fixed clock: the same population, the same "today", the same answers on every run. */
const NOW = '2026-11-20T10:00:00+09:00';
const SETUP: DocSetup = { residents: 60, seed: 'docs', until: '2026-11-20', now: NOW, today: legalDateOf(NOW) };

let register: DemoRegister | undefined;
beforeAll(async () => {
  register = await startDemoRegister(SETUP);
}, 60_000);
afterAll(async () => register?.stop());

/** The register started in beforeAll (fails the test that needs it if it did not start). */
const running = (): DemoRegister => {
  if (register === undefined) throw new Error('the register did not start');
  return register;
};

/** Runs the examples in order over HTTP; each may use what the earlier ones answered. */
const runExamples = async (): Promise<{ shown: DocAnswer[]; answers: Answers }> => {
  const discovered: Discovered = { countsByMunicipality: at((await running().graphql('analyst', COUNTS_BY_MUNICIPALITY)).body, 'data') };
  const answers = new Map<string, unknown>();
  const shown: DocAnswer[] = [];
  for (const step of EXAMPLES) {
    const example = step.build(answers, discovered);
    const { status, body } = await running().graphql(example.role, example.query, example.variables);
    answers.set(step.key, at(body, 'data') ?? null);
    shown.push({ example, status, body });
  }
  return { shown, answers };
};

/** The root fields of an answer that hold nothing to show: null, an empty list, or a connection without edges. */
const emptyFields = (body: unknown): string[] => {
  const data = at(body, 'data');
  if (typeof data !== 'object' || data === null) return ['data'];
  return Object.entries(data).filter(([, value]) =>
    value === null || (Array.isArray(value) && value.length === 0) || (Array.isArray(at(value, 'edges')) && at(value, 'edges', 0) === undefined),
  ).map(([field]) => field);
};

describe('README "Example queries with their real answers": the demo population through the whole register', () => {
  it('the demo is accepted by the law and fully projected: lag 0 at /metrics (decision 6)', async () => {
    expect(running().demo.rejections).toEqual([]);
    const metrics = await running().metrics();
    expect(metrics).toMatch(/^register_projection_lag_positions 0$/m);
    expect(metrics).toContain(`register_projection_events_total{outcome="applied"} ${running().demo.eventsAppended}`);
  });

  it('every example is answered (HTTP 200, no errors, nothing empty) and README.md shows exactly those answers', async () => {
    const { shown, answers } = await runExamples();
    for (const { example, status, body } of shown)
      expect({ title: example.title, status, errors: at(body, 'errors'), empty: emptyFields(body) }).toEqual({ title: example.title, status: 200, errors: undefined, empty: [] });
    // What the sentences around the answers claim.
    expect(at(answers.get('cardValidity'), 'first', 'validity')).toBe('VALID');
    expect(at(answers.get('cardValidity'), 'second', 'validity')).toBe('INVALID');
    const lapse = featuredLapse(answers.get('lapses'));
    expect(Date.parse(knownBeforeClockStarted(lapse))).toBeLessThan(Date.parse(lapse.knownSince));
    expect(at(answers.get('knownThen'), 'asRecordedToday', 'cancellationGrounds', 0, 'state')).toBe('CANDIDATE');
    expect(at(answers.get('knownThen'), 'asKnownThen', 'cancellationGrounds')).toEqual([]);

    const section = renderQueriesSection(SETUP, shown);
    const readme = readFileSync(README, 'utf8');
    const updated = replaceQueriesSection(readme, section);
    if (process.env['UPDATE_DOCS'] === '1') writeFileSync(README, updated);
    else expect(updated, 'README.md is out of date: run `npm run docs`').toBe(readme);
  });
});
