import { defineConfig } from 'vitest/config';

// Tests that need a real PostgreSQL server (dropped connections, two instances on one database)
// are named *.pg.test.ts and collected only when TEST_DATABASE_URL is set: never skipped, so CI,
// which counts a skip as a failure, runs them in its PostgreSQL step.
const pgOnly = process.env.TEST_DATABASE_URL ? [] : ['**/*.pg.test.ts'];

// Two projects: "server" (unit tests beside the code + integration tests through app.inject on a
// real database) and "e2e" (real Chromium against a real server process).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'server',
          environment: 'node',
          include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'node_modules/**', ...pgOnly],
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // PGlite needs ~700 MB per database at creation; keep the workers few on 2-core machines.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // A page's rows can take over a second to appear on a busy 2-core machine; the default
          // poll of 1 s made the journeys fail on load, not on behaviour.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
