import PgBoss from 'pg-boss';
import type { FastifyBaseLogger } from 'fastify';
import type { Database, Db } from '../../db/client.js';
import { bossDbFor, bossDbForTransaction } from './jobs.adapters.js';

/**
 * Durable background jobs on pg-boss (ADR 0009): the queue lives in the app's database (schema
 * `pgboss`), on PGlite or PostgreSQL. A job is leased while it runs; if its worker dies, the lease
 * expires (`expireInSeconds`) and the job is retried, with exponential backoff, by any instance.
 */
export type JobContext = { id: string; name: string; retryCount: number };
export type JobDefinition<P extends object = Record<string, unknown>> = {
  name: string;
  handler: (payload: P, job: JobContext) => Promise<void>;
  /** Attempts after the first one (default 4). */
  retryLimit?: number;
  /** First retry delay in seconds; doubled at each retry when retryBackoff (default 30 s, backoff on). */
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  /** How long a running job may hold its lease before it is considered lost and retried (default 5 min). */
  expireInSeconds?: number;
  /** `short`: at most one queued job per singletonKey (later ones are dropped). */
  policy?: 'standard' | 'short' | 'singleton' | 'stately';
  /** A cron schedule (minute granularity), e.g. hourly `7 * * * *`. */
  schedule?: { cron: string; tz?: string; payload?: P };
  /** Jobs of this queue that one instance runs at the same time (default 1). */
  concurrency?: number;
};

export type EnqueueOptions = { singletonKey?: string; startAfter?: Date | number };

export type JobsOptions = {
  log: FastifyBaseLogger;
  /** Postgres schema of the queue tables; tests use their own so concurrent files never share jobs. */
  schema?: string;
  pollingIntervalSeconds?: number;
  /** How often expired leases are found and retried, and old jobs archived (default 60 s). */
  maintenanceIntervalSeconds?: number;
  /** Run workers and schedules (false: this instance only enqueues). */
  work?: boolean;
};

export type Jobs = {
  start(): Promise<void>;
  /** graceful: wait (up to timeoutMs) for running handlers; otherwise abandon them (their leases will expire). */
  stop(opts?: { graceful?: boolean; timeoutMs?: number }): Promise<void>;
  /** Queues a job; with `tx`, in that transaction (it exists only if the transaction commits). */
  enqueue(tx: Db | undefined, name: string, payload: object, opts?: EnqueueOptions): Promise<string | null>;
  readonly schema: string;
  readonly boss: PgBoss;
};

const DEFAULT_JOBS_SCHEMA = 'pgboss';

export function createJobs(database: Database, definitions: JobDefinition[], opts: JobsOptions): Jobs {
  const schema = opts.schema ?? DEFAULT_JOBS_SCHEMA;
  const work = opts.work ?? true;
  const boss = new PgBoss({
    db: bossDbFor(database),
    schema,
    schedule: work,
    supervise: work,
    maintenanceIntervalSeconds: opts.maintenanceIntervalSeconds ?? 60,
    // PGlite is one process: nothing else can change its clock.
    ...(database.kind === 'pglite' ? { clockMonitorIntervalSeconds: 600 } : {}),
  });
  boss.on('error', (err) => opts.log.error({ err }, 'jobs: pg-boss error'));
  const byName = new Map(definitions.map((d) => [d.name, d]));
  let started = false;

  return {
    schema,
    boss,
    async start() {
      await boss.start();
      started = true;
      for (const d of definitions) {
        const queue: PgBoss.Queue = {
          name: d.name,
          policy: d.policy ?? 'standard',
          retryLimit: d.retryLimit ?? 4,
          retryDelay: d.retryDelaySeconds ?? 30,
          retryBackoff: d.retryBackoff ?? true,
          expireInSeconds: d.expireInSeconds ?? 300,
        };
        await boss.createQueue(d.name, queue);
        await boss.updateQueue(d.name, queue);
      }
      if (!work) return;
      for (const d of definitions) {
        if (d.schedule) await boss.schedule(d.name, d.schedule.cron, d.schedule.payload ?? {}, { tz: d.schedule.tz ?? 'America/Montreal' });
        const concurrency = Math.max(1, d.concurrency ?? 1);
        for (let i = 0; i < concurrency; i++) {
          await boss.work<object>(d.name, { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2, batchSize: 1, includeMetadata: true }, async ([job]) => {
            if (!job) return;
            try {
              await d.handler(job.data as Record<string, unknown>, { id: job.id, name: job.name, retryCount: job.retryCount });
            } catch (err) {
              opts.log.warn({ err, job: job.name, jobId: job.id, retryCount: job.retryCount }, 'jobs: handler failed, will retry with backoff');
              throw err;
            }
          });
        }
      }
    },
    async stop({ graceful = true, timeoutMs = 8_000 } = {}) {
      if (!started) return;
      started = false;
      await boss.stop({ graceful, wait: true, timeout: Math.max(1_000, timeoutMs), close: true });
    },
    async enqueue(tx, name, payload, eo = {}) {
      if (!byName.has(name)) throw new Error(`jobs: unknown job "${name}"`);
      const options: PgBoss.SendOptions = {
        ...(eo.singletonKey ? { singletonKey: eo.singletonKey } : {}),
        ...(eo.startAfter !== undefined ? { startAfter: eo.startAfter instanceof Date ? eo.startAfter : Math.max(0, Math.round(eo.startAfter / 1000)) } : {}),
        ...(tx ? { db: bossDbForTransaction(tx) } : {}),
      };
      return boss.send(name, payload, options);
    },
  };
}
