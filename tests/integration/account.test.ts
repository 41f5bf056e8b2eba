import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createNeed, createProject, createTerritory, createUser, FORM, form, PASSWORD, signIn } from '../helpers/factories.js';
import { sessions, users } from '../../src/modules/auth/auth.tables.js';
import { pledges } from '../../src/modules/pledges/pledges.tables.js';
import { mailOutbox } from '../../src/platform/platform.tables.js';

let ctx: TestContext;
let territory: { id: string };
beforeAll(async () => {
  ctx = await createTestApp();
  territory = await createTerritory(ctx);
});
afterAll(() => ctx.close());

type Session = { cookie: string; csrf: string };
const call = (s: Session | null, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}, ...(payload ? { payload } : {}) });
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** A person with a pledge on someone else's project, and that someone. */
async function personWithPledge() {
  const promoter = await createUser(ctx, { territoryId: territory.id });
  const person = await createUser(ctx, { territoryId: territory.id, bio: 'Jardinière du dimanche', skills: ['jardinage'] });
  const project = await createProject(ctx, { promoterId: promoter.id, territoryId: territory.id });
  const need = await createNeed(ctx, { projectId: project.id, kind: 'volunteering', quantity: 10 });
  const s = await signIn(ctx, person.email);
  const pledged = await call(s, 'POST', `/api/v1/needs/${need.id}/pledges`, { quantity: 3, startDate: inDays(5), message: 'Le samedi.' });
  expect(pledged.statusCode).toBe(201);
  return { promoter, person, s, pledgeId: pledged.json<{ id: string }>().id };
}

