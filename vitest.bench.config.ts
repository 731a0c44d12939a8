import { defineConfig } from 'vitest/config';

/** Timing runs in real Chromium; not part of `npm test`, figures are printed. */
export default defineConfig({
  test: {
    include: ['tests/bench/**/*.bench.ts'],
    setupFiles: ['scripts/node-i18n.ts'],
    environment: 'node',
    testTimeout: 600_000,
    hookTimeout: 90_000,
  },
});
