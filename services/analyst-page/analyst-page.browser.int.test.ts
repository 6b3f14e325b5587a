import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startDemoRegister, DEMO_TOKENS, type DemoRegister } from '../projections/graphql/testing/demo-register.js';
import { buildPageScripts, describeBrowser, launchChromium } from './testing/browser.js';
import { findFixtures, type PageFixtures } from './testing/fixtures.js';
import { CHART_TOTALS, FOCUSED_ID, PAINTED_PIXELS, SCROLL_TOP, STORED_TOKEN, UNLABELED_CONTROLS } from './testing/in-page.js';

/**
 * The analyst page in a real browser (headless Debian Chromium through playwright-core) against
 * the whole register on a `register demo` population. Screenshots go to test-artifacts/.
 */

const PROJECT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ARTIFACTS = join(PROJECT, 'test-artifacts', 'analyst-page');
const README_SCREENSHOT = join(PROJECT, 'docs', 'analyst-page.png');

/** The page waits on a real register on a busy CI machine: generous waits, never sleeps. */
const POLL = { timeout: 20_000 } as const;
const SLOW = 120_000;

let register: DemoRegister;
let browser: Browser;
let page: Page;
let fixtures: PageFixtures;

const shot = async (name: string): Promise<void> => {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
};

const lookUp = async (text: string): Promise<void> => {
  await page.fill('#query', text);
  await page.press('#query', 'Enter');
};

