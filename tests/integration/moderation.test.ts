import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createCaisse, createProject, createTerritory, createUser, FORM, form, signIn, uid, visitor } from '../helpers/factories.js';
import { activitiesRepository } from '../../src/modules/social/activities.repository.js';
import { activities } from '../../src/modules/social/social.tables.js';
import { notificationsRepository } from '../../src/modules/notifications/notifications.repository.js';
import { notifications } from '../../src/modules/notifications/notifications.tables.js';
import { moderationActions, reports } from '../../src/modules/moderation/moderation.tables.js';
import { auditLog } from '../../src/platform/platform.tables.js';
import { sessions } from '../../src/modules/auth/auth.tables.js';
import { projectUpdates } from '../../src/modules/projects/projects.tables.js';
import { newId } from '../../src/db/ids.js';
import { comments } from '../../src/modules/social/social.tables.js';
import { boards } from '../../src/modules/boards/boards.tables.js';

let ctx: TestContext;
let territory: { id: string; slug: string };
let elsewhere: { id: string; slug: string };
type Session = { cookie: string; csrf: string };
type Person = { user: Awaited<ReturnType<typeof createUser>>; s: Session };
let moderator: Person;
let moderatorElsewhere: Person;
let staffHere: Person;

const api = (s: Session | null, method: 'GET' | 'POST', url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}, ...(payload ? { payload } : {}) });
const page = (s: Session | null, url: string) => ctx.app.inject({ method: 'GET', url, headers: s ? { cookie: s.cookie } : {} });

async function person(o: Parameters<typeof createUser>[1] = {}): Promise<Person> {
  const user = await createUser(ctx, { territoryId: territory.id, ...o });
  return { user, s: await signIn(ctx, user.email) };
}

beforeAll(async () => {
  ctx = await createTestApp();
  territory = await createTerritory(ctx);
  elsewhere = await createTerritory(ctx);
  const caisse = await createCaisse(ctx, { territoryIds: [territory.id] });
  const other = await createCaisse(ctx, { territoryIds: [elsewhere.id] });
  moderator = await person({ displayName: 'Mireille Modératrice', role: { role: 'moderator', caisseId: caisse.id } });
  moderatorElsewhere = await person({ role: { role: 'moderator', caisseId: other.id } });
  staffHere = await person({ role: { role: 'staff', caisseId: caisse.id } });
});
afterAll(() => ctx.close());

const report = (p: Person, targetType: string, targetId: string, reason = 'spam', details = '') => api(p.s, 'POST', '/api/v1/reports', { targetType, targetId, reason, details });
const act = (p: Person, body: Record<string, unknown>) => api(p.s, 'POST', '/api/v1/moderation/actions', body);
const gridIds = async (s: Session | null, query: string) => ((await api(s, 'GET', `/api/v1/projects?${query}`)).json().items as { id: string }[]).map((p) => p.id);

