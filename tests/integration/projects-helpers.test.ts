import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createNeed, createProject, createTerritory, createUser, FORM, form, signIn } from '../helpers/factories.js';
import { notifications } from '../../src/modules/notifications/notifications.tables.js';
import { projectTeam } from '../../src/modules/projects/projects.tables.js';
import { pledges } from '../../src/modules/pledges/pledges.tables.js';
import { newId } from '../../src/db/ids.js';

let ctx: TestContext;
let territoryId: string;
type Session = { cookie: string; csrf: string };

beforeAll(async () => {
  ctx = await createTestApp();
  territoryId = (await createTerritory(ctx)).id;
});
afterAll(() => ctx.close());

const api = (s: Session | null, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}, ...(payload ? { payload } : {}) });

async function person(o: Parameters<typeof createUser>[1] = {}) {
  const user = await createUser(ctx, { territoryId, ...o });
  return { user, s: await signIn(ctx, user.email) };
}

/** A public project with a promoter and a second team member. */
async function teamProject() {
  const promoter = await person();
  const member = await person({ locale: 'en' });
  const project = await createProject(ctx, { promoterId: promoter.user.id, territoryId, title: `Frigo ${Math.random().toString(36).slice(2, 7)}` });
  await ctx.database.db.insert(projectTeam).values({ projectId: project.id, userId: member.user.id, role: 'member' });
  return { project, promoter, member };
}

const told = (userId: string, projectId: string) =>
  ctx.database.db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.kind, 'project.want_to_help'), eq(notifications.subjectId, projectId)));

describe('“I want to help” tells the team who', () => {
  it('notifies each team member in-app, naming the person in their language, once per person', async () => {
    const { project, promoter, member } = await teamProject();
    const helper = await person({ displayName: 'Léa Tremblay' });
    const body = { targetType: 'project', targetId: project.id, kind: 'want_to_help' };
    expect((await api(helper.s, 'POST', '/api/v1/reactions', body)).statusCode).toBe(201);
    expect(await told(promoter.user.id, project.id)).toHaveLength(1);
    expect(await told(member.user.id, project.id)).toHaveLength(1);
    expect(await told(helper.user.id, project.id)).toHaveLength(0);
    const fr = (await api(promoter.s, 'GET', '/api/v1/notifications')).json().items[0];
    expect(fr).toMatchObject({ kind: 'project.want_to_help', text: `Léa Tremblay veut aider votre projet « ${project.title} ».`, url: `/projets/${project.id}#veulent-aider` });
    const en = (await api(member.s, 'GET', '/api/v1/notifications')).json().items[0];
    expect(en.text).toBe(`Léa Tremblay wants to help your project “${project.title}”.`);
    await api(helper.s, 'DELETE', '/api/v1/reactions', body);
    expect((await api(helper.s, 'POST', '/api/v1/reactions', body)).statusCode).toBe(201);
    expect((await api(helper.s, 'POST', '/api/v1/reactions', body)).statusCode).toBe(200);
    expect(await told(promoter.user.id, project.id)).toHaveLength(1);
  });

  it('keeps the count exact when many press at once, and the same person twice at once counts once', async () => {
    const { project, promoter } = await teamProject();
    const helpers = await Promise.all([1, 2, 3, 4].map(() => person()));
    const body = { targetType: 'project', targetId: project.id, kind: 'want_to_help' };
    const results = await Promise.all([...helpers, helpers[0]!].map((h) => api(h.s, 'POST', '/api/v1/reactions', body)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 201, 201, 201, 201]);
    const counts = (await api(null, 'POST', '/api/v1/reactions', body)).statusCode;
    expect(counts).toBe(401);
    const again = await api(helpers[1]!.s, 'POST', '/api/v1/reactions', body);
    expect(again.json().counts.want_to_help).toBe(4);
    expect(await told(promoter.user.id, project.id)).toHaveLength(4);
  });

  it('shows the team, and only the team, the list of people who want to help', async () => {
    const { project, promoter, member } = await teamProject();
    const helper = await person({ displayName: 'Samir Haddad' });
    await api(helper.s, 'POST', '/api/v1/reactions', { targetType: 'project', targetId: project.id, kind: 'want_to_help' });
    const page = await ctx.app.inject({ method: 'GET', url: `/projets/${project.id}`, headers: { cookie: promoter.s.cookie } });
    expect(page.body).toContain('id="veulent-aider"');
    expect(page.body).toContain('Personnes qui veulent aider');
    expect(page.body).toContain(`href="/membres/${helper.user.handle}">Samir Haddad</a>`);
    expect(page.body).toContain(`href="/messages/nouveau?a=${helper.user.handle}"`);
    const en = await ctx.app.inject({ method: 'GET', url: `/projets/${project.id}`, headers: { cookie: member.s.cookie } });
    expect(en.body).toContain('People who want to help');
    for (const cookie of [helper.s.cookie, undefined]) {
      const other = await ctx.app.inject({ method: 'GET', url: `/projets/${project.id}`, headers: cookie ? { cookie } : {} });
      expect(other.body).not.toContain('id="veulent-aider"');
      expect(other.body).not.toContain(`href="/messages/nouveau?a=${helper.user.handle}"`);
    }
  });
});

describe('“I want to help” leads to the open needs', () => {
  it('sends the no-JS form and htmx to the needs, with a thank-you that says what to do next', async () => {
    const { project } = await teamProject();
    const need = await createNeed(ctx, { projectId: project.id, kind: 'volunteering', quantity: 4, title: 'Tri des denrées' });
    const helper = await person();
    const fields = { _csrf: helper.s.csrf, targetType: 'project', targetId: project.id, kind: 'want_to_help', returnTo: `/projets/${project.id}`, on: '1' };
    const res = await ctx.app.inject({ method: 'POST', url: '/reactions', headers: { cookie: helper.s.cookie, ...FORM }, payload: form(fields) });
    expect([res.statusCode, res.headers.location]).toEqual([303, `/projets/${project.id}?aide=1#besoins`]);
    const landing = await ctx.app.inject({ method: 'GET', url: `/projets/${project.id}?aide=1`, headers: { cookie: helper.s.cookie } });
    expect(landing.body).toContain('L’équipe du projet sait maintenant que vous voulez aider.');
    expect(landing.body).toContain('Choisissez ci-dessous un besoin ouvert');
    expect(landing.body.indexOf('wants-to-help-notice')).toBeGreaterThan(landing.body.indexOf('id="besoins"'));
    expect(landing.body).toContain(`href="/besoins/${need.id}/engagement"`);
    const off = { ...fields, on: '0' };
    await ctx.app.inject({ method: 'POST', url: '/reactions', headers: { cookie: helper.s.cookie, ...FORM }, payload: form(off) });
    const hx = await ctx.app.inject({ method: 'POST', url: '/reactions', headers: { cookie: helper.s.cookie, 'hx-request': 'true', ...FORM }, payload: form(fields) });
    expect([hx.statusCode, hx.headers['hx-redirect']]).toEqual([200, `/projets/${project.id}?aide=1#besoins`]);
    await ctx.database.db.insert(pledges).values({ id: newId(), needId: need.id, projectId: project.id, quantity: 4, status: 'proposed' });
    const covered = await ctx.app.inject({ method: 'GET', url: `/projets/${project.id}?aide=1&lang=en`, headers: { cookie: (await person({ locale: 'en' })).s.cookie } });
    expect(covered.body).toContain('This project has no open need right now');
  });
});
