import { defineConfig } from 'vitest/config';

/** Real-Chromium end-to-end tests: one file at a time, generous timeouts. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.spec.ts'],
    // Empties the network log before the run and checks the whole run's log after it.
    globalSetup: ['tests/e2e/network-summary.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
  },
});