describe('a reported project, hidden then restored', () => {
  it('disappears from the grid, search, page, API, territory page, feed and notifications for others, not for its team and moderators', async () => {
    const promoter = await person({ displayName: 'Paul Promoteur' });
    const reporter = await person();
    const neighbour = await person();
    const word = `zorblatte${uid()}`;
    const project = await createProject(ctx, { promoterId: promoter.user.id, territoryId: territory.id, title: `Vente ${word}`, summary: `Achetez mes ${word} en gros` });
    await activitiesRepository.record(ctx.database.db, { kind: 'project_published', actorId: promoter.user.id, subjectType: 'project', subjectId: project.id, projectId: project.id, territoryId: territory.id, data: { projectTitle: project.title } });
    await notificationsRepository.insert(ctx.database.db, { userId: neighbour.user.id, kind: 'pledge.accepted', data: { projectId: project.id, projectTitle: project.title }, url: `/projets/${project.id}` });
    await notificationsRepository.insert(ctx.database.db, { userId: neighbour.user.id, kind: 'comment.new', data: { subjectTitle: project.title }, url: `/projets/${project.id}`, subjectType: 'project', subjectId: project.id });
    const guest = await visitor(ctx, '/');
    expect(await gridIds(null, `territory=${territory.slug}`)).toContain(project.id);

    // Reporting: once per person (a repeat returns the open report), never one's own project.
    const first = await report(reporter, 'project', project.id, 'spam', 'Publicité déguisée');
    expect(first.statusCode).toBe(201);
    const again = await report(reporter, 'project', project.id, 'hate');
    expect([again.statusCode, again.json().id]).toEqual([200, first.json().id]);
    expect((await report(promoter, 'project', project.id)).statusCode).toBe(404);
    expect((await api(guest, 'POST', '/api/v1/reports', { targetType: 'project', targetId: project.id, reason: 'spam' })).statusCode).toBe(401);
    expect((await report(reporter, 'project', 'nope-nope')).json().error.code).toBe('REPORT_TARGET_NOT_FOUND');
    const stored = await ctx.database.db.select().from(reports).where(eq(reports.id, first.json().id));
    expect(stored[0]).toMatchObject({ reporterId: reporter.user.id, territoryId: territory.id, status: 'open', reason: 'spam', details: 'Publicité déguisée' });

    // The queue: this caisse's moderator and staff see it; another caisse's moderator does not; members get 403.
    const queued = (p: Person) => api(p.s, 'GET', '/api/v1/moderation/reports?limit=100');
    expect((await queued(moderator)).json().items.map((r: { id: string }) => r.id)).toContain(first.json().id);
    const mine = (await queued(moderator)).json().items.find((r: { id: string }) => r.id === first.json().id);
    expect(mine.target).toMatchObject({ type: 'project', id: project.id, title: project.title, url: `/projets/${project.id}`, hidden: null });
    expect((await queued(moderatorElsewhere)).json().items.map((r: { id: string }) => r.id)).not.toContain(first.json().id);
    expect((await queued(reporter)).statusCode).toBe(403);
    expect((await queued(staffHere)).json().items.map((r: { id: string }) => r.id)).toContain(first.json().id);

    // Acting: another caisse's moderator is refused; the reason is required.
    const hide = { action: 'hide', targetType: 'project', targetId: project.id, reason: 'Publicité commerciale interdite.', reportId: first.json().id };
    expect((await act(moderatorElsewhere, hide)).statusCode).toBe(403);
    expect((await act(moderator, { ...hide, reason: ' ' })).statusCode).toBe(400);
    expect((await act(moderator, { ...hide, action: 'suspend' })).statusCode).toBe(400);
    const hidden = await act(moderator, hide);
    expect(hidden.statusCode).toBe(201);
    expect(hidden.json()).toMatchObject({ action: 'hide', targetType: 'project', targetId: project.id, reportsResolved: 1, moderator: 'Mireille Modératrice' });
    expect((await act(moderator, hide)).json().error.code).toBe('MODERATION_STATE');

    // Gone for the visitor and another member.
    for (const s of [null, neighbour.s]) {
      expect(await gridIds(s, `territory=${territory.slug}`)).not.toContain(project.id);
      expect(await gridIds(s, `q=${word}`)).toEqual([]);
      expect((await api(s, 'GET', `/api/v1/projects/${project.id}`)).json().error.code).toBe('PROJECT_NOT_FOUND');
      expect((await page(s, `/projets/${project.id}`)).statusCode).toBe(404);
      expect((await api(s, 'GET', `/api/v1/projects/${project.id}/updates`)).statusCode).toBe(404);
      const territoryPage = await page(s, `/territoires/${territory.slug}`);
      expect(territoryPage.statusCode).toBe(200);
      expect(territoryPage.body).not.toContain(word);
      expect((await page(s, `/projets?q=${word}`)).body).not.toContain(`/projets/${project.id}`);
      const feed = await api(s, 'GET', `/api/v1/feed?territory=${territory.slug}&limit=100`);
      if (feed.statusCode !== 404) expect(JSON.stringify(feed.json())).not.toContain(project.id);
    }
    const acts = await ctx.database.db.select().from(activities).where(eq(activities.subjectId, project.id));
    expect(acts.length).toBe(1);
    expect(acts[0]!.hiddenAt).not.toBeNull();
    const neighbourNotes = await ctx.database.db.select().from(notifications).where(eq(notifications.userId, neighbour.user.id));
    expect(neighbourNotes.map((n) => n.hiddenAt !== null)).toEqual([true, true]);
    const listed = await api(neighbour.s, 'GET', '/api/v1/notifications');
    if (listed.statusCode === 200) expect(JSON.stringify(listed.json())).not.toContain(project.id);

    // Still there, with the reason, for its team; and for the moderator.
    const own = await api(promoter.s, 'GET', `/api/v1/projects/${project.id}`);
    expect(own.json().hidden).toMatchObject({ reason: 'Publicité commerciale interdite.' });
    const ownPage = await page(promoter.s, `/projets/${project.id}`);
    expect(ownPage.body).toContain('Masqué par la modération');
    expect(ownPage.body).toContain('Publicité commerciale interdite.');
    expect((await page(moderator.s, `/projets/${project.id}`)).statusCode).toBe(200);
    const told = await ctx.database.db.select().from(notifications).where(and(eq(notifications.userId, promoter.user.id), eq(notifications.kind, 'moderation.hidden')));
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ hiddenAt: null, url: `/projets/${project.id}`, data: { reason: 'Publicité commerciale interdite.', targetType: 'project' } });

    // Recorded: the action, the audit entry, the report closed.
    expect((await ctx.database.db.select().from(reports).where(eq(reports.id, first.json().id)))[0]).toMatchObject({ status: 'actioned', resolvedBy: moderator.user.id });
    expect(await ctx.database.db.select({ action: moderationActions.action, reason: moderationActions.reason }).from(moderationActions).where(eq(moderationActions.targetId, project.id))).toEqual([{ action: 'hide', reason: 'Publicité commerciale interdite.' }]);
    const audits = await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.subjectType, 'project'), eq(auditLog.subjectId, project.id)));
    expect(audits.map((a) => a.action).sort()).toEqual(expect.arrayContaining(['moderation.hide', 'report.file']));
    expect(audits.find((a) => a.action === 'moderation.hide')).toMatchObject({ actorId: moderator.user.id, data: expect.objectContaining({ reason: 'Publicité commerciale interdite.' }) });

    // Restored: back everywhere, the author told.
    const restored = await act(moderator, { action: 'restore', targetType: 'project', targetId: project.id, reason: 'Le projet a été corrigé.' });
    expect(restored.statusCode).toBe(201);
    expect(await gridIds(null, `territory=${territory.slug}`)).toContain(project.id);
    expect(await gridIds(neighbour.s, `q=${word}`)).toEqual([project.id]);
    expect((await api(null, 'GET', `/api/v1/projects/${project.id}`)).json().hidden).toBeNull();
    expect((await ctx.database.db.select().from(activities).where(eq(activities.subjectId, project.id)))[0]!.hiddenAt).toBeNull();
    expect((await ctx.database.db.select().from(notifications).where(eq(notifications.userId, neighbour.user.id))).every((n) => n.hiddenAt === null)).toBe(true);
    expect(await ctx.database.db.select({ kind: notifications.kind }).from(notifications).where(eq(notifications.userId, promoter.user.id))).toEqual(expect.arrayContaining([{ kind: 'moderation.hidden' }, { kind: 'moderation.restored' }]));
  });
});

