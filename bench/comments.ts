/**
 * `npx tsx bench/comments.ts` — comment creation and a big thread's first page on PostgreSQL: one
 * project with 10,000 comments (7,000 top-level, 3,000 replies, 20,000 reactions on them) among
 * 2,000 people. Drives the real app over HTTP with autocannon: `POST /api/v1/projects/:id/comments`
 * (with an @mention, so the notification path runs), `GET /api/v1/projects/:id/comments` (first
 * page with replies embedded) and the project page; prints req/s and p50 / p95 / p99, plus the plan
 * of the first-page query. Options (env): BENCH_DATABASE_URL (admin URL of the server),
 * BENCH_COMMENTS (10000), BENCH_SECONDS (8), BENCH_CONNECTIONS (10), BENCH_KEEP=1 to keep the database.
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
const COMMENTS = Number(process.env.BENCH_COMMENTS ?? 10_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PEOPLE = 2_000;
const DB = 'ec_bench_comments';
const PROJECT = 'bcp1';

async function seed(database: Database): Promise<void> {
  const q = (text: string) => database.query(text);
  await runMigrations(database);
  await seedReferenceData({ db: database.db } as Deps);
  await seedPeople(database, PEOPLE);
  await q(`INSERT INTO projects (id, promoter_id, title, summary, description, category, territory_id, status, published_at)
    VALUES ('${PROJECT}', 'bench1', 'Frigo partagé', 'Un frigo ouvert à toutes et à tous.', 'Un frigo **ouvert** devant la bibliothèque.', 'food',
      (SELECT id FROM territories WHERE kind = 'neighbourhood' AND rollout_state = 'pilot' ORDER BY slug LIMIT 1), 'published', now() - interval '90 days')`);
  await q(`INSERT INTO project_team (project_id, user_id, role) VALUES ('${PROJECT}', 'bench1', 'promoter')`);
  const tops = Math.round(COMMENTS * 0.7);
  // Top-level comments over the last 90 days, then replies a little after their parent.
  await q(`INSERT INTO comments (id, target_type, target_id, project_id, parent_id, author_id, body, created_at)
    SELECT 'bc' || g, 'project', '${PROJECT}', '${PROJECT}', NULL, 'bench' || (2 + g % ${PEOPLE - 1}),
      'Commentaire ' || g || ' : **bravo** pour ce projet, @bench-' || (1 + g % 50) || ' viendras-tu samedi?',
      now() - interval '90 days' + (g || ' minutes')::interval
    FROM generate_series(1, ${tops}) g`);
  await q(`INSERT INTO comments (id, target_type, target_id, project_id, parent_id, author_id, body, created_at)
    SELECT 'br' || g, 'project', '${PROJECT}', '${PROJECT}', 'bc' || (1 + (g * 7) % ${tops}), 'bench' || (2 + (g * 13) % ${PEOPLE - 1}),
      'Réponse ' || g, now() - interval '90 days' + ((1 + (g * 7) % ${tops}) || ' minutes')::interval + (g % 50 || ' seconds')::interval
    FROM generate_series(1, ${COMMENTS - tops}) g`);
  await q(`INSERT INTO reactions (target_type, target_id, user_id, kind)
    SELECT 'comment', 'bc' || (1 + g % ${tops}), 'bench' || (1 + (g * 31) % ${PEOPLE}), (ARRAY['like','bravo','want_to_help'])[1 + g % 3]
    FROM generate_series(1, 20000) g ON CONFLICT DO NOTHING`);
  await q('ANALYZE');
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0;
}

type Request = { method: 'GET' | 'POST'; path: string; body?: string };

async function load(base: string, r: Request, token: string) {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: `${base}${r.path}`, method: r.method, connections: CONNECTIONS, duration: SECONDS, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(r.body ? { body: r.body } : {}) },
      (err, res) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(res)),
    );
    instance.on('response', (_client, _status, _bytes, time) => latencies.push(time));
  });
  latencies.sort((a, b) => a - b);
  return { rps: Math.round(result.requests.average), p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), errors: result.errors + result.non2xx };
}

/** One request at a time (no queueing): the latency a person sees on a quiet server. */
async function sequential(base: string, r: Request, token: string, n = 300) {
  const ms: number[] = [];
  for (let i = 0; i < n + 30; i++) {
    const started = performance.now();
    const res = await fetch(`${base}${r.path}`, { method: r.method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(r.body ? { body: r.body } : {}) });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${r.method} ${r.path}: ${res.status}`);
    if (i >= 30) ms.push(performance.now() - started);
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
    console.log(`seeded ${COMMENTS} comments on one project in ${Math.round((Date.now() - started) / 1000)} s`);
  }
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_DEMO: 'no' }, { rateLimits: false });
  const app = await buildApp({ config, database, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const { token } = await createApiToken(app.deps, 'bench2', 'bench');

  const plan = await database.query<{ 'QUERY PLAN': string }>(
    `EXPLAIN (ANALYZE, BUFFERS) SELECT c.id FROM comments c LEFT JOIN users u ON u.id = c.author_id AND u.deleted_at IS NULL
     WHERE c.target_type = 'project' AND c.target_id = '${PROJECT}' AND c.parent_id IS NULL ORDER BY c.created_at, c.id LIMIT 21`,
  );
  console.log(plan.map((r) => r['QUERY PLAN']).join('\n'));

  const body = JSON.stringify({ body: 'Je peux aider **samedi matin**, @bench-3 tu viens? https://example.org/horaire' });
  const requests: [string, Request][] = [
    ['POST /api/v1/projects/:id/comments (with a mention)', { method: 'POST', path: `/api/v1/projects/${PROJECT}/comments`, body }],
    ['GET /api/v1/projects/:id/comments (first page, 20 threads)', { method: 'GET', path: `/api/v1/projects/${PROJECT}/comments` }],
    ['GET /projets/:id (page with the first 20 threads)', { method: 'GET', path: `/projets/${PROJECT}` }],
    ['reference: GET /api/v1/projects/:id', { method: 'GET', path: `/api/v1/projects/${PROJECT}` }],
  ];
  console.log(`\n| request | sequential p50 / p95 / p99 ms | ${CONNECTIONS} connections: req/s | p50 ms | p95 ms | p99 ms | errors |\n|---|---|---|---|---|---|---|`);
  for (const [label, r] of requests) {
    const one = await sequential(base, r, token);
    const l = await load(base, r, token);
    console.log(`| \`${label}\` | ${one.p50} / ${one.p95} / ${one.p99} | ${l.rps} | ${l.p50.toFixed(1)} | ${l.p95.toFixed(1)} | ${l.p99.toFixed(1)} | ${l.errors} |`);
  }
  const total = await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM comments WHERE project_id = '${PROJECT}'`);
  console.log(`\ncomments on the project after the run: ${total[0]?.n}`);
  await app.close();
} finally {
  await database.close();
  if (!KEEP) await admin.query(`DROP DATABASE IF EXISTS ${DB}`);
  await admin.end();
}
