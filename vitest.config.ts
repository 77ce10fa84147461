import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` needs no site build (`npx vitest run --project unit`); `e2e` builds the
 * site once in its global setup and checks it in real Chromium. `npm test` runs both.
 */
export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 600_000,
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], globalSetup: ['tests/setup/build-site.ts'] } },
    ],
  },
});