describe('GET /api/v1/me/export', () => {
  it('needs a signed-in person', async () => {
    expect((await call(null, 'GET', '/api/v1/me/export')).statusCode).toBe(401);
    expect((await ctx.app.inject({ method: 'GET', url: '/moi/donnees/export.json' })).statusCode).toBe(303);
    expect((await call(null, 'GET', '/api/v1/me/export.csv')).statusCode).toBe(401);
    expect((await ctx.app.inject({ method: 'GET', url: '/moi/donnees/export.csv' })).statusCode).toBe(303);
  });

  it('offers the same data as CSV, one line per field, owner-only, no secrets', async () => {
    const { person, promoter, s, pledgeId } = await personWithPledge();
    for (const url of ['/api/v1/me/export.csv', '/moi/donnees/export.csv']) {
      const res = await call(s, 'GET', url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="espace-collectif-\d{4}-\d{2}-\d{2}\.csv"$/);
      expect(res.headers['cache-control']).toBe('no-store');
      const lines = res.body.split('\r\n');
      expect(lines[0]).toBe('section,row,field,value');
      expect(lines).toContain(`profile,1,email,${person.email}`);
      expect(lines).toContain(`pledges,1,id,${pledgeId}`);
      expect(lines).toContain('pledges,1,message,Le samedi.');
      expect(res.body).not.toContain('passwordHash');
      expect(res.body).not.toContain(promoter.email);
    }
    const page = await ctx.app.inject({ method: 'GET', url: '/moi/donnees', headers: { cookie: s.cookie } });
    expect(page.body).toContain('href="/moi/donnees/export.csv"');
    expect(page.body).toContain('Télécharger mes données (CSV)');
  });

  it('returns the caller’s own data as an attachment, and nothing secret or belonging to others', async () => {
    const { person, promoter, s, pledgeId } = await personWithPledge();
    const res = await call(s, 'GET', '/api/v1/me/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="espace-collectif-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(res.headers['cache-control']).toBe('no-store');
    const doc = res.json<{ format: string; version: number; data: Record<string, Record<string, unknown>[]> }>();
    expect(doc.format).toBe('espace-collectif-export');
    expect(doc.data.profile).toEqual([expect.objectContaining({ email: person.email, bio: 'Jardinière du dimanche', skills: ['jardinage'] })]);
    expect(doc.data.pledges).toEqual([expect.objectContaining({ id: pledgeId, quantity: 3, status: 'proposed', message: 'Le samedi.' })]);
    // The export speaks the API's camelCase, never the database's snake_case.
    expect(doc.version).toBe(2);
    expect(doc.data.profile![0]).toHaveProperty('displayName');
    expect(doc.data.profile![0]).toHaveProperty('createdAt');
    const keys = Object.values(doc.data).flatMap((rows) => rows.flatMap((r) => Object.keys(r)));
    expect(keys.filter((k) => k.includes('_'))).toEqual([]);
    expect(doc.data.sessions!.length).toBeGreaterThanOrEqual(1);
    expect(res.body).not.toContain('password_hash');
    expect(res.body).not.toContain('id_hash');
    expect(res.body).not.toContain(promoter.email);
    const page = await ctx.app.inject({ method: 'GET', url: '/moi/donnees/export.json', headers: { cookie: s.cookie } });
    expect(page.statusCode).toBe(200);
    expect(JSON.parse(page.body)).toMatchObject({ data: { profile: [{ email: person.email }] } });
  });
});

describe('DELETE /api/v1/me', () => {
  it('refuses a wrong password or a missing confirmation and changes nothing', async () => {
    const { person, s } = await personWithPledge();
    const wrong = await call(s, 'DELETE', '/api/v1/me', { password: 'not-my-password', confirm: true });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: { fields: { password: expect.anything() } } } });
    expect((await call(s, 'DELETE', '/api/v1/me', { password: PASSWORD })).statusCode).toBe(400);
    const [row] = await ctx.database.db.select().from(users).where(eq(users.id, person.id));
    expect(row!.deletedAt).toBeNull();
    expect((await call(s, 'GET', '/api/v1/me')).statusCode).toBe(200);
  });

  it('anonymises the person, withdraws their pending pledge, ends their sessions and says goodbye by e-mail', async () => {
    const { person, s, pledgeId } = await personWithPledge();
    const res = await call(s, 'DELETE', '/api/v1/me', { password: PASSWORD, confirm: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'deleted', withdrawnPledges: 1 });
    const [row] = await ctx.database.db.select().from(users).where(eq(users.id, person.id));
    expect(row).toMatchObject({ bio: '', skills: [], territoryId: null, indexable: false });
    expect(row!.deletedAt).not.toBeNull();
    expect(row!.email).not.toBe(person.email);
    expect(await ctx.database.db.select().from(sessions).where(eq(sessions.userId, person.id))).toHaveLength(0);
    expect((await call(s, 'GET', '/api/v1/me')).statusCode).toBe(401);
    const [p] = await ctx.database.db.select().from(pledges).where(eq(pledges.id, pledgeId));
    expect(p!.status).toBe('withdrawn');
    const mails = await ctx.database.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, person.email));
    expect(mails.map((m) => m.kind)).toContain('account_deleted');
    const login = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: person.email, password: PASSWORD } });
    expect(login.statusCode).toBe(401);
    expect((await ctx.app.inject({ method: 'GET', url: `/membres/${person.handle}` })).statusCode).toBe(404);
  });
});

describe('/moi/donnees', () => {
  it('shows both rights, rejects a form without the confirmation, then deletes and signs out', async () => {
    const person = await createUser(ctx, { locale: 'en' });
    const s = await signIn(ctx, person.email);
    const page = await ctx.app.inject({ method: 'GET', url: '/moi/donnees', headers: { cookie: s.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Download my data (JSON)');
    expect(page.body).toContain('data-confirm=');
    const missing = await ctx.app.inject({ method: 'POST', url: '/moi/donnees/supprimer', headers: { cookie: s.cookie, ...FORM }, payload: form({ _csrf: s.csrf, password: PASSWORD }) });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('aria-invalid="true"');
    const done = await ctx.app.inject({ method: 'POST', url: '/moi/donnees/supprimer', headers: { cookie: s.cookie, ...FORM }, payload: form({ _csrf: s.csrf, password: PASSWORD, confirm: 'on' }) });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Your account has been deleted.');
    expect(String(done.headers['set-cookie'])).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
    expect((await ctx.app.inject({ method: 'GET', url: '/moi', headers: { cookie: s.cookie } })).statusCode).not.toBe(200);
  });
});