describe('updates and messages', () => {
  it('hides a project update from others while its author sees it with the reason', async () => {
    const promoter = await person();
    const reader = await person();
    const project = await createProject(ctx, { promoterId: promoter.user.id, territoryId: territory.id });
    const [update] = await ctx.database.db.insert(projectUpdates).values({ id: newId(), projectId: project.id, authorId: promoter.user.id, title: 'Nouvelle blessante', body: 'Des insultes envers le voisinage.' }).returning();
    await activitiesRepository.record(ctx.database.db, { kind: 'project_update', actorId: promoter.user.id, subjectType: 'update', subjectId: update!.id, projectId: project.id, territoryId: territory.id });
    const filed = await report(reader, 'update', update!.id, 'harassment');
    expect(filed.statusCode).toBe(201);
    expect((await act(moderator, { action: 'hide', targetType: 'update', targetId: update!.id, reason: 'Propos blessants envers des voisins.' })).statusCode).toBe(201);
    const ids = async (p: Person | null) => ((await api(p?.s ?? null, 'GET', `/api/v1/projects/${project.id}/updates`)).json().items as { id: string; hidden: unknown }[]);
    expect(await ids(reader)).toEqual([]);
    expect(await ids(null)).toEqual([]);
    expect((await page(reader.s, `/projets/${project.id}`)).body).not.toContain('Nouvelle blessante');
    expect(await ids(promoter)).toEqual([expect.objectContaining({ id: update!.id, hidden: expect.objectContaining({ reason: 'Propos blessants envers des voisins.' }) })]);
    const promoterPage = (await page(promoter.s, `/projets/${project.id}`)).body;
    expect(promoterPage).toContain('Nouvelle blessante');
    expect(promoterPage).toContain('Propos blessants envers des voisins.');
    expect((await ctx.database.db.select().from(activities).where(eq(activities.subjectId, update!.id)))[0]!.hiddenAt).not.toBeNull();
    // Hiding then restoring the whole project leaves the update's own activity hidden.
    expect((await act(moderator, { action: 'hide', targetType: 'project', targetId: project.id, reason: 'Vérification.' })).statusCode).toBe(201);
    expect((await act(moderator, { action: 'restore', targetType: 'project', targetId: project.id, reason: 'Vérifié.' })).statusCode).toBe(201);
    expect((await ctx.database.db.select().from(activities).where(eq(activities.subjectId, update!.id)))[0]!.hiddenAt).not.toBeNull();
    // The project itself stays visible, with a report link for others.
    expect((await page(reader.s, `/projets/${project.id}`)).body).toContain(`/signaler?type=project&amp;id=${project.id}`);
  });

  it('lets only participants report a message; the other participant then sees a placeholder', async () => {
    const writer = await person();
    const receiver = await person();
    const outsider = await person();
    const started = await api(writer.s, 'POST', '/api/v1/conversations', { to: receiver.user.handle, body: 'Message insultant' });
    const conversationId = started.json().id as string;
    const messageId = ((await api(writer.s, 'GET', `/api/v1/conversations/${conversationId}/messages`)).json().items as { id: string }[])[0]!.id;
    expect((await report(outsider, 'message', messageId)).statusCode).toBe(404);
    expect((await report(writer, 'message', messageId)).statusCode).toBe(404);
    const filed = await report(receiver, 'message', messageId, 'harassment');
    expect(filed.statusCode).toBe(201);
    // A message's territory is its author's; this caisse's moderator acts on it without reading the conversation.
    expect((await api(moderator.s, 'GET', `/api/v1/conversations/${conversationId}/messages`)).statusCode).toBe(404);
    expect((await act(moderator, { action: 'hide', targetType: 'message', targetId: messageId, reason: 'Insultes.' })).statusCode).toBe(201);
    const seen = async (p: Person) => ((await api(p.s, 'GET', `/api/v1/conversations/${conversationId}/messages`)).json().items as { id: string; body: string; hidden: unknown }[])[0];
    expect(await seen(receiver)).toMatchObject({ body: '', hidden: { reason: null } });
    expect(await seen(writer)).toMatchObject({ body: 'Message insultant', hidden: { reason: 'Insultes.' } });
    const thread = (await page(receiver.s, `/messages/${conversationId}`)).body;
    expect(thread).toContain('Message masqué par la modération');
    expect(thread).not.toContain('Message insultant');
  });
});

