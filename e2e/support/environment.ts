import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';

/** The system Chromium the suite drives; Playwright's own browser download is never used. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Outside CI a machine without Chromium skips the browser suite; in CI a missing browser is a failure. */
export const CHROMIUM_MISSING = !fs.existsSync(CHROMIUM_PATH) && !process.env.CI;

/** The password of every demo user on the test server (BATON_DEMO_PASSWORD). */
export const DEMO_PASSWORD = 'correct horse battery staple';

/** Where the screenshot spec writes a full-page picture of each kind of page. */
export const SCREENS_DIR = process.env.BATON_SCREENS_DIR || '/tmp/screens';

/** A full-page picture of the page as it is now, for a person to look over. */
export function screenshot(page: Page, name: string) {
  return page.screenshot({ path: path.join(SCREENS_DIR, `${name}.png`), fullPage: true });
}

/** How wide the page is laid out, scrolling included: no wider than the window when nothing scrolls sideways. */
export function pageWidth(page: Page): Promise<number> {
  return page.evaluate<number>('document.documentElement.scrollWidth');
}
