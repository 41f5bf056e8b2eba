import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { count, eq, like } from 'drizzle-orm';
import pg from 'pg';
import pino from 'pino';
import { loadConfig } from '../../src/config.js';
import { openDatabase, type Database } from '../../src/db/client.js';
import { runMigrations } from '../../src/db/migrate.js';
import type { Deps } from '../../src/platform/deps.js';
import { seedIfEmpty } from '../../src/seed/seed.js';
import { seedDemoNotifications } from '../../src/seed/demo-notifications.js';
import { territories } from '../../src/modules/territories/territories.tables.js';
import { users } from '../../src/modules/auth/auth.tables.js';
import { projects, projectTeam } from '../../src/modules/projects/projects.tables.js';
import { pledges } from '../../src/modules/pledges/pledges.tables.js';
import { notifications } from '../../src/modules/notifications/notifications.tables.js';
import { activities, follows } from '../../src/modules/social/social.tables.js';
import { uid } from '../helpers/factories.js';
import { territoryFeed } from '../../src/modules/social/feed.service.js';
import { translator } from '../../src/platform/i18n/i18n.js';
import { privacyIncidents, privacyRequests } from '../../src/modules/privacy-register/privacy-register.tables.js';
import { addDays } from '../../src/modules/privacy-register/privacy-register.rules.js';
import { montrealDate } from '../../src/modules/delegates/delegates.dates.js';

// The whole demo seed needs an empty database: a PGlite of its own, or on PostgreSQL a database
// created for this file (the shared test database already holds the pilot's territories).
const sharedUrl = process.env.TEST_DATABASE_URL;
const freshName = `ec_demo_seed_${uid()}`;
let database: Database;
let deps: Deps;
let dataDir: string;

beforeAll(async () => {
  if (sharedUrl) {
    const admin = new pg.Pool({ connectionString: sharedUrl, max: 1 });
    await admin.query(`CREATE DATABASE ${freshName}`);
    await admin.end();
    const url = new URL(sharedUrl);
    url.pathname = `/${freshName}`;
    database = await openDatabase({ databaseUrl: url.toString(), dataDir: undefined, poolSize: 3 });
    await runMigrations(database);
  } else {
    database = await openDatabase({ databaseUrl: undefined, dataDir: undefined, pgliteTemplate: new Blob([readFileSync(inject('pgliteTemplate'))]) });
  }
  // The demo's photos and files go to a folder of this test, not the checkout's ./data.
  dataDir = mkdtempSync(join(tmpdir(), 'ec-demo-seed-'));
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_DEMO: 'yes' }, { publicUrl: 'http://localhost:3000', dataDir });
  deps = { config, database, db: database.db, log: pino({ level: 'silent' }) };
}, 120_000);

afterAll(async () => {
  await database?.close();
  rmSync(dataDir, { recursive: true, force: true });
  if (!sharedUrl) return;
  const admin = new pg.Pool({ connectionString: sharedUrl, max: 1 });
  await admin.query(`DROP DATABASE IF EXISTS ${freshName} WITH (FORCE)`);
  await admin.end();
});

const total = async (table: Parameters<Database['db']['$count']>[0]) => database.db.$count(table);

describe('the demo seed on an empty database', () => {
  it('fills a living neighbourhood once: people, projects, pledges, notifications, feed', async () => {
    expect(await seedIfEmpty(deps)).toBe(true);
    expect(await total(territories)).toBeGreaterThan(5);
    expect(await total(users)).toBeGreaterThan(10);
    expect(await total(projects)).toBeGreaterThan(3);
    expect(await total(pledges)).toBeGreaterThan(3);
    expect(await total(follows)).toBeGreaterThan(10);
    expect(await total(activities)).toBeGreaterThan(10);
    // The open demo call's opening is in the feed, leading to its page.
    const opened = await database.db.select({ data: activities.data }).from(activities).where(eq(activities.kind, 'call_opened'));
    expect(opened.map((a) => a.data.slug)).toEqual(['verdir-nos-ruelles']);
    const villeray = await territoryFeed(deps, 'villeray', 'fr', translator('fr'), 100);
    expect(villeray.items.find((i) => i.url === '/appels/verdir-nos-ruelles')).toMatchObject({ kind: 'call_opened', text: 'Nouvel appel à projets : Verdir nos ruelles' });

    // The demo notifications: every pledge proposal told the project's team; unread messages told their readers.
    const proposed = await database.db.select({ userId: notifications.userId, data: notifications.data }).from(notifications).where(eq(notifications.kind, 'pledge.proposed'));
    expect(proposed.length).toBeGreaterThan(0);
    const team = new Set((await database.db.select().from(projectTeam)).map((m) => `${m.projectId}:${m.userId}`));
    for (const n of proposed) expect(team.has(`${String(n.data.projectId)}:${n.userId}`)).toBe(true);
    const messageNotes = await database.db.select({ data: notifications.data }).from(notifications).where(eq(notifications.kind, 'message.new'));
    expect(messageNotes.length).toBeGreaterThan(0);
    for (const n of messageNotes) expect(n.data).toMatchObject({ actorName: expect.any(String), count: expect.any(Number) });

    // The privacy register's demo (ADR 0028): one closed incident, one answered request, one due in 4 days (the summary shows it), one in 12.
    expect((await database.db.select({ status: privacyIncidents.status }).from(privacyIncidents)).map((i) => i.status)).toEqual(['closed']);
    const requests = await database.db.select({ status: privacyRequests.status, dueOn: privacyRequests.dueOn }).from(privacyRequests).orderBy(privacyRequests.dueOn);
    expect(requests.map((r) => r.status)).toEqual(['answered', 'received', 'in_progress']);
    expect(requests.slice(1).map((r) => r.dueOn)).toEqual([addDays(montrealDate(new Date()), 4), addDays(montrealDate(new Date()), 12)]);

    // A second run of the notifications step, like a second start, adds nothing.
    const [before] = await database.db.select({ n: count() }).from(notifications).where(like(notifications.kind, 'pledge.%'));
    await seedDemoNotifications(deps);
    const [after] = await database.db.select({ n: count() }).from(notifications).where(like(notifications.kind, 'pledge.%'));
    expect(after!.n).toBe(before!.n);
    expect(await seedIfEmpty(deps)).toBe(false);
  }, 240_000);
});
