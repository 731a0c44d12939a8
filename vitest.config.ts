import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/db/**/*.test.ts', 'tests/component/**/*.test.tsx'],
    setupFiles: ['fake-indexeddb/auto', 'scripts/node-i18n.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
