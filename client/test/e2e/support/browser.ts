import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CLIENT_DIR } from '../../../scripts/client-build.js';

/** Debian's Chromium, headless; as root it needs --no-sandbox. Each launch has a fresh temporary profile. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

const ARTIFACTS = path.join(CLIENT_DIR, '../test-artifacts/client');

/** Screenshots of the key pages, kept as test artifacts (git-ignored). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** A phone-width viewport (iPhone SE), where the layout must still work. */
export const PHONE = { width: 375, height: 667 };
