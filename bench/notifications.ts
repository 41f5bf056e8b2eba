/**
 * `npx tsx bench/notifications.ts` — the notification centre's API route on PostgreSQL: one person
 * with 1,000 notifications among 1,000,000 rows (20,000 people; 70 % read, 2 % hidden by moderation).
 * Drives `GET /api/v1/notifications` (first page, unread only, and a deep keyset page) through the
 * real app over HTTP with autocannon and prints req/s and p50 / p95 / p99, plus the query plan.
 * Options (env): BENCH_DATABASE_URL (admin URL of the server), BENCH_ROWS (1000000),
 * BENCH_SECONDS (8), BENCH_CONNECTIONS (10), BENCH_KEEP=1 to keep (and reuse) the seeded database.
 */
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/client.js';
import { runMigrations } from '../src/db/migrate.js';
import { seedReferenceData } from '../src/seed/seed.js';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createApiToken } from '../src/modules/auth/auth.service.js';
import type { Deps } from '../src/platform/deps.js';
import { seedPeople } from './seed.js';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PEOPLE = 20_000;
const MINE = 1_000;
const DB = 'ec_bench_notifications';

async function seed(database: Database): Promise<void> {
  const q = (text: string) => database.query(text);
  await runMigrations(database);
  await seedReferenceData({ db: database.db } as Deps);
  await seedPeople(database, PEOPLE);
  // bench1 gets MINE notifications over the last 60 days; everyone else shares the rest.
  await q(`INSERT INTO notifications (id, user_id, kind, data, url, subject_type, subject_id, created_at, read_at, hidden_at)
    SELECT 'bn' || g,
      CASE WHEN g <= ${MINE} THEN 'bench1' ELSE 'bench' || (2 + g % ${PEOPLE - 1}) END,
      (ARRAY['pledge.proposed','pledge.accepted','message.new','comment.mention','pledge.fulfilled'])[1 + g % 5],
      jsonb_build_object('needTitle', 'Besoin ' || g, 'projectTitle', 'Projet ' || (g % 5000), 'actorName', 'Personne ' || (g % 997), 'count', 1),
      '/engagements/bl' || g, 'pledge', 'bl' || g,
      now() - ((g::bigint * 5183) % (60 * 86400) || ' seconds')::interval,
      CASE WHEN g % 10 < 7 THEN now() END,
      CASE WHEN g % 50 = 0 THEN now() END
    FROM generate_series(1, ${ROWS}) g`);
  await q('ANALYZE');
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0;
}

async function load(url: string, token: string) {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers: { authorization: `Bearer ${token}` } }, (err, res) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(res)));
    instance.on('response', (_client, _status, _bytes, time) => latencies.push(time));
  });
  latencies.sort((a, b) => a - b);
  return { rps: Math.round(result.requests.average), p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), errors: result.errors + result.non2xx };
}

/** One request at a time (no queueing): the latency a person sees on a quiet server. */
async function sequential(url: string, token: string, n = 400) {
  const ms: number[] = [];
  for (let i = 0; i < n + 50; i++) {
    const started = performance.now();
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    await res.arrayBuffer();
    if (i >= 50) ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50).toFixed(1), p95: percentile(ms, 95).toFixed(1), p99: percentile(ms, 99).toFixed(1) };
}

const KEEP = process.env.BENCH_KEEP === '1';
const admin = new pg.Client({ connectionString: ADMIN_URL });
await admin.connect();
const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = '${DB}'`)).rowCount === 1;
if (!(KEEP && exists)) {
  await admin.query(`DROP DATABASE IF EXISTS ${DB}`);
  await admin.query(`CREATE DATABASE ${DB}`);
}
const dbUrl = new URL(ADMIN_URL);
dbUrl.pathname = `/${DB}`;
const database = await openDatabase({ databaseUrl: dbUrl.toString(), poolSize: 10 });
try {
  if (!(KEEP && exists)) {
    const started = Date.now();
    await seed(database);
    console.log(`seeded ${ROWS} notifications (${MINE} for the measured person) in ${Math.round((Date.now() - started) / 1000)} s`);
  }
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_DEMO: 'no' }, { rateLimits: false });
  const app = await buildApp({ config, database, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const { token } = await createApiToken(app.deps, 'bench1', 'bench');

  // A deep page: follow the cursor 25 pages down (rows 500–520).
  let cursor = '';
  for (let i = 0; i < 25; i++) {
    const res = (await (await fetch(`${base}/api/v1/notifications${cursor ? `?cursor=${cursor}` : ''}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { nextCursor: string };
    cursor = res.nextCursor;
  }
  const plan = await database.query<{ 'QUERY PLAN': string }>(
    `EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM notifications WHERE user_id = 'bench1' AND hidden_at IS NULL ORDER BY created_at DESC NULLS LAST, id DESC NULLS LAST LIMIT 21`,
  );
  console.log(plan.map((r) => r['QUERY PLAN']).join('\n'));

  const routes: [string, string][] = [
    ['GET /api/v1/notifications (first page)', '/api/v1/notifications'],
    ['GET /api/v1/notifications?unread=true', '/api/v1/notifications?unread=true'],
    ['GET /api/v1/notifications (page 26, keyset)', `/api/v1/notifications?cursor=${cursor}`],
  ];
  console.log(`\n| route | sequential p50 / p95 / p99 ms | ${CONNECTIONS} connections: req/s | p50 ms | p95 ms | p99 ms | errors |\n|---|---|---|---|---|---|---|`);
  for (const [label, path] of routes) {
    const one = await sequential(`${base}${path}`, token);
    const r = await load(`${base}${path}`, token);
    console.log(`| \`${label}\` | ${one.p50} / ${one.p95} / ${one.p99} | ${r.rps} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.errors} |`);
  }
  await app.close();
} finally {
  await database.close();
  if (!KEEP) await admin.query(`DROP DATABASE IF EXISTS ${DB}`);
  await admin.end();
}
