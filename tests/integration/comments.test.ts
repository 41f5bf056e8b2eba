import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createCaisse, createProject, createTerritory, createUser, FORM, form, signIn } from '../helpers/factories.js';
import { comments } from '../../src/modules/social/social.tables.js';
import { notifications } from '../../src/modules/notifications/notifications.tables.js';
import { projectTeam, projectUpdates } from '../../src/modules/projects/projects.tables.js';
import { users } from '../../src/modules/auth/auth.tables.js';
import { newId } from '../../src/db/ids.js';

let ctx: TestContext;
let territoryId: string;
let caisseId: string;
type Session = { cookie: string; csrf: string };
type Person = { user: Awaited<ReturnType<typeof createUser>>; s: Session };
type Comment = { id: string; parentId: string | null; state: string; body: string | null; bodyHtml: string | null; hiddenReason: string | null; editedAt: string | null; author: { handle: string } | null; can: { edit: boolean; delete: boolean; reply: boolean; report: boolean } };
type Thread = Comment & { replies: Comment[] };

beforeAll(async () => {
  ctx = await createTestApp();
  territoryId = (await createTerritory(ctx)).id;
  caisseId = (await createCaisse(ctx, { territoryIds: [territoryId] })).id;
});
afterAll(() => ctx.close());

const api = (s: Session | null, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, headers: Record<string, string> = {}) =>
  ctx.app.inject({ method, url, headers: { ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}), ...headers }, ...(payload ? { payload } : {}) });

async function person(o: Parameters<typeof createUser>[1] = {}): Promise<Person> {
  const user = await createUser(ctx, { territoryId, ...o });
  return { user, s: await signIn(ctx, user.email) };
}

async function setting() {
  const promoter = await person({ displayName: 'Fatima Promotrice' });
  const project = await createProject(ctx, { promoterId: promoter.user.id, territoryId, caisseId });
  return { promoter, project };
}

const post = async (p: Person, projectId: string, body: object, headers: Record<string, string> = {}) => api(p.s, 'POST', `/api/v1/projects/${projectId}/comments`, body, headers);
const list = async (p: Person | null, projectId: string, query = '') => (await api(p?.s ?? null, 'GET', `/api/v1/projects/${projectId}/comments${query}`)).json<{ items: Thread[]; nextCursor: string | null }>();
const notesFor = (userId: string, commentId: string) => ctx.database.db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.subjectId, commentId)));

