import fs from 'node:fs';

/** The system Chromium the suite drives; Playwright's own browser download is never used. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Outside CI a machine without Chromium skips the browser suite; in CI a missing browser is a failure. */
export const CHROMIUM_MISSING = !fs.existsSync(CHROMIUM_PATH) && !process.env.CI;

/** The password of every demo user on the test server (BATON_DEMO_PASSWORD). */
export const DEMO_PASSWORD = 'correct horse battery staple';

/** Where the screenshot spec writes a full-page picture of each kind of page. */
export const SCREENS_DIR = process.env.BATON_SCREENS_DIR || '/tmp/screens';
