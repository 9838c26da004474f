import * as fs from 'fs';
import { Browser, chromium } from 'playwright-core';

/** Debian's chromium; the browser tests need it (scripts/ci-browser.sh installs it). */
export const CHROMIUM = '/usr/bin/chromium';

/** The flags the browser tests run chromium with: headless, and nothing that reaches the network. */
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Whether chromium is installed where the tests look for it. */
export function hasChromium(): boolean {
  return fs.existsSync(CHROMIUM);
}

/** Starts Debian's chromium through playwright-core. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
}

/**
 * `describe` when chromium is installed; otherwise one skipped test whose name says why, so that
 * `npm test` passes (and says so) on a machine without a browser.
 */
export function describeInChromium(name: string, body: () => void): void {
  if (hasChromium()) {
    describe(name, body);
  } else {
    describe(name, () => {
      test.skip(`skipped: ${CHROMIUM} is absent (run scripts/ci-browser.sh, which installs it)`, () => undefined);
    });
    console.warn(`${name}: skipped, ${CHROMIUM} is absent (scripts/ci-browser.sh installs it and runs these tests)`);
  }
}
