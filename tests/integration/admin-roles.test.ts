import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createCaisse, createUser, FORM, form, signIn, uid } from '../helpers/factories.js';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/client.js';
import { runMigrations } from '../../src/db/migrate.js';
import { roleGrants } from '../../src/modules/auth/auth.tables.js';
import { auditLog } from '../../src/platform/platform.tables.js';
import { mailRepository } from '../../src/platform/mail/mail.repository.js';

type Session = { cookie: string; csrf: string };
let ctx: TestContext;
let admin: Session;
let caisse: { id: string; slug: string; name: string };
beforeAll(async () => {
  ctx = await createTestApp();
  caisse = await createCaisse(ctx);
  admin = await signIn(ctx, (await createUser(ctx, { role: { role: 'admin' } })).email);
});
afterAll(() => ctx.close());

const api = (s: Session) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });
const grantsOf = (userId: string) => ctx.database.db.select().from(roleGrants).where(eq(roleGrants.userId, userId));

/** A database of its own (never the shared one), so "the only admin" is a fact the test controls. */
async function isolatedApp(): Promise<TestContext> {
  const templatePath = inject('pgliteTemplate');
  const database = await openDatabase({ dataDir: undefined, pgliteTemplate: templatePath ? new Blob([readFileSync(templatePath)]) : undefined });
  if (!templatePath) await runMigrations(database);
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_DEMO: 'no' }, { rateLimits: false, publicUrl: 'http://localhost:3000' });
  const app = await buildApp({ config, database, logger: false });
  await app.ready();
  return { app, database, config, close: async () => { await app.close(); await database.close(); } };
}


describe('granting roles', () => {
  it('grants a caisse-scoped role once, lists it and audits it', async () => {
    const person = await createUser(ctx);
    const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/admin/roles', headers: api(admin), payload: { email: person.email.toUpperCase(), role: 'staff', caisse: caisse.slug } });
    expect(res.statusCode).toBe(201);
    expect(res.json().grant).toMatchObject({ role: 'staff', person: { handle: person.handle, email: person.email }, caisse: { slug: caisse.slug, name: caisse.name } });
    const again = await ctx.app.inject({ method: 'POST', url: '/api/v1/admin/roles', headers: api(admin), payload: { email: person.email, role: 'staff', caisse: caisse.slug } });
    expect(again.statusCode).toBe(200);
    expect(await grantsOf(person.id)).toHaveLength(1);
    const audit = await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.subjectId, person.id), eq(auditLog.action, 'role.grant')));
    expect(audit.map((a) => a.data)).toEqual([{ role: 'staff', caisse: caisse.slug, via: 'admin' }]);
    const list = await ctx.app.inject({ method: 'GET', url: '/api/v1/admin/roles', headers: api(admin) });
    expect(list.json().items.find((g: { id: string }) => g.id === res.json().grant.id)).toBeDefined();
  });

  it('pages the grant list like every list (limit, cursor, nextCursor), newest first, without repeats', async () => {
    for (let i = 0; i < 3; i++) {
      const someone = await createUser(ctx);
      await ctx.app.inject({ method: 'POST', url: '/api/v1/admin/roles', headers: api(admin), payload: { email: someone.email, role: 'staff', caisse: caisse.slug } });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 50; i++) {
      const res = await ctx.app.inject({ method: 'GET', url: `/api/v1/admin/roles?limit=2${cursor ? `&cursor=${cursor}` : ''}`, headers: api(admin) });
      expect(res.statusCode).toBe(200);
      const body: { items: { id: string; createdAt: string }[]; nextCursor: string | null } = res.json();
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...body.items.map((g) => g.id));
      cursor = body.nextCursor;
      if (!cursor) break;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(4);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/admin/roles?cursor=nope', headers: api(admin) })).statusCode).toBe(400);
  });

  it('requires a caisse for staff and moderators (ROLE_SCOPE_REQUIRED) and names the field on the form', async () => {
    const person = await createUser(ctx);
    const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/admin/roles', headers: api(admin), payload: { email: person.email, role: 'moderator' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('ROLE_SCOPE_REQUIRED');
    const page = await ctx.app.inject({ method: 'POST', url: '/admin/roles', headers: { ...FORM, cookie: admin.cookie }, payload: form({ _csrf: admin.csrf, email: person.email, role: 'staff', caisse: '' }) });
    expect(page.statusCode).toBe(400);
    expect(page.body).toMatch(/id="caisse-error"[^>]*>Ce rôle doit être rattaché à une caisse/);
    expect(await grantsOf(person.id)).toHaveLength(0);
  });

  it('shows an unknown e-mail as USER_NOT_FOUND on the e-mail field', async () => {
    const email = `inconnu-${uid()}@example.test`;
    const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/admin/roles', headers: api(admin), payload: { email, role: 'admin' } });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('USER_NOT_FOUND');
    const page = await ctx.app.inject({ method: 'POST', url: '/admin/roles', headers: { ...FORM, cookie: admin.cookie }, payload: form({ _csrf: admin.csrf, email, role: 'admin' }) });
    expect(page.statusCode).toBe(404);
    expect(page.body).toMatch(/id="email"[^>]*aria-invalid="true"/);
    expect(page.body).toContain(`value="${email}"`);
    expect(page.body).toMatch(/id="email-error"[^>]*>Aucun compte ne correspond/);
  });

  it('grants from the form and redirects with a confirmation', async () => {
    const person = await createUser(ctx);
    const res = await ctx.app.inject({ method: 'POST', url: '/admin/roles', headers: { ...FORM, cookie: admin.cookie }, payload: form({ _csrf: admin.csrf, email: person.email, role: 'moderator', caisse: caisse.slug }) });
    expect(res.statusCode).toBe(303);
    const page = await ctx.app.inject({ method: 'GET', url: res.headers.location!, headers: { cookie: admin.cookie } });
    expect(page.body).toContain('Rôle accordé.');
    expect(page.body).toContain(person.displayName);
    expect(await grantsOf(person.id)).toMatchObject([{ role: 'moderator', caisseId: caisse.id, grantedBy: expect.any(String) }]);
  });
});