describe('posting and listing', () => {
  it('threads two levels deep: a reply to a reply joins its top-level comment', async () => {
    const { promoter, project } = await setting();
    const a = await person();
    const b = await person();
    const top = await post(a, project.id, { body: 'Belle initiative! **Bravo**' });
    expect(top.statusCode).toBe(201);
    const topId = top.json<Comment>().id;
    expect(top.json()).toMatchObject({ parentId: null, state: 'visible', body: 'Belle initiative! **Bravo**', bodyHtml: '<p>Belle initiative! <strong>Bravo</strong></p>', url: `/projets/${project.id}#commentaire-${topId}`, mine: true, can: { edit: true, delete: true, reply: true } });
    const reply = (await post(b, project.id, { body: 'Tout à fait.', parentId: topId })).json<Comment>();
    const deeper = (await post(promoter, project.id, { body: 'Merci à vous deux.', parentId: reply.id })).json<Comment>();
    expect([reply.parentId, deeper.parentId]).toEqual([topId, topId]);
    const second = (await post(b, project.id, { body: 'Deuxième fil.' })).json<Comment>();
    const page = await list(null, project.id);
    expect(page.items.map((t) => [t.id, t.replies.map((r) => r.id)])).toEqual([[topId, [reply.id, deeper.id]], [second.id, []]]);
    expect(page.items[0]!.can).toEqual({ edit: false, delete: false, reply: false, report: false });
    expect((await list(b, project.id)).items[0]!.can).toEqual({ edit: false, delete: false, reply: true, report: true });
    expect((await list(a, project.id)).items[0]!.can).toEqual({ edit: true, delete: true, reply: true, report: false });
  });

  it('pages top-level comments with a keyset cursor', async () => {
    const { project } = await setting();
    const a = await person();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await post(a, project.id, { body: `Commentaire ${i}` })).json<Comment>().id);
    const first = await list(a, project.id, '?limit=2');
    const second = await list(a, project.id, `?limit=2&cursor=${first.nextCursor}`);
    const third = await list(a, project.id, `?limit=2&cursor=${second.nextCursor}`);
    expect([...first.items, ...second.items, ...third.items].map((c) => c.id)).toEqual(ids);
    expect(third.nextCursor).toBeNull();
  });

  it('comments on an update of the project, separately from the project’s own thread', async () => {
    const { promoter, project } = await setting();
    const updateId = newId();
    await ctx.database.db.insert(projectUpdates).values({ id: updateId, projectId: project.id, authorId: promoter.user.id, title: 'Premier chantier', body: 'On a commencé.' });
    const a = await person();
    const res = await post(a, project.id, { body: 'Bravo pour le chantier!', updateId });
    expect(res.json()).toMatchObject({ targetType: 'update', targetId: updateId, projectId: project.id });
    expect((await list(a, project.id, `?update=${updateId}`)).items.map((c) => c.id)).toEqual([res.json<Comment>().id]);
    expect((await list(a, project.id)).items).toEqual([]);
    const other = await setting();
    expect((await post(a, other.project.id, { body: 'Mauvais projet', updateId })).statusCode).toBe(404);
  });

  it('takes comments only on public projects: drafts answer 404, even to their team', async () => {
    const promoter = await person();
    const draft = await createProject(ctx, { promoterId: promoter.user.id, territoryId, status: 'draft' });
    const a = await person();
    for (const p of [a, promoter]) {
      expect((await post(p, draft.id, { body: 'Allô' })).json().error.code).toBe('PROJECT_NOT_FOUND');
      expect((await api(p.s, 'GET', `/api/v1/projects/${draft.id}/comments`)).statusCode).toBe(404);
    }
    expect(await ctx.database.db.select().from(comments).where(eq(comments.projectId, draft.id))).toEqual([]);
  });

  it('validates the body and the parent, and needs a verified account', async () => {
    const { project } = await setting();
    const a = await person();
    expect((await post(a, project.id, { body: '   ' })).json().error.details.fields).toHaveProperty('body');
    expect((await post(a, project.id, { body: 'x'.repeat(5001) })).json().error.details.fields).toEqual({ body: 'Au plus 5000 caractères.' });
    expect((await post(a, project.id, { body: 'ok', parentId: 'inexistant' })).json().error.details.fields).toEqual({ parentId: 'On ne peut pas répondre à ce commentaire.' });
    expect((await api(null, 'POST', `/api/v1/projects/${project.id}/comments`, { body: 'anonyme' })).statusCode).toBe(401);
    const unverified = await person({ verified: false });
    expect((await post(unverified, project.id, { body: 'pas encore' })).json().error.code).toBe('EMAIL_NOT_VERIFIED');
  });

  it('sanitises the Markdown subset in the API and on the page', async () => {
    const { project } = await setting();
    const a = await person();
    const res = await post(a, project.id, { body: '## Titre\n![img](https://x.test/i.png)<img src=x onerror=alert(1)> [lien](https://ok.test) [js](javascript:alert(1))' });
    const html = res.json<Comment>().bodyHtml!;
    expect(html).not.toMatch(/<h2|<img|onerror|javascript:/);
    expect(html).toContain('rel="nofollow ugc noopener noreferrer"');
    const page = await ctx.app.inject({ method: 'GET', url: `/projets/${project.id}` });
    expect(page.body).toContain(`id="commentaire-${res.json<Comment>().id}"`);
    expect(page.body).not.toContain('onerror=alert');
  });

  it('creates one comment for parallel posts with the same Idempotency-Key', async () => {
    const { project } = await setting();
    const a = await person();
    const key = `k-${newId()}`;
    const results = await Promise.all(Array.from({ length: 5 }, () => post(a, project.id, { body: 'Une seule fois' }, { 'idempotency-key': key })));
    expect(new Set(results.map((r) => r.json<Comment>().id)).size).toBe(1);
    expect(await ctx.database.db.select().from(comments).where(and(eq(comments.projectId, project.id), eq(comments.authorId, a.user.id)))).toHaveLength(1);
  });
});

