import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import pino from 'pino';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { uid } from '../helpers/factories.js';
import { createJobs, type JobDefinition, type Jobs } from '../../src/platform/jobs/jobs.js';
import { bossDbForTransaction } from '../../src/platform/jobs/jobs.adapters.js';

// Each run gets its own queue schema: on the shared PostgreSQL database other files run workers too.
const schema = `jobs_t_${uid()}`;
const log = pino({ level: 'silent' });
let ctx: TestContext;
const running: Jobs[] = [];

beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => {
  for (const j of running) await j.stop({ graceful: false }).catch(() => undefined);
  await ctx.database.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await ctx.close();
});

async function startJobs(definitions: JobDefinition[]): Promise<Jobs> {
  const jobs = createJobs(ctx.database, definitions, { log, schema, pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1 });
  await jobs.start();
  running.push(jobs);
  return jobs;
}

async function until<T>(what: () => Promise<T | undefined | false> | T | undefined | false, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await what();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function jobRow(id: string) {
  const rows = await ctx.database.query<{ state: string; retry_count: number }>(`SELECT state, retry_count FROM ${schema}.job WHERE id = $1`, [id]);
  return rows[0];
}

describe('durable jobs (pg-boss)', () => {
  it('a job whose worker is abandoned mid-run (stopped without waiting) is completed by another worker after its lease expires', async () => {
    const name = `durable-${uid()}`;
    let startedOnA = 0;
    const seenOnB: unknown[] = [];
    // Worker A takes the job and never finishes: it stands for a process killed mid-run.
    const a = await startJobs([{ name, expireInSeconds: 1, retryDelaySeconds: 1, retryLimit: 3, handler: async () => { startedOnA++; await new Promise(() => undefined); } }]);
    const id = (await a.enqueue(undefined, name, { n: 42 }))!;
    await until(() => startedOnA === 1);
    expect((await jobRow(id))!.state).toMatch(/active|retry/);
    await a.stop({ graceful: false });
    running.splice(running.indexOf(a), 1);

    // Worker B (another instance) later finds the expired lease and runs the job to completion.
    await startJobs([{ name, expireInSeconds: 1, retryDelaySeconds: 1, retryLimit: 3, handler: async (payload) => { seenOnB.push(payload); } }]);
    const done = await until(async () => {
      const row = await jobRow(id);
      return row?.state === 'completed' ? row : undefined;
    });
    expect(seenOnB).toEqual([{ n: 42 }]);
    expect(startedOnA).toBe(1);
    expect(done.retry_count).toBeGreaterThanOrEqual(1);
  });

  // PostgreSQL only: a real second process (PGlite in memory lives inside this one).
  it.runIf(Boolean(process.env.TEST_DATABASE_URL))('a job held by a worker process that is killed (SIGKILL) is completed by another instance', { timeout: 90_000 }, async () => {
    const name = `killed-${uid()}`;
    const seen: unknown[] = [];
    // This instance only enqueues at first (no workers), so the child takes the job.
    const producer = createJobs(ctx.database, [{ name, expireInSeconds: 1, retryDelaySeconds: 1, retryLimit: 3, handler: async () => undefined }], { log, schema, work: false });
    await producer.start();
    running.push(producer);
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/jobs-child.ts', process.env.TEST_DATABASE_URL!, schema, name], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => { out += c.toString(); });
    await until(() => out.includes('ready'), 60_000);
    const id = (await producer.enqueue(undefined, name, { n: 7 }))!;
    await until(() => out.includes(`started ${id}`), 20_000);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect((await jobRow(id))!.state).toMatch(/active|retry/);
    await startJobs([{ name, expireInSeconds: 1, retryDelaySeconds: 1, retryLimit: 3, handler: async (payload) => { seen.push(payload); } }]);
    await until(async () => (await jobRow(id))?.state === 'completed', 30_000);
    expect(seen).toEqual([{ n: 7 }]);
  });

  it('retries a failing job with exponential backoff, then completes it', async () => {
    const name = `flaky-${uid()}`;
    const attempts: number[] = [];
    await startJobs([{ name, retryLimit: 3, retryDelaySeconds: 1, retryBackoff: true, handler: async () => {
      attempts.push(Date.now());
      if (attempts.length < 3) throw new Error('transient failure');
    } }]);
    const jobs = running.at(-1)!;
    const id = (await jobs.enqueue(undefined, name, {}))!;
    await until(async () => (await jobRow(id))?.state === 'completed', 30_000);
    expect(attempts).toHaveLength(3);
    const gap1 = attempts[1]! - attempts[0]!;
    const gap2 = attempts[2]! - attempts[1]!;
    // delay = retryDelay × 2^(retry) / 2 × (1 + jitter): ≥ 1 s, then ≥ 2 s.
    expect(gap1).toBeGreaterThanOrEqual(900);
    expect(gap2).toBeGreaterThanOrEqual(1_900);
    expect((await jobRow(id))!.retry_count).toBe(2);
  });

  it('enqueues inside a transaction: nothing if it rolls back, the job if it commits', async () => {
    const name = `tx-${uid()}`;
    const seen: string[] = [];
    const jobs = await startJobs([{ name, handler: async (p) => { seen.push(String(p.tag)); } }]);
    await ctx.database.db.transaction(async (tx) => {
      await jobs.enqueue(tx, name, { tag: 'rolled-back' });
      tx.rollback();
    }).catch(() => undefined);
    await ctx.database.db.transaction(async (tx) => {
      await jobs.enqueue(tx, name, { tag: 'committed' });
    });
    await until(() => seen.includes('committed'));
    await new Promise((r) => setTimeout(r, 1_000));
    expect(seen).toEqual(['committed']);
  });

  it('drops a second queued job with the same singleton key, and registers schedules', async () => {
    const name = `single-${uid()}`;
    const jobs = createJobs(ctx.database, [{ name, policy: 'short', schedule: { cron: '7 * * * *' }, handler: async () => undefined }], { log, schema, work: false });
    await jobs.start();
    running.push(jobs);
    const first = await jobs.enqueue(undefined, name, {}, { singletonKey: 'user-1:daily:2026-11-29', startAfter: 60_000 });
    const second = await jobs.enqueue(undefined, name, {}, { singletonKey: 'user-1:daily:2026-11-29' });
    expect(first).toBeTruthy();
    expect(second).toBeNull();
    // Schedules are only written by working instances.
    const scheduler = await startJobs([{ name, policy: 'short', schedule: { cron: '7 * * * *' }, handler: async () => undefined }]);
    const schedules = await scheduler.boss.getSchedules();
    expect(schedules.find((s) => s.name === name)).toMatchObject({ cron: '7 * * * *', options: { tz: 'America/Montreal' } });
  });
});

describe('the transaction adapter pg-boss uses to enqueue with a change', () => {
  it('runs parameterless statements and numbered parameters inside the drizzle transaction', async () => {
    const rows = await ctx.database.db.transaction(async (tx) => {
      const boss = bossDbForTransaction(tx);
      const plain = await boss.executeSql('SELECT 1 AS one', []);
      const bound = await boss.executeSql('SELECT $2::text AS b, $1::int + 1 AS a', [41, 'deux']);
      return [plain.rows, bound.rows];
    });
    expect(rows).toEqual([[{ one: 1 }], [{ b: 'deux', a: 42 }]]);
  });
});
