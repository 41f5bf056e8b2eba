import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createCaisse, createProject, createTerritory, createUser, FORM, form, signIn, uid } from '../helpers/factories.js';
import { projects, projectTeam } from '../../src/modules/projects/projects.tables.js';
import { auditLog } from '../../src/platform/platform.tables.js';

let ctx: TestContext;
let territory: Awaited<ReturnType<typeof createTerritory>>;
let caisse: Awaited<ReturnType<typeof createCaisse>>;
beforeAll(async () => {
  ctx = await createTestApp();
  territory = await createTerritory(ctx);
  caisse = await createCaisse(ctx, { territoryIds: [territory.id] });
});
afterAll(() => ctx.close());

type Session = { cookie: string; csrf: string };
async function person(o: Parameters<typeof createUser>[1] = {}) {
  const user = await createUser(ctx, o);
  return { user, s: await signIn(ctx, user.email) };
}
const api = (s: Session | null, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
  ctx.app.inject({ method, url, headers: { ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}), ...headers }, ...(payload === undefined ? {} : { payload: payload as object }) });
const validBody = () => ({ title: `Frigo solidaire ${uid()}`, summary: 'Un frigo partagé devant la bibliothèque.', description: 'On y **dépose** ce qui reste.', category: 'food', territory: territory.slug, caisse: caisse.slug, language: 'fr' });

describe('creating a project', () => {
  it('starts a draft through the API, with its creator as promoter, and logs it', async () => {
    const { user, s } = await person();
    const res = await api(s, 'POST', '/api/v1/projects', validBody());
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ status: 'draft', category: 'food', territory: { slug: territory.slug }, caisse: { slug: caisse.slug }, promoter: { handle: user.handle }, publishedAt: null });
    expect(body.team).toEqual([{ handle: user.handle, displayName: user.displayName, role: 'promoter' }]);
    const [row] = await ctx.database.db.select().from(projects).where(eq(projects.id, body.id));
    expect(row!.promoterId).toBe(user.id);
    const team = await ctx.database.db.select().from(projectTeam).where(eq(projectTeam.projectId, body.id));
    expect(team.map((m) => [m.userId, m.role])).toEqual([[user.id, 'promoter']]);
    const logged = await ctx.database.db.select().from(auditLog).where(eq(auditLog.subjectId, body.id));
    expect(logged.map((l) => l.action)).toContain('project.create');
  });

  it('creates from the HTML form and lands on the edit page', async () => {
    const { s } = await person();
    const body = validBody();
    const res = await ctx.app.inject({ method: 'POST', url: '/projets/nouveau', headers: { ...FORM, cookie: s.cookie }, payload: form({ _csrf: s.csrf, ...body }) });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/^\/projets\/[A-Za-z0-9_-]+\/modifier/);
    const edit = await ctx.app.inject({ method: 'GET', url: res.headers.location!, headers: { cookie: s.cookie } });
    expect(edit.statusCode).toBe(200);
    expect(edit.body).toContain(body.title);
    expect(edit.body).toContain('Ajouter un besoin');
  });

  it('asks visitors to sign in and people with an unverified e-mail to confirm it', async () => {
    expect((await api(null, 'POST', '/api/v1/projects', validBody())).json().error.code).toBe('UNAUTHENTICATED');
    const { s } = await person({ verified: false });
    const res = await api(s, 'POST', '/api/v1/projects', validBody());
    expect([res.statusCode, res.json().error.code]).toEqual([403, 'EMAIL_NOT_VERIFIED']);
    const page = await ctx.app.inject({ method: 'GET', url: '/projets/nouveau' });
    expect([page.statusCode, page.headers.location]).toEqual([303, '/connexion?retour=%2Fprojets%2Fnouveau']);
  });

  it('lists each invalid field in the reader’s language and writes nothing', async () => {
    const { s } = await person();
    const other = await createTerritory(ctx);
    const otherCaisse = await createCaisse(ctx, { territoryIds: [other.id] });
    const bad = { title: 'x', summary: 'court', category: 'knitting', territory: territory.slug, caisse: otherCaisse.slug };
    const fr = await api(s, 'POST', '/api/v1/projects', bad);
    expect(fr.statusCode).toBe(400);
    expect(fr.json().error.details.fields).toEqual({ title: 'Au moins 3 caractères.', summary: 'Au moins 10 caractères.', category: 'Choisissez une option de la liste.' });
    const english = await person({ locale: 'en' });
    const en = await api(english.s, 'POST', '/api/v1/projects', { ...validBody(), caisse: otherCaisse.slug });
    expect(en.statusCode).toBe(400);
    expect(en.json().error.details.fields).toEqual({ caisse: 'Choose a caisse that serves this neighbourhood.' });
    const closed = await createTerritory(ctx, { state: 'waitlist' });
    const wl = await api(s, 'POST', '/api/v1/projects', { ...validBody(), territory: closed.slug, caisse: null });
    expect(wl.json().error.details.fields).toEqual({ territory: 'Choisissez un quartier ouvert de la liste.' });
  });

  it('re-shows the HTML form with the values kept and an error per field', async () => {
    const { s } = await person();
    const res = await ctx.app.inject({ method: 'POST', url: '/projets/nouveau', headers: { ...FORM, cookie: s.cookie }, payload: form({ _csrf: s.csrf, title: 'Gardé ici', summary: '', category: '', territory: territory.slug, caisse: '', language: 'fr' }) });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('value="Gardé ici"');
    expect(res.body).toContain('id="summary-error"');
    expect(res.body).toContain('id="category-error"');
    expect(res.body).toContain('Au moins 10 caractères.');
    expect(res.body).toContain('Le formulaire contient 2 erreurs');
  });

  it('honours Idempotency-Key: same key and body → same project, once; another body → 422', async () => {
    const { user, s } = await person();
    const body = validBody();
    const key = `cle-${uid()}`;
    const first = await api(s, 'POST', '/api/v1/projects', body, { 'idempotency-key': key });
    const again = await api(s, 'POST', '/api/v1/projects', body, { 'idempotency-key': key });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const rows = await ctx.database.db.select().from(projects).where(eq(projects.promoterId, user.id));
    expect(rows).toHaveLength(1);
    const changed = await api(s, 'POST', '/api/v1/projects', { ...body, title: 'Un autre titre' }, { 'idempotency-key': key });
    expect([changed.statusCode, changed.json().error.code]).toEqual([422, 'IDEMPOTENCY_MISMATCH']);
  });
});