describe('comments and boards', () => {
  it('hides a comment and a board row; their authors are told, with a link to the content', async () => {
    const author = await person();
    const reader = await person();
    const project = await createProject(ctx, { promoterId: reader.user.id, territoryId: territory.id });
    const [comment] = await ctx.database.db.insert(comments).values({ id: newId(), targetType: 'project', targetId: project.id, projectId: project.id, authorId: author.user.id, body: 'Commentaire haineux' }).returning();
    const [board] = await ctx.database.db.insert(boards).values({ id: newId(), ownerId: author.user.id, title: 'Tableau douteux', territoryId: territory.id }).returning();
    const [privateBoard] = await ctx.database.db.insert(boards).values({ id: newId(), ownerId: author.user.id, title: 'Privé', visibility: 'private', territoryId: territory.id }).returning();
    expect((await report(reader, 'comment', comment!.id, 'hate')).statusCode).toBe(201);
    expect((await report(reader, 'board', board!.id, 'inappropriate')).statusCode).toBe(201);
    expect((await report(reader, 'board', privateBoard!.id)).statusCode).toBe(404);
    expect((await act(moderator, { action: 'hide', targetType: 'comment', targetId: comment!.id, reason: 'Propos haineux.' })).statusCode).toBe(201);
    expect((await act(moderator, { action: 'hide', targetType: 'board', targetId: board!.id, reason: 'Contenu inapproprié.' })).statusCode).toBe(201);
    expect((await ctx.database.db.select().from(comments).where(eq(comments.id, comment!.id)))[0]).toMatchObject({ hiddenReason: 'Propos haineux.', hiddenAt: expect.any(Date) });
    expect((await ctx.database.db.select().from(boards).where(eq(boards.id, board!.id)))[0]).toMatchObject({ hiddenReason: 'Contenu inapproprié.', hiddenAt: expect.any(Date) });
    const told = await ctx.database.db.select({ kind: notifications.kind, url: notifications.url }).from(notifications).where(eq(notifications.userId, author.user.id));
    expect(told).toEqual(expect.arrayContaining([
      { kind: 'moderation.hidden', url: `/projets/${project.id}#commentaire-${comment!.id}` },
      { kind: 'moderation.hidden', url: `/tableaux/${board!.id}` },
    ]));
    // A hidden comment can no longer be reported by others.
    expect((await report(await person(), 'comment', comment!.id)).statusCode).toBe(404);
  });
});