describe('editing and deleting', () => {
  it('lets the author edit (marked edited) and nobody else', async () => {
    const { project } = await setting();
    const a = await person();
    const b = await person();
    const c = (await post(a, project.id, { body: 'Premiere version' })).json<Comment>();
    expect(c.editedAt).toBeNull();
    expect((await api(b.s, 'PATCH', `/api/v1/comments/${c.id}`, { body: 'Piraté' })).statusCode).toBe(403);
    const edited = await api(a.s, 'PATCH', `/api/v1/comments/${c.id}`, { body: 'Première version' });
    expect(edited.json()).toMatchObject({ body: 'Première version', state: 'visible' });
    expect(edited.json<Comment>().editedAt).not.toBeNull();
    const page = await ctx.app.inject({ method: 'GET', url: `/projets/${project.id}` });
    expect(page.body).toMatch(/class="comment-edited"[^>]*>modifié</);
    const en = await ctx.app.inject({ method: 'GET', url: `/projets/${project.id}?lang=en` });
    expect(en.body).toMatch(/class="comment-edited"[^>]*>edited</);
  });

  it('deletes to a tombstone that keeps its replies; a lone deleted comment disappears', async () => {
    const { project } = await setting();
    const a = await person();
    const b = await person();
    const top = (await post(a, project.id, { body: 'Question : quand?' })).json<Comment>();
    const reply = (await post(b, project.id, { body: 'Samedi.', parentId: top.id })).json<Comment>();
    const lone = (await post(a, project.id, { body: 'Oups' })).json<Comment>();
    expect((await api(b.s, 'DELETE', `/api/v1/comments/${top.id}`)).statusCode).toBe(403);
    expect((await api(a.s, 'DELETE', `/api/v1/comments/${top.id}`)).statusCode).toBe(204);
    expect((await api(a.s, 'DELETE', `/api/v1/comments/${lone.id}`)).statusCode).toBe(204);
    const [row] = await ctx.database.db.select().from(comments).where(eq(comments.id, top.id));
    expect([row!.body, row!.deletedAt !== null]).toEqual(['', true]);
    const page = await list(b, project.id);
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ id: top.id, state: 'deleted', body: null, bodyHtml: null, author: null, can: { edit: false, delete: false, reply: false, report: false } });
    expect(page.items[0]!.replies.map((r) => [r.id, r.body])).toEqual([[reply.id, 'Samedi.']]);
    expect((await api(a.s, 'PATCH', `/api/v1/comments/${top.id}`, { body: 'Revenir' })).statusCode).toBe(404);
    const html = await ctx.app.inject({ method: 'GET', url: `/projets/${project.id}` });
    expect(html.body).toContain('Commentaire supprimé');
    expect(html.body).not.toContain('Question : quand?');
  });
});

