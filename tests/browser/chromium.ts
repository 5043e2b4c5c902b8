/**
 * Debian's Chromium, driven by playwright-core (test tools' own browser
 * downloads are blocked here, and readers use real Chromium anyway).
 *
 * No Chromium: under CI (CI=true) the browser suites FAIL, so CI can never
 * pass without running them; on a workstation they are SKIPPED, with the
 * reason in the test title. `.ci/run` installs Chromium when it is missing.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { describe, it } from 'vitest';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export const hasChromium = () => existsSync(CHROMIUM_PATH);

const inCI = () => process.env.CI === 'true' || process.env.CI === '1';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** `describe` for suites that need Chromium: runs, fails (CI) or visibly skips. */
export function describeInBrowser(name: string, suite: () => void): void {
  if (hasChromium()) {
    describe(name, suite);
  } else if (inCI()) {
    describe(name, () => {
      it('has Chromium to run in', () => {
        throw new Error(
          `CI=true but there is no Chromium at ${CHROMIUM_PATH}: install it (apt-get install -y chromium; .ci/run does this) so the browser tests run`,
        );
      });
    });
  } else {
    console.warn(`[browser tests] SKIPPED "${name}": no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium)`);
    describe.skip(`${name} — SKIPPED: no Chromium at ${CHROMIUM_PATH}`, suite);
  }
}
