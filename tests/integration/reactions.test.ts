import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createProject, createTerritory, createUser, FORM, form, signIn } from '../helpers/factories.js';
import { reactions } from '../../src/modules/social/social.tables.js';
import { projectUpdates } from '../../src/modules/projects/projects.tables.js';
import { newId } from '../../src/db/ids.js';

let ctx: TestContext;
let territoryId: string;
type Session = { cookie: string; csrf: string };
type Person = { user: Awaited<ReturnType<typeof createUser>>; s: Session };
type Summary = { targetType: string; targetId: string; counts: { like: number; bravo: number; want_to_help: number }; mine: string[] };

beforeAll(async () => {
  ctx = await createTestApp();
  territoryId = (await createTerritory(ctx)).id;
});
afterAll(() => ctx.close());

const api = (s: Session | null, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}, ...(payload ? { payload } : {}) });

async function person(o: Parameters<typeof createUser>[1] = {}): Promise<Person> {
  const user = await createUser(ctx, { territoryId, ...o });
  return { user, s: await signIn(ctx, user.email) };
}

async function publicProject() {
  const promoter = await createUser(ctx, { territoryId });
  return createProject(ctx, { promoterId: promoter.id, territoryId });
}

const countRows = async (targetId: string, kind?: 'like' | 'bravo' | 'want_to_help') =>
  (await ctx.database.db.select().from(reactions).where(and(eq(reactions.targetId, targetId), kind ? eq(reactions.kind, kind) : undefined))).length;

