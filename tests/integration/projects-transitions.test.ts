import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createCaisse, createProject, createTerritory, createUser, FORM, form, signIn } from '../helpers/factories.js';
import { projects, projectTransitions } from '../../src/modules/projects/projects.tables.js';
import { type ProjectStatus } from '../../src/modules/projects/projects.domain.js';
import { caisses } from '../../src/modules/caisses/caisses.tables.js';
import { auditLog } from '../../src/platform/platform.tables.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

type Session = { cookie: string; csrf: string };
async function signedIn(o: Parameters<typeof createUser>[1] = {}) {
  const user = await createUser(ctx, o);
  return { user, s: await signIn(ctx, user.email) };
}
const move = (s: Session, id: string, to: ProjectStatus, note?: string) =>
  ctx.app.inject({ method: 'POST', url: `/api/v1/projects/${id}/transitions`, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, payload: { to, ...(note === undefined ? {} : { note }) } });
const statusOf = async (id: string) => (await ctx.database.db.select().from(projects).where(eq(projects.id, id)))[0]!;

/** A neighbourhood served by one caisse (approving first or not), its staff, a staff member of another caisse, an admin. */
async function world(requiresApproval: boolean) {
  const territory = await createTerritory(ctx);
  const caisse = await createCaisse(ctx, { territoryIds: [territory.id] });
  await ctx.database.db.update(caisses).set({ requiresApproval }).where(eq(caisses.id, caisse.id));
  const elsewhere = await createCaisse(ctx, { territoryIds: [(await createTerritory(ctx)).id] });
  const promoter = await signedIn();
  const staff = await signedIn({ role: { role: 'staff', caisseId: caisse.id } });
  const otherStaff = await signedIn({ role: { role: 'staff', caisseId: elsewhere.id } });
  const admin = await signedIn({ role: { role: 'admin' } });
  const stranger = await signedIn();
  const project = (status: ProjectStatus) => createProject(ctx, { promoterId: promoter.user.id, territoryId: territory.id, status });
  return { territory, promoter, staff, otherStaff, admin, stranger, project };
}

