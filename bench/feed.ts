/**
 * `npx tsx bench/feed.ts` (or `npm run bench:feed`) — the following feed and the territory feed,
 * measured through the services on PostgreSQL at 10k and then at 1M activity rows, with a realistic
 * follow graph: each reader follows 50 projects, 20 people and 3 territories, and has a home
 * neighbourhood (docs/adr/0008-feed.md). Reports p50 / p95 / p99 and p99(1M) ÷ p99(10k).
 * Options (env): BENCH_DATABASE_URL (admin URL of the server), BENCH_SAMPLES (400), BENCH_BIG (1000000),
 * BENCH_KEEP=1 (keep the database afterwards, to EXPLAIN ANALYZE by hand).
 */
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/client.js';
import { runMigrations } from '../src/db/migrate.js';
import { seedReferenceData } from '../src/seed/seed.js';
import { followingFeed, territoryFeed } from '../src/modules/social/feed.service.js';
import { translator } from '../src/platform/i18n/i18n.js';
import type { Deps } from '../src/platform/deps.js';
import type { Actor } from '../src/platform/http/context.js';
import { seedPeople } from './seed.js';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 400);
const BIG = Number(process.env.BENCH_BIG ?? 1_000_000);
const SMALL = 10_000;
const PEOPLE = 20_000;
const PROJECTS = 5_000;
const READERS = 100;
const DB = 'ec_bench_feed';
const KINDS = `ARRAY['project_update','pledge_fulfilled','need_met','pledge_fulfilled','project_update','offer_published','project_published']`;
const t = translator('fr');

async function seedBase(database: Database): Promise<void> {
  const q = (text: string) => database.query(text);
  await runMigrations(database);
  await seedReferenceData({ db: database.db } as Deps);
  await seedPeople(database, PEOPLE);
  await q(`CREATE TABLE bench_hoods AS SELECT row_number() OVER (ORDER BY slug) - 1 AS n, id FROM territories WHERE kind = 'neighbourhood'`);
  const hoods = `(SELECT count(*) FROM bench_hoods)`;
  // 1 % drafts, 1 % hidden by moderation: their activities must be filtered out on the way.
  await q(`INSERT INTO projects (id, promoter_id, title, summary, category, territory_id, status, published_at, hidden_at)
    SELECT 'bp' || g, 'bench' || (1 + (g * 7919) % ${PEOPLE}), 'Projet ' || g, 'Résumé', 'solidarity', (SELECT id FROM bench_hoods WHERE n = g % ${hoods}),
      CASE WHEN g % 100 = 0 THEN 'draft' ELSE 'published' END, now(), CASE WHEN g % 100 = 1 THEN now() END FROM generate_series(1, ${PROJECTS}) g`);
  await q(`INSERT INTO project_team (project_id, user_id, role) SELECT id, promoter_id, 'promoter' FROM projects WHERE id LIKE 'bp%'`);
  // Readers bench1..bench200: 50 projects, 20 people, 3 territories each (home: their neighbourhood from seedPeople).
  await q(`INSERT INTO follows (follower_id, target_type, target_id)
    SELECT 'bench' || r, 'project', 'bp' || (1 + (r * 131 + k * 97) % ${PROJECTS}) FROM generate_series(1, ${READERS}) r, generate_series(1, 50) k ON CONFLICT DO NOTHING`);
  await q(`INSERT INTO follows (follower_id, target_type, target_id)
    SELECT 'bench' || r, 'user', 'bench' || (1 + (r * 977 + k * 389) % ${PEOPLE}) FROM generate_series(1, ${READERS}) r, generate_series(1, 20) k WHERE (1 + (r * 977 + k * 389) % ${PEOPLE}) <> r ON CONFLICT DO NOTHING`);
  await q(`INSERT INTO follows (follower_id, target_type, target_id)
    SELECT 'bench' || r, 'territory', (SELECT id FROM bench_hoods WHERE n = (r + k * 2) % ${hoods}) FROM generate_series(1, ${READERS}) r, generate_series(1, 3) k ON CONFLICT DO NOTHING`);
}