describe('reactions', () => {
  it('is idempotent: 201 when new, 200 on a repeat, one row; DELETE takes it back', async () => {
    const project = await publicProject();
    const a = await person();
    const body = { targetType: 'project', targetId: project.id, kind: 'bravo' };
    const first = await api(a.s, 'POST', '/api/v1/reactions', body);
    expect([first.statusCode, first.json<Summary>().counts, first.json<Summary>().mine]).toEqual([201, { like: 0, bravo: 1, want_to_help: 0 }, ['bravo']]);
    const again = await api(a.s, 'POST', '/api/v1/reactions', body);
    expect([again.statusCode, again.json<Summary>().counts.bravo]).toEqual([200, 1]);
    await api(a.s, 'POST', '/api/v1/reactions', { ...body, kind: 'want_to_help' });
    expect(await countRows(project.id)).toBe(2);
    expect((await api(a.s, 'DELETE', '/api/v1/reactions', body)).statusCode).toBe(204);
    expect((await api(a.s, 'DELETE', '/api/v1/reactions', body)).statusCode).toBe(204);
    expect([await countRows(project.id, 'bravo'), await countRows(project.id, 'want_to_help')]).toEqual([0, 1]);
  });

  it('counts exactly under 20 parallel people and their parallel repeats', async () => {
    const project = await publicProject();
    const people = await Promise.all(Array.from({ length: 20 }, () => person()));
    const body = { targetType: 'project', targetId: project.id, kind: 'like' };
    const results = await Promise.all(people.flatMap((p) => [api(p.s, 'POST', '/api/v1/reactions', body), api(p.s, 'POST', '/api/v1/reactions', body), api(p.s, 'POST', '/api/v1/reactions', body)]));
    expect(results.every((r) => r.statusCode === 200 || r.statusCode === 201)).toBe(true);
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(20);
    expect(await countRows(project.id, 'like')).toBe(20);
    const last = await api(people[0]!.s, 'POST', '/api/v1/reactions', body);
    expect(last.json<Summary>().counts.like).toBe(20);
  });

  it('answers 404 for drafts, unknown targets and updates of another visibility; 401 for visitors', async () => {
    const promoter = await person();
    const draft = await createProject(ctx, { promoterId: promoter.user.id, territoryId, status: 'draft' });
    const a = await person();
    expect((await api(a.s, 'POST', '/api/v1/reactions', { targetType: 'project', targetId: draft.id, kind: 'like' })).json().error.code).toBe('PROJECT_NOT_FOUND');
    expect((await api(promoter.s, 'POST', '/api/v1/reactions', { targetType: 'project', targetId: draft.id, kind: 'like' })).statusCode).toBe(404);
    expect((await api(a.s, 'POST', '/api/v1/reactions', { targetType: 'comment', targetId: 'inexistant', kind: 'like' })).json().error.code).toBe('COMMENT_NOT_FOUND');
    const updateId = newId();
    await ctx.database.db.insert(projectUpdates).values({ id: updateId, projectId: draft.id, authorId: promoter.user.id, title: 'Brouillon', body: '…' });
    expect((await api(a.s, 'POST', '/api/v1/reactions', { targetType: 'update', targetId: updateId, kind: 'like' })).json().error.code).toBe('UPDATE_NOT_FOUND');
    const project = await publicProject();
    expect((await api(null, 'POST', '/api/v1/reactions', { targetType: 'project', targetId: project.id, kind: 'like' })).statusCode).toBe(401);
    expect((await api(a.s, 'POST', '/api/v1/reactions', { targetType: 'project', targetId: project.id, kind: 'love' })).statusCode).toBe(400);
    expect(await countRows(draft.id)).toBe(0);
  });

  it('reacts on updates and comments of a public project', async () => {
    const project = await publicProject();
    const a = await person();
    const updateId = newId();
    await ctx.database.db.insert(projectUpdates).values({ id: updateId, projectId: project.id, authorId: project.promoterId, title: 'Nouvelle', body: 'Du nouveau.' });
    expect((await api(a.s, 'POST', '/api/v1/reactions', { targetType: 'update', targetId: updateId, kind: 'like' })).statusCode).toBe(201);
    const comment = await api(a.s, 'POST', `/api/v1/projects/${project.id}/comments`, { body: 'Super' });
    const b = await person();
    expect((await api(b.s, 'POST', '/api/v1/reactions', { targetType: 'comment', targetId: comment.json().id, kind: 'bravo' })).statusCode).toBe(201);
    const list = await api(a.s, 'GET', `/api/v1/projects/${project.id}/comments`);
    expect(list.json().items[0].reactions).toEqual({ targetType: 'comment', targetId: comment.json().id, counts: { like: 0, bravo: 1, want_to_help: 0 }, mine: [] });
  });

  it('toggles through the no-JS form (redirect) and with htmx (the bar, pressed)', async () => {
    const project = await publicProject();
    const a = await person();
    const fields = { _csrf: a.s.csrf, targetType: 'project', targetId: project.id, kind: 'bravo', returnTo: `/projets/${project.id}` };
    const on = await ctx.app.inject({ method: 'POST', url: '/reactions', headers: { cookie: a.s.cookie, ...FORM }, payload: form({ ...fields, on: '1' }) });
    expect([on.statusCode, on.headers.location]).toEqual([303, `/projets/${project.id}#reactions-project-${project.id}`]);
    const page = await ctx.app.inject({ method: 'GET', url: `/projets/${project.id}`, headers: { cookie: a.s.cookie } });
    expect(page.body).toMatch(new RegExp(`id="reactions-project-${project.id}-bravo" class="[^"]*" aria-pressed="true"><span>Bravo</span> <span class="reaction-count">1</span>`));
    const off = await ctx.app.inject({ method: 'POST', url: '/reactions', headers: { cookie: a.s.cookie, 'hx-request': 'true', ...FORM }, payload: form({ ...fields, on: '0' }) });
    expect(off.statusCode).toBe(200);
    expect(off.body).toMatch(/^<div class="reactions" id="reactions-project-/);
    expect(off.body).toContain('aria-pressed="false"><span>Bravo</span> <span class="reaction-count">0</span>');
    const offsite = await ctx.app.inject({ method: 'POST', url: '/reactions', headers: { cookie: a.s.cookie, ...FORM }, payload: form({ ...fields, on: '1', returnTo: 'https://evil.test/' }) });
    expect(offsite.headers.location).toBe(`/#reactions-project-${project.id}`);
  });
});
