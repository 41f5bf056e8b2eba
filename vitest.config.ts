import { readdirSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

/**
 * One suite, two databases: PGlite by default, PostgreSQL when TEST_DATABASE_URL is set.
 * Unit tests sit beside the code; integration and browser tests live in tests/.
 * SKIP_E2E=1 leaves out the browser journeys; E2E_SHARD=k/n keeps every n-th journey file from the
 * k-th (alphabetical order). CI runs every other test on both databases and each journey once:
 * half of them in the PGlite pass, half in the PostgreSQL pass, so the two passes take about as long.
 */
function e2eExcluded(): string[] {
  if (process.env.SKIP_E2E === '1') return ['tests/e2e/**'];
  const shard = /^(\d+)\/(\d+)$/.exec(process.env.E2E_SHARD ?? '');
  if (!shard) return [];
  const [k, n] = [Number(shard[1]), Number(shard[2])];
  const files = readdirSync('tests/e2e').filter((f) => f.endsWith('.test.ts')).sort();
  return files.filter((_, i) => i % n !== k - 1).map((f) => `tests/e2e/${f}`);
}

export default defineConfig({
  test: {
    globalSetup: ['./tests/helpers/global-setup.ts'],
    setupFiles: ['./tests/helpers/setup-i18n.ts'],
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['**/node_modules/**', ...e2eExcluded()],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    // Files share their worker's module graph instead of re-importing the whole app per file (every
    // file loads all modules' catalogues): unit tests went from 57 s to 9 s, integration from ~10 to
    // 3 minutes. It is safe because no test mocks modules or stubs globals (no vi.mock, vi.stubEnv,
    // fake timers), each file builds its own app and database, and registries fill once at import.
    isolate: false,
    fileParallelism: true,
    reporters: ['default'],
  },
});
