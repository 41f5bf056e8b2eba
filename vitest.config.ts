import { defineConfig } from 'vitest/config';

/**
 * One suite, two databases: PGlite by default, PostgreSQL when TEST_DATABASE_URL is set.
 * Unit tests sit beside the code; integration and browser tests live in tests/.
 * SKIP_E2E=1 leaves out the browser journeys (CI runs them once, in the PostgreSQL pass, and runs
 * every other test on both databases).
 */
export default defineConfig({
  test: {
    globalSetup: ['./tests/helpers/global-setup.ts'],
    setupFiles: ['./tests/helpers/setup-i18n.ts'],
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: process.env.SKIP_E2E === '1' ? ['**/node_modules/**', 'tests/e2e/**'] : ['**/node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    fileParallelism: true,
    reporters: ['default'],
  },
});
