import { defineConfig } from 'vitest/config';

/**
 * One suite, two databases: PGlite by default, PostgreSQL when TEST_DATABASE_URL is set.
 * Unit tests sit beside the code; integration and browser tests live in tests/.
 */
export default defineConfig({
  test: {
    globalSetup: ['./tests/helpers/global-setup.ts'],
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    fileParallelism: true,
    reporters: ['default'],
  },
});
