/**
 * npm run bench — seeds a large dataset on PostgreSQL, starts the app, drives the hot routes with
 * autocannon and prints req/s, p50/p95/p99 plus two ratios measured in the same run:
 *  - stack overhead = route req/s ÷ iterations/s of the raw SQL behind that route (captured from
 *    the app itself, replayed in a tight loop over a pool of the same size; goal ≥ 0.5);
 *  - framework share = route req/s ÷ bare Fastify hello-world req/s.
 * Options (env): BENCH_DATABASE_URL (admin URL of the server), BENCH_PEOPLE (100000),
 * BENCH_SECONDS (10), BENCH_CONNECTIONS (10), BENCH_PGLITE=1 to add a smaller PGlite run.
 * `npm run bench -- --only=appels,concours` measures only the routes whose name or path contains a word.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/client.js';
import { runMigrations } from '../src/db/migrate.js';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { seedReferenceData } from '../src/seed/seed.js';
import { seedCallsAndContests, seedMutualAid, seedPeople } from './seed.js';
import { onlyRoutes, ROUTES, type BenchRoute } from './routes.js';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 100_000);
const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 20_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

type Result = { route: string; rps: number; p50: number; p95: number; p99: number; errors: number; floor?: number };

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function load(url: string, seconds = SECONDS): Promise<Omit<Result, 'route'>> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections: CONNECTIONS, duration: seconds }, (err, res) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(res)));
    instance.on('response', (_client, _status, _bytes, time) => latencies.push(time));
  });
  latencies.sort((a, b) => a - b);
  return { rps: result.requests.average, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), errors: result.errors + result.non2xx };
}

function startProcess(cmd: string, args: string[], env: Record<string, string>): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    const timer = setTimeout(() => reject(new Error(`${args.join(' ')} did not start`)), 120_000);
    child.stdout.on('data', (chunk: Buffer) => {
      if (/ready/i.test(chunk.toString())) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
  });
}

async function waitHttp(url: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} never answered`);
}

/** Captures the SQL a route runs, by serving it once through an app whose pool records queries. */
async function captureQueries(database: Database, route: BenchRoute): Promise<{ text: string; values: unknown[] }[]> {
  const pool = database.pool!;
  const captured: { text: string; values: unknown[] }[] = [];
  const original = pool.query.bind(pool);
  const recorder = (...args: unknown[]) => {
    const [q, v] = args as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
    if (typeof q === 'string') captured.push({ text: q, values: v ?? [] });
    else captured.push({ text: q.text, values: q.values ?? v ?? [] });
    return (original as (...a: unknown[]) => unknown)(...args);
  };
  (pool as unknown as { query: unknown }).query = recorder;
  // 'test' only turns the overload guard off: the capture must see the route's queries, not a 503.
  const app = await buildApp({ config: loadConfig({ NODE_ENV: 'test', SESSION_SECRET: 'b'.repeat(40), LOG_LEVEL: 'silent' }, { rateLimits: false }), database, logger: false });
  const res = await app.inject({ method: 'GET', url: route.path });
  if (res.statusCode !== 200) throw new Error(`${route.path} answered ${res.statusCode} during capture`);
  // The second answer is the one measured; on a loaded machine the overload guard may answer 503
  // instead (no queries), so try again until a 200 is captured.
  let result: { text: string; values: unknown[] }[] = [];
  for (let attempt = 0; attempt < 20; attempt++) {
    captured.length = 0;
    const again = await app.inject({ method: 'GET', url: route.path });
    result = [...captured];
    if (again.statusCode === 200) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  (pool as unknown as { query: unknown }).query = original;
  await app.close();
  return result;
}

/** Replays a route's queries in a tight loop over a pool of the app's size: the database floor. */
async function sqlFloor(url: string, queries: { text: string; values: unknown[] }[], seconds = SECONDS): Promise<number> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const end = Date.now() + seconds * 1000;
  let iterations = 0;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < end) {
        for (const q of queries) await pool.query(q.text, q.values);
        iterations++;
      }
    }),
  );
  await pool.end();
  return iterations / seconds;
}

