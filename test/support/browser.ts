// Headless Debian Chromium driven by playwright-core (never a downloaded browser).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';

export const SCREENSHOTS = join(__dirname, '..', 'artifacts', 'screenshots');
const CHROMIUM = process.env.TIDEWATCH_TEST_CHROMIUM ?? '/usr/bin/chromium';

export interface TestBrowser {
  browser: Browser;
  newContext(options?: { colorScheme?: 'light' | 'dark'; width?: number; height?: number }): Promise<BrowserContext>;
  screenshotPath(name: string): string;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<TestBrowser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    browser,
    newContext: (options = {}) =>
      browser.newContext({ colorScheme: options.colorScheme ?? 'light', viewport: { width: options.width ?? 1280, height: options.height ?? 800 } }),
    screenshotPath: (name) => join(SCREENSHOTS, `${name}.png`),
    close: async () => {
      // playwright gives every launch a fresh temporary profile and deletes it on close.
      await browser.close();
    },
  };
}
