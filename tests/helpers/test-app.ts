import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import pino from 'pino';
import { buildApp, type App } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { openDatabase, type Database } from '../../src/db/client.js';
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
