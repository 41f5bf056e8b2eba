import { loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { runMigrations } from './db/migrate.js';
import { buildApp } from './app.js';
import { createMailWorker } from './platform/mail/mail.worker.js';
import { bootstrapAdmin } from './modules/admin/admin.bootstrap.js';
import { ensureReferenceData, seedIfEmpty } from './seed/seed.js';
import { createAppJobs } from './jobs.js';
import { runDataUpgrades } from './upgrades.js';

/** Boot: config → database → migrations → data upgrades → demo data (first start only) → listen → drain on SIGTERM. */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await runMigrations(database);
  const app = await buildApp({ config, database });
  await runDataUpgrades(app.deps);
  await seedIfEmpty(app.deps);
  await ensureReferenceData(app.deps);
  await bootstrapAdmin(app.deps);
  const worker = createMailWorker({ db: database.db, smtpUrl: config.smtpUrl, from: config.mailFrom, log: app.log });
  worker.start();
  // Durable jobs (pg-boss, ADR 0009): notification e-mails and digests, pledge lapses, housekeeping.
  const jobs = createAppJobs(app.deps);
  await jobs.start();

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    // SIGTERM (orchestrator, load balancer): stay up for the grace period, not ready but still
    // serving, so the balancer stops sending traffic before the socket closes; every response in
    // that time closes its connection (no idle keep-alive left to reset). SIGINT (Ctrl-C): at once.
    const graceMs = signal === 'SIGTERM' ? config.shutdownGraceSeconds * 1000 : 0;
    app.log.info({ signal, graceMs }, 'draining: readiness is now 503, still serving during the grace period');
    app.draining.value = true;
    const force = setTimeout(() => {
      app.log.error('drain took longer than the grace period + 10 s, exiting');
      process.exit(1);
    }, graceMs + 10_000);
    force.unref();
    try {
      if (graceMs > 0) await new Promise((resolve) => setTimeout(resolve, graceMs));
      app.log.info('grace period over: closing the server after in-flight requests');
      await app.close();
      await worker.stop();
      await jobs.stop({ graceful: true, timeoutMs: 5_000 });
      await database.close();
      process.exit(0);
    } catch (err) {
      app.log.error({ err }, 'error while shutting down');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('unhandledRejection', (err) => {
    app.log.fatal({ err }, 'unhandled rejection');
    process.exit(1);
  });

  await app.listen({ port: config.port, host: config.host });
  app.log.info(`Espace Collectif ready on ${config.publicUrl} (${database.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL'})`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