describe('idempotent creation under concurrency', () => {
  it.runIf(!!process.env.TEST_DATABASE_URL)('creates one project for ten simultaneous identical requests', async () => {
    const { user, s } = await person();
    const body = validBody();
    const key = `course-${uid()}`;
    const results = await Promise.all(Array.from({ length: 10 }, () => api(s, 'POST', '/api/v1/projects', body, { 'idempotency-key': key })));
    expect(new Set(results.map((r) => r.statusCode))).toEqual(new Set([201]));
    expect(new Set(results.map((r) => r.json<{ id: string }>().id)).size).toBe(1);
    expect(await ctx.database.db.select().from(projects).where(eq(projects.promoterId, user.id))).toHaveLength(1);
  });
});

describe('editing a project', () => {
  it('lets the team edit and refuses others (403 on a public project, 404 on a draft)', async () => {
    const promoter = await person();
    const stranger = await person();
    const draft = await createProject(ctx, { promoterId: promoter.user.id, territoryId: territory.id, status: 'draft' });
    const live = await createProject(ctx, { promoterId: promoter.user.id, territoryId: territory.id, status: 'published' });
    const ok = await api(promoter.s, 'PATCH', `/api/v1/projects/${draft.id}`, { summary: 'Un résumé tout neuf pour le quartier.' });
    expect([ok.statusCode, ok.json().summary]).toEqual([200, 'Un résumé tout neuf pour le quartier.']);
    expect((await api(stranger.s, 'PATCH', `/api/v1/projects/${live.id}`, { title: 'Piraté' })).json().error.code).toBe('FORBIDDEN');
    expect((await api(stranger.s, 'PATCH', `/api/v1/projects/${draft.id}`, { title: 'Piraté' })).json().error.code).toBe('PROJECT_NOT_FOUND');
    const [row] = await ctx.database.db.select().from(projects).where(eq(projects.id, live.id));
    expect(row!.title).not.toBe('Piraté');
  });

  it('lets the promoter add a member by handle, who may then edit, and remove them', async () => {
    const promoter = await person();
    const helper = await person();
    const project = await createProject(ctx, { promoterId: promoter.user.id, territoryId: territory.id, status: 'draft' });
    const added = await api(promoter.s, 'POST', `/api/v1/projects/${project.id}/team`, { handle: helper.user.handle });
    expect(added.json().team.map((m: { handle: string }) => m.handle)).toEqual([promoter.user.handle, helper.user.handle]);
    expect((await api(helper.s, 'PATCH', `/api/v1/projects/${project.id}`, { title: 'Titre revu par l’équipe' })).statusCode).toBe(200);
    expect((await api(helper.s, 'POST', `/api/v1/projects/${project.id}/team`, { handle: uid() })).json().error.code).toBe('FORBIDDEN');
    const unknown = await api(promoter.s, 'POST', `/api/v1/projects/${project.id}/team`, { handle: 'personne-inexistante' });
    expect(unknown.json().error.details.fields.handle).toBe('Aucune personne n’a cet identifiant.');
    expect((await api(promoter.s, 'DELETE', `/api/v1/projects/${project.id}/team/${promoter.user.handle}`)).statusCode).toBe(403);
    const removed = await api(promoter.s, 'DELETE', `/api/v1/projects/${project.id}/team/${helper.user.handle}`);
    expect(removed.json().team).toHaveLength(1);
    expect((await api(helper.s, 'GET', `/api/v1/projects/${project.id}`)).statusCode).toBe(404);
  });
});