describe('hidden by moderation', () => {
  it('shows the body and reason to the author and moderators, a placeholder to everyone else', async () => {
    const { project } = await setting();
    const author = await person();
    const stranger = await person();
    const moderator = await person({ role: { role: 'moderator', caisseId } });
    const otherCaisse = await createCaisse(ctx);
    const farModerator = await person({ role: { role: 'moderator', caisseId: otherCaisse.id } });
    const c = (await post(author, project.id, { body: 'Propos déplacés' })).json<Comment>();
    await ctx.database.db.update(comments).set({ hiddenAt: new Date(), hiddenReason: 'Harcèlement' }).where(eq(comments.id, c.id));
    const seen = async (p: Person | null) => (await list(p, project.id)).items.find((t) => t.id === c.id)!;
    for (const p of [null, stranger, farModerator]) expect(await seen(p)).toMatchObject({ state: 'hidden', body: null, bodyHtml: null, hiddenReason: null });
    for (const p of [author, moderator]) expect(await seen(p)).toMatchObject({ state: 'hidden', body: 'Propos déplacés', hiddenReason: 'Harcèlement' });
    const visitorPage = await ctx.app.inject({ method: 'GET', url: `/projets/${project.id}` });
    expect(visitorPage.body).toContain('Masqué par la modération');
    expect(visitorPage.body).not.toContain('Propos déplacés');
    const authorPage = await ctx.app.inject({ method: 'GET', url: `/projets/${project.id}`, headers: { cookie: author.s.cookie } });
    expect(authorPage.body).toContain('Propos déplacés');
    expect(authorPage.body).toContain('Motif : Harcèlement');
    expect((await api(author.s, 'PATCH', `/api/v1/comments/${c.id}`, { body: 'Autre chose' })).statusCode).toBe(403);
    expect((await post(stranger, project.id, { body: 'Réponse', parentId: c.id })).statusCode).toBe(400);
    expect((await api(stranger.s, 'POST', '/api/v1/reactions', { targetType: 'comment', targetId: c.id, kind: 'like' })).statusCode).toBe(404);
  });
});

describe('notifications', () => {
  it('notifies mentioned people exactly once — not the author, not the suspended, not who blocked the author', async () => {
    const { promoter, project } = await setting();
    const author = await person();
    const friend = await person();
    const blocker = await person();
    const suspended = await person();
    await ctx.database.db.update(users).set({ suspendedAt: new Date() }).where(eq(users.id, suspended.user.id));
    expect((await api(blocker.s, 'POST', '/api/v1/blocks', { handle: author.user.handle })).statusCode).toBe(204);
    const body = `Salut @${friend.user.handle} et @${friend.user.handle.toUpperCase()}, @${blocker.user.handle}, @${suspended.user.handle}, @${author.user.handle}, @personne-fantome`;
    const c = (await post(author, project.id, { body })).json<Comment>();
    const forFriend = await notesFor(friend.user.id, c.id);
    expect(forFriend.map((n) => [n.kind, n.url, n.subjectType])).toEqual([['comment.mention', `/projets/${project.id}#commentaire-${c.id}`, 'comment']]);
    expect(forFriend[0]!.data).toMatchObject({ actorName: author.user.displayName, subjectTitle: project.title, commentId: c.id });
    for (const p of [blocker, suspended, author]) expect(await notesFor(p.user.id, c.id)).toEqual([]);
    expect((await notesFor(promoter.user.id, c.id)).map((n) => n.kind)).toEqual(['comment.new']);
    expect(c.bodyHtml).toContain(`<a href="/membres/${friend.user.handle}" class="mention">@${friend.user.handle}</a>`);
    expect(c.bodyHtml).not.toContain('href="/membres/personne-fantome"');
    const edited = await api(author.s, 'PATCH', `/api/v1/comments/${c.id}`, { body: `${body} et @${promoter.user.handle}` });
    expect(edited.statusCode).toBe(200);
    expect((await notesFor(friend.user.id, c.id))).toHaveLength(1);
    expect((await notesFor(promoter.user.id, c.id)).map((n) => n.kind).sort()).toEqual(['comment.mention', 'comment.new']);
  });

  it('notifies the team of a new top-level comment, and the author replied to of a reply', async () => {
    const { promoter, project } = await setting();
    const member = await person();
    await ctx.database.db.insert(projectTeam).values({ projectId: project.id, userId: member.user.id, role: 'member' });
    const a = await person();
    const b = await person();
    const top = (await post(a, project.id, { body: 'Question pour l’équipe' })).json<Comment>();
    expect((await ctx.database.db.select().from(notifications).where(and(eq(notifications.subjectId, top.id), inArray(notifications.userId, [promoter.user.id, member.user.id])))).map((n) => n.kind)).toEqual(['comment.new', 'comment.new']);
    const reply = (await post(b, project.id, { body: 'Je me posais la même.', parentId: top.id })).json<Comment>();
    expect((await notesFor(a.user.id, reply.id)).map((n) => n.kind)).toEqual(['comment.reply']);
    expect(await notesFor(promoter.user.id, reply.id)).toEqual([]);
    const own = (await post(a, project.id, { body: 'Merci!', parentId: reply.id })).json<Comment>();
    expect((await notesFor(b.user.id, own.id)).map((n) => n.kind)).toEqual(['comment.reply']);
    expect(await notesFor(a.user.id, own.id)).toEqual([]);
  });

  it('caps mentions at ten people per comment', async () => {
    const { project } = await setting();
    const a = await person();
    const crowd = await Promise.all(Array.from({ length: 12 }, () => createUser(ctx, { territoryId })));
    const c = (await post(a, project.id, { body: crowd.map((u) => `@${u.handle}`).join(' ') })).json<Comment>();
    const rows = await ctx.database.db.select().from(notifications).where(and(eq(notifications.subjectId, c.id), eq(notifications.kind, 'comment.mention')));
    expect(rows).toHaveLength(10);
  });
});