describe('revoking roles', () => {
  it('revokes a grant from the page (with confirmation) and audits it', async () => {
    const person = await createUser(ctx, { role: { role: 'staff', caisseId: caisse.id } });
    const [grant] = await grantsOf(person.id);
    const page = await ctx.app.inject({ method: 'GET', url: '/admin/roles', headers: { cookie: admin.cookie } });
    expect(page.body).toMatch(new RegExp(`action="/admin/roles/${grant!.id}/retirer"[^>]*data-confirm="[^"]+"`));
    const res = await ctx.app.inject({ method: 'POST', url: `/admin/roles/${grant!.id}/retirer`, headers: { ...FORM, cookie: admin.cookie }, payload: form({ _csrf: admin.csrf }) });
    expect(res.statusCode).toBe(303);
    expect(await grantsOf(person.id)).toHaveLength(0);
    const audit = await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.subjectId, person.id), eq(auditLog.action, 'role.revoke')));
    expect(audit).toHaveLength(1);
    const missing = await ctx.app.inject({ method: 'DELETE', url: `/api/v1/admin/roles/${grant!.id}`, headers: api(admin) });
    expect(missing.statusCode).toBe(404);
  });

  it('lets only one of two admins revoking each other at the same moment succeed', async () => {
    const [p, q] = [await createUser(ctx, { role: { role: 'admin' } }), await createUser(ctx, { role: { role: 'admin' } })];
    const [sp, sq] = [await signIn(ctx, p.email), await signIn(ctx, q.email)];
    const [[gp], [gq]] = [await grantsOf(p.id), await grantsOf(q.id)];
    const results = await Promise.all([
      ctx.app.inject({ method: 'DELETE', url: `/api/v1/admin/roles/${gq!.id}`, headers: api(sp) }),
      ctx.app.inject({ method: 'DELETE', url: `/api/v1/admin/roles/${gp!.id}`, headers: api(sq) }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([204, 403]);
    expect([...(await grantsOf(p.id)), ...(await grantsOf(q.id))]).toHaveLength(1);
  });
});

describe('dev outbox and audit log', () => {
  it('lists an enqueued mail with its status and its escaped text body in a details element', async () => {
    const subject = `Sujet ${uid()}`;
    await mailRepository.enqueue(ctx.database.db, { to: 'lea@example.test', subject, text: 'Bonjour <script>alert(1)</script>', html: '<p>x</p>', kind: 'test_mail' });
    const page = await ctx.app.inject({ method: 'GET', url: '/admin/courriels', headers: { cookie: admin.cookie } });
    expect(page.statusCode).toBe(200);
    const card = page.body.slice(page.body.indexOf(subject));
    expect(card).toMatch(/lea@example\.test[\s\S]*test_mail[\s\S]*En attente[\s\S]*0 tentative/);
    expect(card).toMatch(/<details><summary>Texte du message<\/summary><pre class="admin-mail-body">Bonjour &lt;script>/);
    expect(page.body).not.toContain('<script>alert(1)');
  });

  it('paginates the outbox newest first, 20 per page, with an “older” link', async () => {
    const marker = uid();
    for (let i = 0; i < 21; i++) await mailRepository.enqueue(ctx.database.db, { to: `p${i}@example.test`, subject: `Lot ${marker} n${i}.`, text: '', html: '', kind: 'test_mail' });
    const first = await ctx.app.inject({ method: 'GET', url: '/admin/courriels', headers: { cookie: admin.cookie } });
    const seen = (body: string) => [...body.matchAll(new RegExp(`Lot ${marker} n(\\d+)\\.`, 'g'))].map((m) => Number(m[1]));
    const older = /href="(\/admin\/courriels\?avant=[^"]+)"/.exec(first.body)![1]!;
    const second = await ctx.app.inject({ method: 'GET', url: older.replace(/&amp;/g, '&'), headers: { cookie: admin.cookie } });
    expect(second.statusCode).toBe(200);
    const all = [...seen(first.body), ...seen(second.body)];
    expect(all).toHaveLength(21);
    expect([...all].sort((x, y) => x - y)).toEqual([...Array(21).keys()]);
    expect(seen(first.body).length).toBeLessThanOrEqual(20);
    for (const cursor of ['bm9wZQ', Buffer.from(JSON.stringify({ at: '2026', id: 'x' })).toString('base64url')]) {
      const forged = await ctx.app.inject({ method: 'GET', url: `/api/v1/admin/outbox?cursor=${cursor}`, headers: api(admin) });
      expect(forged.statusCode).toBe(400);
      expect(forged.json().error.details.fields).toHaveProperty('cursor');
    }
  });

  it('serves the outbox and the audit log as keyset pages in the API', async () => {
    const a = await ctx.app.inject({ method: 'GET', url: '/api/v1/admin/outbox?limit=3', headers: api(admin) });
    expect(a.json().items).toHaveLength(3);
    expect(Object.keys(a.json().items[0]).sort()).toEqual(['attempts', 'createdAt', 'id', 'kind', 'lastError', 'sentAt', 'status', 'subject', 'textBody', 'to']);
    const b = await ctx.app.inject({ method: 'GET', url: `/api/v1/admin/outbox?limit=3&cursor=${a.json().nextCursor}`, headers: api(admin) });
    const items: { id: string; createdAt: string }[] = [...a.json().items, ...b.json().items];
    expect(new Set(items.map((m) => m.id)).size).toBe(6);
    const times = items.map((m) => m.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    const person = await createUser(ctx);
    await ctx.app.inject({ method: 'POST', url: '/api/v1/admin/roles', headers: api(admin), payload: { email: person.email, role: 'staff', caisse: caisse.slug } });
    const audit = await ctx.app.inject({ method: 'GET', url: '/api/v1/admin/audit?limit=100', headers: api(admin) });
    const entry = audit.json().items.find((e: { subject: { id: string } }) => e.subject.id === person.id);
    expect(entry).toMatchObject({ action: 'role.grant', subject: { type: 'user' }, data: { role: 'staff' }, actor: { displayName: expect.any(String) } });
    const journal = await ctx.app.inject({ method: 'GET', url: '/admin/journal', headers: { cookie: admin.cookie } });
    expect(journal.body).toContain(`user:${person.id}`);
  });
});