describeBrowser('the analyst page at / (headless Chromium)', () => {
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launchChromium(); // first: without a browser under REQUIRE_BROWSER=1, fail at once
    buildPageScripts(PROJECT);
    register = await startDemoRegister({ residents: 100, seed: 'docs', until: '2026-11-20', now: '2026-11-20T01:00:00Z' });
    fixtures = await findFixtures(register);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await register?.stop();
  });

  it('serves the page with a strict CSP beside /healthz, /graphql and /metrics', async () => {
    const res = await fetch(`${register.url}/`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect((await fetch(`${register.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${register.url}/metrics`)).status).toBe(200);
    expect((await register.graphql('analyst', '{ statistics(groupBy: NATIONALITY) { key } }')).status).toBe(200);
    expect((await fetch(`${register.url}/app/../package.json`)).status).toBe(404);
  }, SLOW);

  it('sign-in: an unknown token is refused with a message, the analyst token opens the page; the token stays out of the URL', async () => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${register.url}/`);
    await page.fill('#token', 'not-a-token-of-this-register');
    await page.press('#token', 'Enter');
    await expect.poll(() => page.textContent('#signin-error'), POLL).toContain('401');
    expect(await page.isHidden('#app')).toBe(true);
    await shot('01-sign-in-refused');
    await page.fill('#token', DEMO_TOKENS.analyst);
    await page.click('#signin-form button[type=submit]');
    await page.waitForSelector('#app', { state: 'visible' });
    expect(page.url()).not.toContain(DEMO_TOKENS.analyst);
    expect(await page.evaluate(STORED_TOKEN)).toBe(DEMO_TOKENS.analyst);
    expect(errors).toEqual([]);
  }, SLOW);

  it('keyboard: after a reload (still signed in) Tab reaches the search field, Enter looks the card number up', async () => {
    await page.reload();
    await page.waitForSelector('#app', { state: 'visible' });
    let focused = '';
    for (let presses = 0; presses < 12 && focused !== 'query'; presses += 1) {
      await page.keyboard.press('Tab');
      focused = String(await page.evaluate(FOCUSED_ID));
    }
    expect(focused).toBe('query');
    await page.keyboard.type(fixtures.landed.cardNumber);
    await page.keyboard.press('Enter');
    await page.waitForSelector(`.resident[data-resident-id="${fixtures.landed.id}"]`);
    expect(await page.textContent('[data-panel=card]')).toContain(fixtures.landed.cardNumber);
  }, SLOW);

  it('lookup by resident id shows the status of residence, card, address, duties and grounds, each with its article', async () => {
    await lookUp(fixtures.late.id);
    await page.waitForSelector(`.resident[data-resident-id="${fixtures.late.id}"]`);
    for (const [panel, words] of [
      ['status', ['在留資格', 'Status of residence', 'Art. 19-4(1)(iii)', '在留期間', 'Period of stay']],
      ['card', ['在留カード', 'Residence card']],
      ['address', ['住居地', 'Residence address', 'Art. 19-7']],
      ['affiliation', ['所属機関', 'Affiliated organization', 'Art. 19-16']],
      ['obligations', ['Art. 19-7']],
      ['grounds', ['Art. 22-4(1)(viii), (ix)']],
    ] as const)
      for (const word of words) expect(await page.textContent(`[data-panel=${panel}]`)).toContain(word);
  }, SLOW);

  it('the timeline sets the legal date against the recorded date and marks a late relay', async () => {
    const lateRow = page.locator('table.timeline tbody tr.late-relay').first();
    await lateRow.waitFor();
    const cells = await lateRow.locator('td').allTextContents();
    expect(cells[3]).toBe(fixtures.late.legalDate);
    expect(cells[4]).toBe(fixtures.late.recordedOn);
    expect(cells[5]).toContain('Late relay');
    await shot('02-lookup-timeline');
  }, SLOW);

  it('changing the as-of date shows the status at the end of that day', async () => {
    await lookUp(fixtures.landed.id);
    await page.waitForSelector(`.resident[data-resident-id="${fixtures.landed.id}"] [data-mltr=true]`);
    await page.fill('#as-of', fixtures.landed.dayBefore);
    await page.dispatchEvent('#as-of', 'change');
    await page.waitForSelector(`[data-as-of="${fixtures.landed.dayBefore}"]`);
    expect(await page.getAttribute('[data-mltr]', 'data-mltr')).toBe('false');
    expect(await page.textContent('[data-panel=card]')).toContain('No residence card issued by this date');
    await shot('03-as-of-before-landing');
    await page.fill('#as-of', '');
    await page.dispatchEvent('#as-of', 'change');
    await page.waitForSelector('[data-mltr=true]');
  }, SLOW);

  it('the address-lapse list pages through the whole country and exports every row to CSV', async () => {
    await page.fill('#lapses-size', '2');
    await page.click('#lapses-form button[type=submit]');
    const pages = Math.ceil(fixtures.lapses.length / 2);
    const seen: string[] = [];
    for (let n = 1; n <= pages; n += 1) {
      await expect.poll(() => page.textContent('#lapses-page'), POLL).toBe(`Page ${n} of ${pages}`);
      const ids = await page.locator('table.lapses tbody tr button[data-open]').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-open') ?? ''));
      expect(ids.length).toBe(Math.min(2, fixtures.lapses.length - seen.length));
      seen.push(...ids);
      expect(await page.isDisabled('#lapses-prev')).toBe(n === 1);
      expect(await page.isDisabled('#lapses-next')).toBe(n === pages);
      if (n < pages) await page.click('#lapses-next');
    }
    expect(seen.sort()).toEqual([...fixtures.lapses].sort());
    await shot('04-lapse-list');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#lapses-csv')]);
    expect(download.suggestedFilename()).toBe('address-lapses-today-all.csv');
    const csv = readFileSync(await download.path(), 'utf8');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('resident_id,name,nationality,ground,article,from,strict_from,clock_started_on,municipality_code,prefecture,state,cured_late_on,known_since');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(1, -1).map((line) => line.split(',')[0]).sort()).toEqual([...fixtures.lapses].sort());
    await expect.poll(() => page.textContent('#csv-status'), POLL).toBe(`Exported ${fixtures.lapses.length} rows to CSV.`);
  }, SLOW);

  it('draws the four charts from statistics queries, each with a data table', async () => {
    await page.locator('#charts').scrollIntoViewIfNeeded();
    await expect.poll(() => page.textContent('#charts-status'), { timeout: 90_000 }).toContain('Charts drawn');
    const totals: unknown = await page.evaluate(CHART_TOTALS);
    expect(Array.isArray(totals) && totals.length === 4 && totals.every((total) => typeof total === 'number' && total > 0)).toBe(true);
    expect(Number(await page.evaluate(PAINTED_PIXELS))).toBeGreaterThan(1000);
    expect(await page.locator('#table-status table th[scope=col]').count()).toBeGreaterThan(1);
    await shot('05-charts');
  }, SLOW);

  it('labels every form control and names every chart for assistive technology', async () => {
    expect(await page.evaluate(UNLABELED_CONTROLS)).toEqual([]);
    expect(await page.locator('canvas[role=img][aria-label]').count()).toBe(4);
    expect(await page.locator('body > header, body > nav, body > main, body > footer').count()).toBe(4);
  }, SLOW);

  it('a screenshot for the README (UPDATE_DOCS=1 writes docs/analyst-page.png)', async () => {
    await lookUp(fixtures.late.id);
    await page.waitForSelector(`.resident[data-resident-id="${fixtures.late.id}"]`);
    await page.locator('table.timeline tbody tr.late-relay').first().waitFor();
    await page.evaluate(SCROLL_TOP);
    const path = process.env['UPDATE_DOCS'] === '1' ? README_SCREENSHOT : join(ARTIFACTS, 'readme.png');
    if (process.env['UPDATE_DOCS'] === '1') mkdirSync(dirname(README_SCREENSHOT), { recursive: true });
    // From the banner to the end of the lookup: the status panels and the timeline with its late relay.
    const lookup = await page.locator('#lookup').boundingBox();
    await page.screenshot({ path, fullPage: true, clip: { x: 0, y: 0, width: 1280, height: Math.ceil((lookup?.y ?? 0) + (lookup?.height ?? 900) + 16) } });
    expect(readFileSync(path).subarray(1, 4).toString()).toBe('PNG');
  }, SLOW);
});
