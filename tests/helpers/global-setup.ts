import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/client.js';
import { runMigrations } from '../../src/db/migrate.js';

export const TEMPLATE_PATH = path.resolve('.test-data/pglite-template.tar');

/**
 * Migrates the test database once. On PostgreSQL every file then shares it (each test makes its
 * own data with factories); on PGlite a migrated template is dumped so each file loads it in ~1 s.
 */
export default async function setup(project: TestProject): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  const database = await openDatabase({ databaseUrl: url, dataDir: undefined, poolSize: 2 });
  await runMigrations(database);
  if (!url) {
    const dump = await database.pglite!.dumpDataDir('none');
    mkdirSync(path.dirname(TEMPLATE_PATH), { recursive: true });
    writeFileSync(TEMPLATE_PATH, Buffer.from(await dump.arrayBuffer()));
  }
  await database.close();
  project.provide('pgliteTemplate', url ? '' : TEMPLATE_PATH);
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}
