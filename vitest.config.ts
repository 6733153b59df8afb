import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    // Limits for a hang, not a speed check: tests that start processes and open embedded databases
    // take over 30 s when a busy 2-core machine also runs other work (speed is measured by the bench).
    testTimeout: 120_000,
    hookTimeout: 180_000,
    maxWorkers: 2,
    env: { NODE_ENV: 'test' },
  },
});
