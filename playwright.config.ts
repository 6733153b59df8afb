import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_PATH, DEMO_PASSWORD } from './e2e/support/environment.ts';

/**
 * The browser suite: one Baton server with the demo data in a fresh, throw-away data folder,
 * driven by the system Chromium (no browser download). The tests share that server and its
 * database, so they run one at a time.
 *
 * The runner and each worker load this file; only the runner makes the data folder, and the
 * workers inherit its path through the environment.
 */
// BATON_E2E_PORT lets two runs share a machine (each starts its own server and data folder).
const PORT = Number(process.env.BATON_E2E_PORT) || 3210;
const baseURL = `http://127.0.0.1:${PORT}`;

let dataDir = process.env.BATON_E2E_DATA_DIR;
if (!dataDir) {
  const created = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-e2e-'));
  dataDir = process.env.BATON_E2E_DATA_DIR = created;
  process.on('exit', () => fs.rmSync(created, { recursive: true, force: true }));
}

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  // Limits for a hang, not a speed check: on a busy 2-core machine a long journey took 32 s.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL,
    testIdAttribute: 'data-qa',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [{ name: 'chromium' }],
  webServer: {
    command: 'node bin/baton.js serve --demo',
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    env: {
      NODE_ENV: 'development',
      BATON_DATA_DIR: dataDir,
      BATON_DEMO_PASSWORD: DEMO_PASSWORD,
      // Always the embedded database, whatever the surrounding shell points at.
      DATABASE_URL: '',
      PORT: String(PORT),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    },
  },
});
