import { mkdtempSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import pg from 'pg';
import pino from 'pino';
import { buildApp, type App } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { openDatabase, type Database } from '../../src/db/client.js';
import { runMigrations } from '../../src/db/migrate.js';
import { createMailWorker } from '../../src/platform/mail/mail.worker.js';

export type TestContext = { app: App; database: Database; config: Config; close(): Promise<void> };

// Media and private files that tests upload go to a folder of this test process, never the checkout's ./data.
let dataDir: string | undefined;
const testDataDir = () => (dataDir ??= mkdtempSync(join(tmpdir(), 'ec-test-data-')));

/** A fresh app on the test database (PGlite from the migrated template, or TEST_DATABASE_URL). */
export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestContext> {
  const url = process.env.TEST_DATABASE_URL;
  const templatePath = inject('pgliteTemplate');
  const template = !url && templatePath ? new Blob([readFileSync(templatePath)]) : undefined;
  const database = await openDatabase({ databaseUrl: url, dataDir: undefined, pgliteTemplate: template, poolSize: 5 });
  return appOn(database, overrides);
}

/**
 * An app on a database no other test file writes to, for tests that count over a whole table:
 * on PGlite every file already has its own; on PostgreSQL a database is created for the file
 * (migrated) and dropped by close().
 */
export async function createIsolatedTestApp(overrides: Partial<Config> = {}): Promise<TestContext> {
  const shared = process.env.TEST_DATABASE_URL;
  if (!shared) return createTestApp(overrides);
  const name = `ec_isolated_${randomBytes(5).toString('hex')}`;
  const server = new pg.Pool({ connectionString: shared, max: 1 });
  await server.query(`CREATE DATABASE ${name}`);
  const url = new URL(shared);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: undefined, poolSize: 5 });
  await runMigrations(database);
  const ctx = await appOn(database, overrides);
  return {
    ...ctx,
    async close() {
      await ctx.close();
      await server.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await server.end();
    },
  };
}

async function appOn(database: Database, overrides: Partial<Config>): Promise<TestContext> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_DEMO: 'no' }, { rateLimits: false, publicUrl: 'http://localhost:3000', dataDir: testDataDir(), ...overrides });
  const app = await buildApp({ config, database, logger: false });
  await app.ready();
  return {
    app,
    database,
    config,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** Delivers the outbox once (dev mode: rows are marked, nothing leaves the machine). */
export async function flushMail(ctx: TestContext, smtpUrl?: string): Promise<number> {
  const worker = createMailWorker({ db: ctx.database.db, smtpUrl, from: ctx.config.mailFrom, log: pino({ level: 'silent' }) });
  // On PostgreSQL the database is shared by concurrent test files: drain everything that is due,
  // not just the first batch, so this test's mail is certainly handled.
  let total = 0;
  for (let i = 0; i < 100; i++) {
    const n = await worker.runOnce();
    total += n;
    if (n === 0) break;
  }
  await worker.stop();
  return total;
}