describe('the status machine through the API', () => {
  it('publishes directly when no caisse of the territory approves first, setting publishedAt and logging the move', async () => {
    const w = await world(false);
    const p = await w.project('draft');
    const res = await move(w.promoter.s, p.id, 'published');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'published' });
    const row = await statusOf(p.id);
    expect(row.status).toBe('published');
    expect(row.publishedAt).toBeInstanceOf(Date);
    const log = await ctx.database.db.select().from(projectTransitions).where(eq(projectTransitions.projectId, p.id));
    expect(log.map((l) => [l.fromStatus, l.toStatus, l.actorId])).toEqual([['draft', 'published', w.promoter.user.id]]);
    const audited = await ctx.database.db.select().from(auditLog).where(eq(auditLog.subjectId, p.id));
    expect(audited.map((a) => a.action)).toContain('project.transition');
    expect((await move(w.promoter.s, p.id, 'submitted')).json().error.code).toBe('TRANSITION_NOT_ALLOWED');
  });

  it('makes the team submit when a caisse approves first; that caisse’s staff publish, another caisse’s staff cannot', async () => {
    const w = await world(true);
    const p = await w.project('draft');
    const direct = await move(w.promoter.s, p.id, 'published');
    expect([direct.statusCode, direct.json().error.code]).toEqual([409, 'TRANSITION_NOT_ALLOWED']);
    expect((await statusOf(p.id)).status).toBe('draft');
    expect((await move(w.promoter.s, p.id, 'submitted')).statusCode).toBe(200);
    expect((await move(w.promoter.s, p.id, 'published')).statusCode).toBe(409);
    expect((await move(w.otherStaff.s, p.id, 'published')).statusCode).toBe(404); // cannot even see it
    expect((await move(w.stranger.s, p.id, 'published')).statusCode).toBe(404);
    expect((await move(w.staff.s, p.id, 'published')).statusCode).toBe(200);
    const row = await statusOf(p.id);
    expect([row.status, row.publishedAt !== null]).toEqual(['published', true]);
  });

  it('lets the territory’s staff send a submission back with a note (required), then archive anything', async () => {
    const w = await world(true);
    const p = await w.project('submitted');
    const bare = await move(w.staff.s, p.id, 'draft');
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.details.fields.note).toBe('Expliquez à l’équipe ce qu’il faut changer.');
    expect((await move(w.staff.s, p.id, 'draft', 'Ajoutez une photo et précisez le budget.')).statusCode).toBe(200);
    const [last] = await ctx.database.db.select().from(projectTransitions).where(eq(projectTransitions.projectId, p.id)).orderBy(asc(projectTransitions.createdAt));
    expect(last!.note).toBe('Ajoutez une photo et précisez le budget.');
    for (const status of ['draft', 'published', 'in_progress', 'completed'] as const) {
      const q = await w.project(status);
      expect((await move(w.staff.s, q.id, 'archived')).statusCode, status).toBe(200);
      expect((await move(w.otherStaff.s, (await w.project(status)).id, 'archived')).statusCode, status).toBe(status === 'draft' ? 404 : 409);
    }
  });

  it('walks a live project through in progress to completed (team) and refuses skipping or going back', async () => {
    const w = await world(false);
    const p = await w.project('published');
    expect((await move(w.promoter.s, p.id, 'completed')).statusCode).toBe(409);
    expect((await move(w.promoter.s, p.id, 'in_progress')).statusCode).toBe(200);
    expect((await move(w.promoter.s, p.id, 'published')).statusCode).toBe(409);
    expect((await move(w.staff.s, p.id, 'completed')).statusCode).toBe(409);
    expect((await move(w.promoter.s, p.id, 'completed')).statusCode).toBe(200);
    expect((await move(w.promoter.s, p.id, 'archived')).statusCode).toBe(409);
    expect((await move(w.admin.s, p.id, 'archived')).statusCode).toBe(200);
    expect((await statusOf(p.id)).status).toBe('archived');
  });

  it('lets an admin publish even where approval is required, and refuses moves outside the machine', async () => {
    const w = await world(true);
    const p = await w.project('draft');
    expect((await move(w.admin.s, p.id, 'published')).statusCode).toBe(200);
    expect((await move(w.admin.s, p.id, 'draft')).statusCode).toBe(409);
    const bad = await ctx.app.inject({ method: 'POST', url: `/api/v1/projects/${p.id}/transitions`, headers: { cookie: w.admin.s.cookie, 'x-csrf-token': w.admin.s.csrf }, payload: { to: 'launched' } });
    expect(bad.statusCode).toBe(400);
  });
});

describe('the status machine in the browser', () => {
  it('offers only the moves the policy grants, and a no-JS form makes them', async () => {
    const w = await world(true);
    const p = await w.project('draft');
    const page = await ctx.app.inject({ method: 'GET', url: `/projets/${p.id}/modifier`, headers: { cookie: w.promoter.s.cookie } });
    expect(page.body).toContain('value="submitted"');
    expect(page.body).not.toContain('value="published"');
    const res = await ctx.app.inject({ method: 'POST', url: `/projets/${p.id}/transitions`, headers: { ...FORM, cookie: w.promoter.s.cookie }, payload: form({ _csrf: w.promoter.s.csrf, to: 'submitted', note: '' }) });
    expect([res.statusCode, res.headers.location]).toEqual([303, `/projets/${p.id}/modifier?fait=statut&statut=submitted#statut`]);
    const staffPage = await ctx.app.inject({ method: 'GET', url: `/projets/${p.id}/modifier`, headers: { cookie: w.staff.s.cookie } });
    expect(staffPage.statusCode).toBe(200);
    expect(staffPage.body).toContain('value="published"');
    expect(staffPage.body).not.toContain('id="informations"');
    const sentBack = await ctx.app.inject({ method: 'POST', url: `/projets/${p.id}/transitions`, headers: { ...FORM, cookie: w.staff.s.cookie }, payload: form({ _csrf: w.staff.s.csrf, to: 'draft', note: '' }) });
    expect(sentBack.statusCode).toBe(400);
    expect(sentBack.body).toContain('id="note-error"');
    const stranger = await ctx.app.inject({ method: 'GET', url: `/projets/${p.id}/modifier`, headers: { cookie: w.stranger.s.cookie } });
    expect(stranger.statusCode).toBe(404);
  });
});