describe('pages without JavaScript', () => {
  it('posts, replies, edits and deletes through forms, and shows the empty state', async () => {
    const { project } = await setting();
    const a = await person();
    const empty = await ctx.app.inject({ method: 'GET', url: `/projets/${project.id}`, headers: { cookie: a.s.cookie } });
    expect(empty.body).toContain('Soyez la première personne à commenter.');
    const created = await ctx.app.inject({ method: 'POST', url: `/projets/${project.id}/commentaires`, headers: { cookie: a.s.cookie, ...FORM }, payload: form({ _csrf: a.s.csrf, body: 'Par formulaire', returnTo: `/projets/${project.id}` }) });
    expect(created.statusCode).toBe(303);
    const [row] = await ctx.database.db.select().from(comments).where(and(eq(comments.projectId, project.id), eq(comments.authorId, a.user.id)));
    expect(created.headers.location).toBe(`/projets/${project.id}#commentaire-${row!.id}`);
    const reply = await ctx.app.inject({ method: 'POST', url: `/projets/${project.id}/commentaires`, headers: { cookie: a.s.cookie, ...FORM }, payload: form({ _csrf: a.s.csrf, body: 'Ma réponse', parentId: row!.id, returnTo: `/projets/${project.id}` }) });
    expect(reply.statusCode).toBe(303);
    const invalid = await ctx.app.inject({ method: 'POST', url: `/projets/${project.id}/commentaires`, headers: { cookie: a.s.cookie, ...FORM }, payload: form({ _csrf: a.s.csrf, body: ' ', returnTo: `/projets/${project.id}` }) });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('id="error-summary"');
    const editPage = await ctx.app.inject({ method: 'GET', url: `/commentaires/${row!.id}/modifier`, headers: { cookie: a.s.cookie } });
    expect(editPage.body).toContain('Par formulaire');
    const edited = await ctx.app.inject({ method: 'POST', url: `/commentaires/${row!.id}/modifier`, headers: { cookie: a.s.cookie, ...FORM }, payload: form({ _csrf: a.s.csrf, body: 'Par formulaire, corrigé', returnTo: `/projets/${project.id}` }) });
    expect(edited.headers.location).toBe(`/projets/${project.id}#commentaire-${row!.id}`);
    const deleted = await ctx.app.inject({ method: 'POST', url: `/commentaires/${row!.id}/supprimer`, headers: { cookie: a.s.cookie, ...FORM }, payload: form({ _csrf: a.s.csrf, returnTo: `/projets/${project.id}` }) });
    expect(deleted.statusCode).toBe(303);
    const thread = await ctx.app.inject({ method: 'GET', url: `/projets/${project.id}/commentaires` });
    expect(thread.statusCode).toBe(200);
    expect(thread.body).toContain('Commentaire supprimé');
    expect(thread.body).toContain('Ma réponse');
    expect(thread.body).not.toContain('Par formulaire, corrigé');
  });

  it('offers visitors a sign-in link instead of the form', async () => {
    const { project } = await setting();
    const page = await ctx.app.inject({ method: 'GET', url: `/projets/${project.id}?lang=en` });
    expect(page.body).toContain('Sign in to comment');
    expect(page.body).not.toContain('name="body"');
  });
});