/** Activities `from`..`to`: each about a project, by a random person, over the last two years; 2 % hidden. */
async function addActivities(database: Database, from: number, to: number): Promise<void> {
  const step = 200_000;
  for (let start = from; start <= to; start += step) {
    const end = Math.min(to, start + step - 1);
    await database.query(`INSERT INTO activities (id, kind, actor_id, subject_type, subject_id, project_id, territory_id, organisation_id, data, hidden_at, created_at)
      SELECT 'ba' || g, (${KINDS})[1 + g % 7], 'bench' || (1 + (g * 7727) % ${PEOPLE}), 'need', 'bn' || g, p.id, p.territory_id, NULL,
        jsonb_build_object('projectTitle', p.title, 'title', 'Nouvelle ' || g, 'needTitle', 'Besoin ' || g), CASE WHEN g % 50 = 0 THEN now() END,
        now() - make_interval(secs => (random() * 63072000)::int)
      FROM generate_series(${start}::bigint, ${end}::bigint) g JOIN projects p ON p.id = 'bp' || (1 + (g * 104729) % ${PROJECTS})`);
  }
  await database.query('VACUUM ANALYZE');
}

function actor(id: string): Actor {
  return { id, handle: id, displayName: id, email: `${id}@example.test`, locale: 'fr', emailVerified: true, roles: [], via: 'session', sessionIdHash: null, reauthAt: null };
}

type Stats = { p50: number; p95: number; p99: number };
async function measure(label: string, run: (i: number) => Promise<unknown>): Promise<Stats> {
  for (let i = 0; i < 30; i++) await run(i);
  const ms: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const started = performance.now();
    await run(i);
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  const at = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))]!;
  const stats = { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
  console.log(`${label.padEnd(44)} p50 ${stats.p50.toFixed(1)} ms   p95 ${stats.p95.toFixed(1)} ms   p99 ${stats.p99.toFixed(1)} ms`);
  return stats;
}

async function round(deps: Deps, rows: string): Promise<Record<string, Stats>> {
  const deep = new Map<string, string>();
  for (let r = 1; r <= READERS; r++) {
    let cursor: string | undefined;
    for (let p = 0; p < 4; p++) cursor = (await followingFeed(deps, actor(`bench${r}`), 'fr', t, 20, cursor)).nextCursor ?? undefined;
    if (cursor) deep.set(`bench${r}`, cursor);
  }
  const reader = (i: number) => `bench${1 + ((i * 37) % READERS)}`;
  const slugs = ['villeray', 'parc-extension', 'ahuntsic', 'plateau-mont-royal', 'villeray-saint-michel-parc-extension'];
  return {
    first: await measure(`following feed, first page (${rows})`, (i) => followingFeed(deps, actor(reader(i)), 'fr', t, 20)),
    deep: await measure(`following feed, 5th page (${rows})`, (i) => followingFeed(deps, actor(reader(i)), 'fr', t, 20, deep.get(reader(i)))),
    territory: await measure(`territory feed, first page (${rows})`, (i) => territoryFeed(deps, slugs[i % slugs.length]!, 'fr', t, 20).catch(() => null)),
  };
}

const admin = new pg.Client({ connectionString: ADMIN_URL });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS ${DB}`);
await admin.query(`CREATE DATABASE ${DB}`);
const url = new URL(ADMIN_URL);
url.pathname = `/${DB}`;
const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
try {
  let started = Date.now();
  await seedBase(database);
  await addActivities(database, 1, SMALL);
  console.log(`seeded ${PEOPLE} people, ${PROJECTS} projects, ${READERS} readers × (50 projects, 20 people, 3 territories), ${SMALL} activities in ${Math.round((Date.now() - started) / 1000)} s`);
  const deps = { db: database.db, database } as unknown as Deps;
  const small = await round(deps, '10k');
  started = Date.now();
  await addActivities(database, SMALL + 1, BIG);
  console.log(`grew to ${BIG} activities in ${Math.round((Date.now() - started) / 1000)} s`);
  const big = await round(deps, `${BIG / 1e6}M`);
  for (const key of Object.keys(small)) console.log(`p99 ratio ${key.padEnd(10)} ${(big[key]!.p99 / small[key]!.p99).toFixed(2)}  (p50 ratio ${(big[key]!.p50 / small[key]!.p50).toFixed(2)})`);
} finally {
  await database.close();
  if (!process.env.BENCH_KEEP) await admin.query(`DROP DATABASE IF EXISTS ${DB}`);
  await admin.end();
}