describe('the last admin', () => {
  it('never revokes the last admin grant (LAST_ADMIN), on a database whose admins the test knows', async () => {
    const own = await isolatedApp();
    try {
      const first = await createUser(own, { role: { role: 'admin' } });
      const s1 = await signIn(own, first.email);
      const [firstGrant] = await own.database.db.select().from(roleGrants).where(eq(roleGrants.userId, first.id));
      const alone = await own.app.inject({ method: 'DELETE', url: `/api/v1/admin/roles/${firstGrant!.id}`, headers: api(s1) });
      expect(alone.statusCode).toBe(409);
      expect(alone.json().error.code).toBe('LAST_ADMIN');
      const second = await createUser(own, { role: { role: 'admin' } });
      const stepDown = await own.app.inject({ method: 'DELETE', url: `/api/v1/admin/roles/${firstGrant!.id}`, headers: api(s1) });
      expect(stepDown.statusCode).toBe(204);
      const s2 = await signIn(own, second.email);
      const [secondGrant] = await own.database.db.select().from(roleGrants).where(eq(roleGrants.userId, second.id));
      const last = await own.app.inject({ method: 'POST', url: `/admin/roles/${secondGrant!.id}/retirer`, headers: { ...FORM, cookie: s2.cookie }, payload: form({ _csrf: s2.csrf }) });
      expect(last.statusCode).toBe(409);
      expect(last.body).toContain('Impossible de retirer le dernier rôle d’administration');
      expect(await own.database.db.select().from(roleGrants).where(eq(roleGrants.role, 'admin'))).toHaveLength(1);
    } finally {
      await own.close();
    }
  }, 180_000);
});
