/**
 * `npx tsx bench/matching.ts` — the matches of a need and the needs near a person, measured on
 * PostgreSQL at 100k people, 20k needs, 10k offers, 60k pledges (docs/adr/0007-matching.md).
 * Options (env): BENCH_DATABASE_URL (admin URL of the server), BENCH_PEOPLE (100000),
 * BENCH_SKILLS (300: the skill vocabulary; 5 reproduces bench/seed.ts, where 40% share a skill).
 * Prints median, p95 and max over 350 random needs / people after 50 warm-up calls.
 */
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/client.js';
import { runMigrations } from '../src/db/migrate.js';
import { seedReferenceData } from '../src/seed/seed.js';
import { matchesForNeed, needsMatchingPerson } from '../src/modules/matching/matching.service.js';
import type { Deps } from '../src/platform/deps.js';
import type { Actor } from '../src/platform/http/context.js';
import { seedPeople } from './seed.js';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 100_000);
const SKILLS = Number(process.env.BENCH_SKILLS ?? 300);
const DB = 'ec_bench_matching';
const KINDS = `ARRAY['volunteering','expertise','product','service','funding','loan','material']`;
const PILOT = (i: string) => `(SELECT id FROM territories WHERE kind = 'neighbourhood' AND rollout_state = 'pilot' ORDER BY slug OFFSET (${i} % 4) LIMIT 1)`;

/** People (bench/seed.ts), then their skills, projects, needs, organisations, offers and pledges. */
async function seed(database: Database): Promise<void> {
  const q = (text: string) => database.query(text);
  await runMigrations(database);
  await seedReferenceData({ db: database.db } as Deps);
  await seedPeople(database, PEOPLE);
  // Spellings vary (case, accents): the index compares them as one skill.
  await q(`CREATE TABLE bench_vocab AS SELECT (ARRAY['Compétence','compétence','COMPÉTENCE','competence'])[1 + n % 4] || ' ' || (n / 4) AS skill, n FROM generate_series(4, ${SKILLS * 4 + 3}) n`);
  const pick = `(SELECT skill FROM bench_vocab ORDER BY n OFFSET floor(${SKILLS * 4} * random() ^ 2)::int LIMIT 1)`;
  await q(`UPDATE users SET skills = ARRAY(SELECT skill FROM bench_vocab WHERE n IN (SELECT 4 + floor(${SKILLS * 4} * random() ^ 2)::int FROM generate_series(1, 2 + (hashtext(id) & 3) % 3)))`);
  await q(`INSERT INTO projects (id, promoter_id, title, summary, category, territory_id, status, published_at)
    SELECT 'bp' || g, 'bench' || (1 + (g * 7919) % ${PEOPLE}), 'Projet ' || g, 'Résumé', 'solidarity', ${PILOT('g')}, 'published', now() - (g || ' minutes')::interval FROM generate_series(1, 5000) g`);
  await q(`INSERT INTO project_team (project_id, user_id, role) SELECT id, promoter_id, 'promoter' FROM projects WHERE id LIKE 'bp%'`);
  await q(`INSERT INTO needs (id, project_id, kind, title, quantity, unit, skills)
    SELECT 'bn' || g, 'bp' || (1 + g % 5000), (${KINDS})[1 + g % 7], 'Besoin ' || g, 10, 'hours', CASE WHEN g % 5 = 0 THEN '{}'::text[] ELSE ARRAY[${pick}, ${pick}] END FROM generate_series(1, 20000) g`);
  await q(`INSERT INTO organisations (id, slug, name, kind, charter_signed_at) SELECT 'bo' || g, 'bench-org-' || g, 'Organisme ' || g, 'business', CASE WHEN g % 4 = 0 THEN now() END FROM generate_series(1, 200) g`);
  await q(`INSERT INTO offers (id, owner_id, organisation_id, kind, title, skills, territory_ids, status, created_at, updated_at)
    SELECT 'bf' || g, 'bench' || (1 + (g * 104729) % ${PEOPLE}), CASE WHEN g % 5 = 0 THEN 'bo' || (1 + g % 200) END, (${KINDS})[1 + (g * 3) % 7], 'Offre ' || g, ARRAY[${pick}],
      CASE WHEN g % 3 = 0 THEN '{}'::text[] ELSE ARRAY[${PILOT('g')}] END, CASE WHEN g % 10 = 0 THEN 'paused' ELSE 'active' END,
      now() - (g || ' minutes')::interval, now() - (g || ' minutes')::interval FROM generate_series(1, 10000) g`);
  await q(`INSERT INTO pledges (id, need_id, project_id, quantity, status) SELECT 'bl' || g, 'bn' || (1 + g % 20000), 'bp' || (1 + (1 + g % 20000) % 5000), 1, (ARRAY['proposed','accepted','fulfilled'])[1 + g % 3] FROM generate_series(1, 60000) g`);
  await q('ANALYZE');
}

async function measure(label: string, ids: string[], run: (id: string) => Promise<unknown>): Promise<void> {
  for (const id of ids.slice(0, 50)) await run(id);
  const ms: number[] = [];
  for (const id of ids.slice(50)) {
    const started = performance.now();
    await run(id);
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  const at = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))]!.toFixed(1);
  console.log(`${label.padEnd(34)} median ${at(0.5)} ms   p95 ${at(0.95)} ms   max ${at(1)} ms`);
}

const admin = new pg.Client({ connectionString: ADMIN_URL });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS ${DB}`);
await admin.query(`CREATE DATABASE ${DB}`);
const url = new URL(ADMIN_URL);
url.pathname = `/${DB}`;
const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
try {
  const started = Date.now();
  await seed(database);
  console.log(`seeded ${PEOPLE} people, 20000 needs, 10000 offers (${SKILLS} skills) in ${Math.round((Date.now() - started) / 1000)} s`);
  const deps = { db: database.db, database } as unknown as Deps;
  const member = { id: 'bench1', handle: 'bench-1', displayName: 'Bench', email: 'bench1@example.test', locale: 'fr', emailVerified: true, roles: [], via: 'session', sessionIdHash: null, reauthAt: null } satisfies Actor;
  const needIds = (await database.query<{ id: string }>(`SELECT id FROM needs ORDER BY random() LIMIT 400`)).map((r) => r.id);
  const userIds = (await database.query<{ id: string }>(`SELECT id FROM users ORDER BY random() LIMIT 400`)).map((r) => r.id);
  await measure('matches (visitor)', needIds, (id) => matchesForNeed(deps, id, null));
  await measure('matches (signed-in member)', needIds, (id) => matchesForNeed(deps, id, member));
  await measure('needs near a person', userIds, (id) => needsMatchingPerson(deps, id, 6));
} finally {
  await database.close();
  await admin.query(`DROP DATABASE IF EXISTS ${DB}`);
  await admin.end();
}