describe('suspending an account', () => {
  it('ends its sessions at once, refuses sign-in with a clear message, hides its page; unsuspending lets it back', async () => {
    const troll = await person();
    const reporter = await person();
    expect((await api(troll.s, 'GET', '/api/v1/me')).statusCode).toBe(200);
    expect((await report(reporter, 'user', troll.user.handle, 'harassment')).statusCode).toBe(201);
    expect((await act(moderatorElsewhere, { action: 'suspend', targetType: 'user', targetId: troll.user.id, reason: 'Harcèlement répété.' })).statusCode).toBe(403);
    const done = await act(moderator, { action: 'suspend', targetType: 'user', targetId: troll.user.id, reason: 'Harcèlement répété.' });
    expect(done.statusCode).toBe(201);
    expect(done.json().reportsResolved).toBe(1);
    expect(await ctx.database.db.select().from(sessions).where(eq(sessions.userId, troll.user.id))).toEqual([]);
    expect((await api(troll.s, 'GET', '/api/v1/me')).statusCode).toBe(401);
    const v = await visitor(ctx);
    const refused = await ctx.app.inject({ method: 'POST', url: '/connexion', headers: { cookie: v.cookie, ...FORM }, payload: form({ _csrf: v.csrf, email: troll.user.email, password: 'correct horse battery' }) });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('Ce compte est suspendu');
    expect((await page(reporter.s, `/membres/${troll.user.handle}`)).statusCode).toBe(404);
    expect((await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.subjectId, troll.user.id), eq(auditLog.action, 'moderation.suspend')))).length).toBe(1);
    expect((await act(moderator, { action: 'unsuspend', targetType: 'user', targetId: troll.user.id, reason: 'Suspension levée après discussion.' })).statusCode).toBe(201);
    await signIn(ctx, troll.user.email);
  });
});

describe('the pages', () => {
  it('files a report through the form, then the moderator decides from the queue', async () => {
    const promoter = await person();
    const reporter = await person();
    const project = await createProject(ctx, { promoterId: promoter.user.id, territoryId: territory.id, title: `Projet douteux ${uid()}` });
    const formPage = await page(reporter.s, `/signaler?type=project&id=${project.id}`);
    expect(formPage.statusCode).toBe(200);
    expect(formPage.body).toContain('<legend>');
    expect(formPage.body).toContain(project.title);
    const missing = await ctx.app.inject({ method: 'POST', url: '/signaler', headers: { cookie: reporter.s.cookie, ...FORM }, payload: form({ _csrf: reporter.s.csrf, targetType: 'project', targetId: project.id, details: 'x' }) });
    expect(missing.statusCode).toBe(400);
    const sent = await ctx.app.inject({ method: 'POST', url: '/signaler', headers: { cookie: reporter.s.cookie, ...FORM }, payload: form({ _csrf: reporter.s.csrf, targetType: 'project', targetId: project.id, reason: 'misinformation', details: 'Faux chiffres' }) });
    expect(sent.statusCode).toBe(303);
    expect((await page(reporter.s, sent.headers.location as string)).body).toContain('Merci pour votre signalement');

    expect((await page(reporter.s, '/moderation')).statusCode).toBe(403);
    const queue = await page(moderator.s, '/moderation');
    expect(queue.body).toContain(project.title);
    expect(queue.body).toContain('href="/moderation"');
    const decide = (reason: string) => ctx.app.inject({ method: 'POST', url: '/moderation/decisions', headers: { cookie: moderator.s.cookie, ...FORM }, payload: form({ _csrf: moderator.s.csrf, targetType: 'project', targetId: project.id, decision: 'hide', reason }) });
    const noReason = await decide('');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Ce champ est obligatoire.');
    const ok = await decide('Information trompeuse.');
    expect(ok.statusCode).toBe(303);
    expect((await api(reporter.s, 'GET', `/api/v1/projects/${project.id}`)).statusCode).toBe(404);
    const history = await page(moderator.s, '/moderation?statut=actioned');
    expect(history.body).toContain('Information trompeuse.');
  });
});