async function main(): Promise<void> {
  const dbName = `ec_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const dbUrl = ADMIN_URL.replace(/\/[^/]*$/, `/${dbName}`);
  const results: Result[] = [];
  let hello = 0;
  let server: ChildProcess | undefined;
  try {
    console.log(`seeding ${PEOPLE.toLocaleString('en')} people on PostgreSQL (${dbName})…`);
    const database = await openDatabase({ databaseUrl: dbUrl, poolSize: 10 });
    await runMigrations(database);
    const deps = { config: loadConfig({ SEED_DEMO: 'no' }), database, db: database.db, log: (await import('pino')).default({ level: 'silent' }) };
    await seedReferenceData(deps);
    await seedPeople(database, PEOPLE);
    console.log(`seeding ${PROJECTS.toLocaleString('en')} projects, ${(PROJECTS * 5).toLocaleString('en')} needs, ~${(PROJECTS * 13).toLocaleString('en')} pledges…`);
    await seedMutualAid(database, PROJECTS, PEOPLE);
    const calls = Math.max(8, Math.round(PROJECTS / 100));
    console.log(`seeding ${calls} calls (50 applications each) and ${Math.ceil(calls / 2)} contests, one drawn with 5,000 entrants…`);
    await seedCallsAndContests(database, { projects: PROJECTS, calls, applicationsPerCall: 50, contests: Math.ceil(calls / 2), entrants: Math.min(5_000, PEOPLE) });
    const extra = await (await import('./routes.js')).prepare(deps);

    const helloProc = await startProcess(process.execPath, ['--import', 'tsx', 'bench/hello.ts', '3998'], {});
    hello = (await load('http://127.0.0.1:3998/')).rps;
    helloProc.kill('SIGTERM');

    const port = 3997;
    // The overload guard off: on a busy machine it would answer fast 503s, counted as throughput.
    server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env: { ...process.env, DATABASE_URL: dbUrl, PORT: String(port), HOST: '127.0.0.1', RATE_LIMITS: 'off', LOG_LEVEL: 'warn', SEED_DEMO: 'no', NODE_ENV: 'production', SESSION_SECRET: 'b'.repeat(40), OVERLOAD_GUARD: 'off' }, stdio: 'inherit' });
    await waitHttp(`http://127.0.0.1:${port}/readyz`);
    for (const route of onlyRoutes(ROUTES(extra), process.argv.slice(2))) {
      console.log(`measuring ${route.name}…`);
      const queries = await captureQueries(database, route);
      const measured = await load(`http://127.0.0.1:${port}${route.path}`);
      const floor = await sqlFloor(dbUrl, queries);
      results.push({ route: `${route.name} (${queries.length} queries)`, ...measured, floor });
      console.log(`${route.name}: ${measured.rps.toFixed(0)} req/s, floor ${floor.toFixed(0)} it/s`);
    }
    server?.kill('SIGTERM');
    await database.close();
  } finally {
    server?.kill('SIGTERM');
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }

  const lines = [
    `Bench ${new Date().toISOString()} — ${PEOPLE.toLocaleString('en')} people, ${PROJECTS.toLocaleString('en')} projects, PostgreSQL, ${CONNECTIONS} connections × ${SECONDS} s, ${os.cpus().length} cores`,
    `bare Fastify hello-world: ${hello.toFixed(0)} req/s`,
    '',
    '| route | req/s | p50 ms | p95 ms | p99 ms | errors | SQL floor it/s | stack overhead (req/s ÷ floor) | framework share (req/s ÷ hello) |',
    '|---|---|---|---|---|---|---|---|---|',
    ...results.map((r) => `| ${r.route} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors} | ${r.floor!.toFixed(0)} | ${(r.rps / r.floor!).toFixed(2)} | ${(r.rps / hello).toFixed(3)} |`),
  ];
  console.log('\n' + lines.join('\n'));
  const dir = path.resolve('bench/results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'latest.md'), lines.join('\n') + '\n');
  process.exit(0);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