describe('the project page', () => {
  it('renders the Markdown description safely (no script, no javascript: link, no event handler)', async () => {
    const { user } = await person();
    const description = 'Bonjour <script>alert(1)</script> [clic](javascript:alert(2)) <img src=x onerror=alert(3)> **gras**';
    const project = await createProject(ctx, { promoterId: user.id, territoryId: territory.id, description });
    const page = await ctx.app.inject({ method: 'GET', url: `/projets/${project.id}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<strong>gras</strong>');
    expect(page.body).not.toContain('<script>alert');
    expect(page.body).not.toContain('javascript:');
    expect(page.body).not.toContain('onerror');
    expect((await api(null, 'GET', `/api/v1/projects/${project.id}`)).json().description).toBe(description);
  });

  it('shows the promoter, territory, caisse, Open Graph tags and a share link', async () => {
    const { user } = await person({ displayName: 'Lucie Promotrice' });
    const project = await createProject(ctx, { promoterId: user.id, territoryId: territory.id, caisseId: caisse.id, title: 'Ruelle verte Fabre' });
    const page = await ctx.app.inject({ method: 'GET', url: `/projets/${project.id}` });
    expect(page.body).toContain(`href="/membres/${user.handle}"`);
    expect(page.body).toContain(`href="/territoires/${territory.slug}"`);
    expect(page.body).toContain(`href="/caisses/${caisse.slug}"`);
    expect(page.body).toContain('<meta property="og:title" content="Ruelle verte Fabre"/>');
    expect(page.body).toContain(`<meta property="og:url" content="http://localhost:3000/projets/${project.id}"/>`);
    expect(page.body).toContain('mailto:?subject=');
    expect(page.body).toContain('Lucie Promotrice');
  });

  it('lets the team post news (Markdown) that everyone reads, in both the page and the API', async () => {
    const promoter = await person();
    const project = await createProject(ctx, { promoterId: promoter.user.id, territoryId: territory.id });
    const res = await ctx.app.inject({ method: 'POST', url: `/projets/${project.id}/nouvelles`, headers: { ...FORM, cookie: promoter.s.cookie }, payload: form({ _csrf: promoter.s.csrf, title: 'Première corvée', body: 'Merci à *tous*!' }) });
    expect(res.statusCode).toBe(303);
    const list = await api(null, 'GET', `/api/v1/projects/${project.id}/updates`);
    expect(list.json().items.map((u: { title: string }) => u.title)).toEqual(['Première corvée']);
    const page = await ctx.app.inject({ method: 'GET', url: `/projets/${project.id}` });
    expect(page.body).toContain('<em>tous</em>');
    const stranger = await person();
    expect((await api(stranger.s, 'POST', `/api/v1/projects/${project.id}/updates`, { title: 'Spam spam', body: 'x' })).statusCode).toBe(403);
    const bad = await ctx.app.inject({ method: 'POST', url: `/projets/${project.id}/nouvelles`, headers: { ...FORM, cookie: promoter.s.cookie }, payload: form({ _csrf: promoter.s.csrf, title: '', body: '' }) });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('id="title-error"');
  });
});
