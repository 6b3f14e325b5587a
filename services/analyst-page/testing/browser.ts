import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { describe } from 'vitest';

/**
 * The browser the page's tests drive: Debian's Chromium at /usr/bin/chromium, headless, through
 * playwright-core (which downloads nothing). Without it the tests skip with a visible line; with
 * `REQUIRE_BROWSER=1` (CI) a missing browser fails the run instead.
 */
export const CHROMIUM = '/usr/bin/chromium';

export const browserRequired = (): boolean => process.env.REQUIRE_BROWSER === '1';

const browserTestsEnabled = (): boolean => {
  const enabled = existsSync(CHROMIUM) || browserRequired();
  if (!enabled) console.warn(`[browser] ${CHROMIUM} is missing: skipping the analyst page's browser tests (apt-get install chromium)`);
  return enabled;
};

/** `describe` that skips visibly without Chromium and fails when REQUIRE_BROWSER=1 demands it. */
export const describeBrowser = (name: string, body: () => void): void => {
  describe.skipIf(!browserTestsEnabled())(name, body);
};

export const launchChromium = async (): Promise<Browser> => {
  if (!existsSync(CHROMIUM)) throw new Error(`REQUIRE_BROWSER=1 but ${CHROMIUM} is missing: apt-get install chromium`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true });
};

/** Compiles the page's scripts (web/tsconfig.json → dist/web/analyst-page) so the test serves what the source says. */
export const buildPageScripts = (projectDir: string): void => {
  execFileSync(process.execPath, [join(projectDir, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(projectDir, 'web', 'tsconfig.json')], { stdio: 'inherit' });
};
