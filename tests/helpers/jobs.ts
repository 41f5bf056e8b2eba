import pino from 'pino';
import { createJobs, type JobDefinition, type Jobs } from '../../src/platform/jobs/jobs.js';
import { uid } from './factories.js';
import type { TestContext } from './test-app.js';

/**
 * Runs a job as production would race it: two pg-boss workers (schedules off, concurrency 2) on a
 * throwaway schema, `name` enqueued once per singleton key, waits until every run completed (20 s
 * at most, else throws), then stops the workers and drops the schema.
 */
export async function runOnTwoWorkers(ctx: TestContext, definitions: readonly JobDefinition[], name: string, keys: readonly string[]): Promise<void> {
  const schema = `jobs_t_${uid()}`;
  const log = pino({ level: 'silent' });
  const workers: Jobs[] = [];
  try {
    for (let i = 0; i < 2; i++) {
      const jobs = createJobs(ctx.database, definitions.map((d) => ({ ...d, schedule: undefined, concurrency: 2 })), { log, schema, pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1 });
      await jobs.start();
      workers.push(jobs);
    }
    const ids = await Promise.all(keys.map((k) => workers[0]!.enqueue(undefined, name, {}, { singletonKey: k })));
    const end = Date.now() + 20_000;
    for (;;) {
      const rows = await ctx.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${schema}.job WHERE id = ANY($1) AND state = 'completed'`, [ids]);
      if (rows[0]!.n === ids.length) break;
      if (Date.now() > end) throw new Error(`${name} jobs did not complete`);
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    for (const w of workers) await w.stop({ graceful: false }).catch(() => undefined);
    await ctx.database.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  }
}
