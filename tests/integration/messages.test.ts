import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createCaisse, createNeed, createProject, createTerritory, createUser, FORM, form, signIn } from '../helpers/factories.js';
import { conversationParticipants, conversations, messages, userBlocks } from '../../src/modules/messages/messages.tables.js';
import { unreadConversationCount } from '../../src/modules/messages/messages.service.js';
import { pledges } from '../../src/modules/pledges/pledges.tables.js';
import { newId } from '../../src/db/ids.js';

let ctx: TestContext;
let territoryId: string;
type Session = { cookie: string; csrf: string };
type Person = { user: Awaited<ReturnType<typeof createUser>>; s: Session };

beforeAll(async () => {
  ctx = await createTestApp();
  territoryId = (await createTerritory(ctx)).id;
});
afterAll(() => ctx.close());

const api = (s: Session | null, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object, headers: Record<string, string> = {}) =>
  ctx.app.inject({ method, url, headers: { ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}), ...headers }, ...(payload ? { payload } : {}) });

async function person(o: Parameters<typeof createUser>[1] = {}): Promise<Person> {
  const user = await createUser(ctx, { territoryId, ...o });
  return { user, s: await signIn(ctx, user.email) };
}

/** A supporter writing to a promoter about one of the project's needs. */
async function aboutANeed() {
  const promoter = await person({ displayName: 'Fatima Promotrice' });
  const supporter = await person({ displayName: 'Samir Bénévole' });
  const project = await createProject(ctx, { promoterId: promoter.user.id, territoryId });
  const need = await createNeed(ctx, { projectId: project.id, kind: 'expertise', title: 'Tenue de livres pour la coop' });
  const res = await api(supporter.s, 'POST', '/api/v1/conversations', { to: promoter.user.handle, contextType: 'need', contextId: need.id, body: 'Bonjour! Je peux aider.' });
  expect(res.statusCode).toBe(201);
  return { promoter, supporter, need, conversation: res.json<{ id: string; subject: string }>() };
}
const unread = async (p: Person, id: string) => ((await api(p.s, 'GET', '/api/v1/conversations')).json().items as { id: string; unreadCount: number }[]).find((c) => c.id === id)?.unreadCount;

describe('starting a conversation', () => {
  it('starts one about a need with its title as subject, then continues the same one', async () => {
    const { promoter, supporter, need, conversation } = await aboutANeed();
    expect(conversation).toMatchObject({ subject: 'Tenue de livres pour la coop', context: { type: 'need', id: need.id, url: `/besoins/${need.id}` }, with: { handle: promoter.user.handle }, unreadCount: 0, lastMessage: { excerpt: 'Bonjour! Je peux aider.', mine: true } });
    const participants = await ctx.database.db.select().from(conversationParticipants).where(eq(conversationParticipants.conversationId, conversation.id));
    expect(participants.map((p) => p.userId).sort()).toEqual([promoter.user.id, supporter.user.id].sort());
    const again = await api(supporter.s, 'POST', '/api/v1/conversations', { to: promoter.user.handle, contextType: 'need', contextId: need.id, body: 'Encore moi.' });
    expect([again.statusCode, again.json().id]).toEqual([200, conversation.id]);
    const rows = await ctx.database.db.select().from(messages).where(eq(messages.conversationId, conversation.id));
    expect(rows.map((m) => [m.authorId, m.body])).toEqual(expect.arrayContaining([[supporter.user.id, 'Bonjour! Je peux aider.'], [supporter.user.id, 'Encore moi.']]));
  });

  it('refuses unknown people, oneself, too long a message and a need the writer may not see', async () => {
    const me = await person();
    expect((await api(me.s, 'POST', '/api/v1/conversations', { to: 'personne-fantome', body: 'Allô' })).json().error.details.fields).toEqual({ to: 'Aucune personne ne porte cet identifiant.' });
    expect((await api(me.s, 'POST', '/api/v1/conversations', { to: me.user.handle, body: 'Allô' })).json().error.details.fields).toEqual({ to: 'Vous ne pouvez pas vous écrire à vous-même.' });
    const other = await person();
    const long = await api(me.s, 'POST', '/api/v1/conversations', { to: other.user.handle, body: 'x'.repeat(5001) });
    expect(long.json().error.details.fields).toEqual({ body: 'Au plus 5000 caractères.' });
    const draft = await createProject(ctx, { promoterId: other.user.id, territoryId, status: 'draft' });
    const hidden = await createNeed(ctx, { projectId: draft.id });
    const res = await api(me.s, 'POST', '/api/v1/conversations', { to: other.user.handle, contextType: 'need', contextId: hidden.id, body: 'Allô' });
    expect(res.json().error.details.fields).toEqual({ contextId: 'Cette valeur n’est pas valide.' });
    expect(await ctx.database.db.select().from(conversations).where(eq(conversations.createdBy, me.user.id))).toEqual([]);
  });

  it('talks about a pledge only between its supporter and the project team', async () => {
    const promoter = await person();
    const supporter = await person();
    const project = await createProject(ctx, { promoterId: promoter.user.id, territoryId });
    const need = await createNeed(ctx, { projectId: project.id, title: 'Quatre heures samedi' });
    const pledgeId = newId();
    await ctx.database.db.insert(pledges).values({ id: pledgeId, needId: need.id, projectId: project.id, supporterId: supporter.user.id, quantity: 4 });
    const ok = await api(supporter.s, 'POST', '/api/v1/conversations', { to: promoter.user.handle, contextType: 'pledge', contextId: pledgeId, body: 'Je confirme samedi.' });
    expect([ok.statusCode, ok.json().subject, ok.json().context.url]).toEqual([201, 'Quatre heures samedi', `/engagements/${pledgeId}`]);
    const stranger = await person();
    const refused = await api(stranger.s, 'POST', '/api/v1/conversations', { to: promoter.user.handle, contextType: 'pledge', contextId: pledgeId, body: 'Et moi?' });
    expect(refused.json().error.details.fields).toEqual({ contextId: 'Cette valeur n’est pas valide.' });
  });

  it('prefills the form from a need and sends without JavaScript', async () => {
    const promoter = await person({ displayName: 'Louise Promotrice' });
    const supporter = await person();
    const project = await createProject(ctx, { promoterId: promoter.user.id, territoryId });
    const need = await createNeed(ctx, { projectId: project.id, title: 'Un vélo-cargo' });
    const page = await ctx.app.inject({ method: 'GET', url: `/messages/nouveau?a=${promoter.user.handle}&contexte=need:${need.id}`, headers: { cookie: supporter.s.cookie } });
    expect(page.body).toContain('Écrire à Louise Promotrice');
    expect(page.body).toContain('value="À propos de : Un vélo-cargo"');
    expect(page.body).toContain(`name="contextId" value="${need.id}"`);
    const sent = await ctx.app.inject({ method: 'POST', url: '/messages/nouveau', headers: { ...FORM, cookie: supporter.s.cookie }, payload: form({ _csrf: supporter.s.csrf, to: promoter.user.handle, subject: 'À propos de : Un vélo-cargo', contextType: 'need', contextId: need.id, body: 'Je peux prêter le mien.' }) });
    expect(sent.statusCode).toBe(303);
    const thread = await ctx.app.inject({ method: 'GET', url: sent.headers.location!, headers: { cookie: supporter.s.cookie } });
    expect(thread.body).toContain('Je peux prêter le mien.');
    expect(thread.body).toContain('Message envoyé.');
    const bad = await ctx.app.inject({ method: 'POST', url: '/messages/nouveau', headers: { ...FORM, cookie: supporter.s.cookie }, payload: form({ _csrf: supporter.s.csrf, to: promoter.user.handle, subject: 'Gardé', body: '' }) });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('value="Gardé"');
  });
});

describe('only participants read a conversation', () => {
  it('answers 404 CONVERSATION_NOT_FOUND to a stranger, to caisse staff and to an admin', async () => {
    const { conversation } = await aboutANeed();
    const caisse = await createCaisse(ctx, { territoryIds: [territoryId] });
    const outsiders = [await person(), await person({ role: { role: 'staff', caisseId: caisse.id } }), await person({ role: { role: 'moderator', caisseId: caisse.id } }), await person({ role: { role: 'admin' } })];
    for (const o of outsiders) {
      const read = await api(o.s, 'GET', `/api/v1/conversations/${conversation.id}/messages`);
      expect([read.statusCode, read.json().error.code]).toEqual([404, 'CONVERSATION_NOT_FOUND']);
      const write = await api(o.s, 'POST', `/api/v1/conversations/${conversation.id}/messages`, { body: 'Je lis tout' });
      expect(write.json().error.code).toBe('CONVERSATION_NOT_FOUND');
      const page = await ctx.app.inject({ method: 'GET', url: `/messages/${conversation.id}`, headers: { cookie: o.s.cookie } });
      expect(page.statusCode).toBe(404);
      expect(page.body).not.toContain('Je peux aider');
      expect((await api(o.s, 'GET', '/api/v1/conversations')).json().items).toEqual([]);
    }
    expect((await api(null, 'GET', `/api/v1/conversations/${conversation.id}/messages`)).statusCode).toBe(401);
    expect(await ctx.database.db.select().from(messages).where(eq(messages.conversationId, conversation.id))).toHaveLength(1);
  });
});

describe('unread counts', () => {
  it('go up when the other person writes and back to zero when the reader opens the conversation', async () => {
    const { promoter, supporter, conversation } = await aboutANeed();
    expect(await unread(promoter, conversation.id)).toBe(1);
    expect(await unread(supporter, conversation.id)).toBe(0);
    expect(await unreadConversationCount(ctx.app.deps, promoter.user.id)).toBe(1);
    expect(await unreadConversationCount(ctx.app.deps, supporter.user.id)).toBe(0);
    const read = await api(promoter.s, 'GET', `/api/v1/conversations/${conversation.id}/messages`);
    expect(read.json().items.map((m: { body: string; mine: boolean }) => [m.body, m.mine])).toEqual([['Bonjour! Je peux aider.', false]]);
    expect(await unread(promoter, conversation.id)).toBe(0);
    expect(await unreadConversationCount(ctx.app.deps, promoter.user.id)).toBe(0);
    for (const body of ['Merci!', 'Samedi 10 h?']) expect((await api(promoter.s, 'POST', `/api/v1/conversations/${conversation.id}/messages`, { body })).statusCode).toBe(201);
    expect(await unread(supporter, conversation.id)).toBe(2);
    expect(await unreadConversationCount(ctx.app.deps, supporter.user.id)).toBe(1);
    const inbox = await ctx.app.inject({ method: 'GET', url: '/messages', headers: { cookie: supporter.s.cookie } });
    expect(inbox.body).toContain('2 non lus');
    await ctx.app.inject({ method: 'GET', url: `/messages/${conversation.id}`, headers: { cookie: supporter.s.cookie } });
    expect(await unreadConversationCount(ctx.app.deps, supporter.user.id)).toBe(0);
  });

  it('pages through a long thread, newest first', async () => {
    const { promoter, conversation } = await aboutANeed();
    for (let i = 1; i <= 4; i++) await api(promoter.s, 'POST', `/api/v1/conversations/${conversation.id}/messages`, { body: `Message ${i}` });
    const first = (await api(promoter.s, 'GET', `/api/v1/conversations/${conversation.id}/messages?limit=3`)).json();
    const second = (await api(promoter.s, 'GET', `/api/v1/conversations/${conversation.id}/messages?limit=3&cursor=${first.nextCursor}`)).json();
    expect([...first.items, ...second.items].map((m: { body: string }) => m.body)).toEqual(['Message 4', 'Message 3', 'Message 2', 'Message 1', 'Bonjour! Je peux aider.']);
    expect(second.nextCursor).toBeNull();
  });
});

describe('blocking', () => {
  it('stops the blocked person from writing or starting a conversation; the thread stays readable', async () => {
    const { promoter, supporter, need, conversation } = await aboutANeed();
    expect((await api(promoter.s, 'POST', '/api/v1/blocks', { handle: supporter.user.handle })).statusCode).toBe(204);
    expect(await ctx.database.db.select().from(userBlocks).where(eq(userBlocks.blockerId, promoter.user.id))).toHaveLength(1);
    const write = await api(supporter.s, 'POST', `/api/v1/conversations/${conversation.id}/messages`, { body: 'Pourquoi?' });
    expect([write.statusCode, write.json().error.code]).toEqual([403, 'BLOCKED']);
    const start = await api(supporter.s, 'POST', '/api/v1/conversations', { to: promoter.user.handle, body: 'Nouvelle conversation' });
    expect(start.json().error.code).toBe('BLOCKED');
    expect((await api(promoter.s, 'POST', `/api/v1/conversations/${conversation.id}/messages`, { body: 'Moi non plus' })).json().error.code).toBe('BLOCKED');
    expect((await api(supporter.s, 'GET', `/api/v1/conversations/${conversation.id}/messages`)).statusCode).toBe(200);
    const page = await ctx.app.inject({ method: 'GET', url: `/messages/${conversation.id}`, headers: { cookie: supporter.s.cookie } });
    expect(page.body).toContain('Vous ne pouvez plus répondre dans cette conversation.');
    expect(page.body).not.toContain('id="reply-form"');
    const own = await ctx.app.inject({ method: 'GET', url: `/messages/${conversation.id}`, headers: { cookie: promoter.s.cookie } });
    expect(own.body).toContain('Débloquer Samir Bénévole');
    expect(own.body).toContain('data-confirm="Débloquer Samir Bénévole?');
    expect((await api(promoter.s, 'DELETE', `/api/v1/blocks/${supporter.user.handle}`)).statusCode).toBe(204);
    expect((await api(supporter.s, 'POST', '/api/v1/conversations', { to: promoter.user.handle, contextType: 'need', contextId: need.id, body: 'Merci!' })).statusCode).toBe(200);
  });

  it('blocks from the thread page with a confirmation', async () => {
    const { promoter, supporter, conversation } = await aboutANeed();
    const page = await ctx.app.inject({ method: 'GET', url: `/messages/${conversation.id}`, headers: { cookie: promoter.s.cookie } });
    expect(page.body).toContain('data-confirm="Bloquer Samir Bénévole?');
    const res = await ctx.app.inject({ method: 'POST', url: `/messages/${conversation.id}/bloquer`, headers: { ...FORM, cookie: promoter.s.cookie }, payload: form({ _csrf: promoter.s.csrf }) });
    expect(res.statusCode).toBe(303);
    expect((await api(supporter.s, 'POST', `/api/v1/conversations/${conversation.id}/messages`, { body: 'Allô?' })).json().error.code).toBe('BLOCKED');
  });
});

describe('message bodies', () => {
  it('keeps markup as text: escaped in pages, unchanged in JSON', async () => {
    const { promoter, supporter, conversation } = await aboutANeed();
    const payload = '<script>alert(1)</script>\n<img src=x onerror=alert(2)> **gras**';
    await api(supporter.s, 'POST', `/api/v1/conversations/${conversation.id}/messages`, { body: payload });
    const page = await ctx.app.inject({ method: 'GET', url: `/messages/${conversation.id}`, headers: { cookie: promoter.s.cookie } });
    expect(page.body).not.toContain('<script>alert(1)');
    expect(page.body).not.toContain('<img src=x');
    expect(page.body).toContain('&lt;script>alert(1)&lt;/script>');
    const json = (await api(promoter.s, 'GET', `/api/v1/conversations/${conversation.id}/messages`)).json();
    expect(json.items[0].body).toBe(payload);
  });

  it('replies without JavaScript (303) and with htmx (the new message and a fresh form)', async () => {
    const { promoter, conversation } = await aboutANeed();
    const plain = await ctx.app.inject({ method: 'POST', url: `/messages/${conversation.id}`, headers: { ...FORM, cookie: promoter.s.cookie }, payload: form({ _csrf: promoter.s.csrf, body: 'Réponse sans JS' }) });
    expect(plain.statusCode).toBe(303);
    expect(plain.headers.location).toMatch(new RegExp(`^/messages/${conversation.id}\\?fait=envoye#m-`));
    const htmx = await ctx.app.inject({ method: 'POST', url: `/messages/${conversation.id}`, headers: { ...FORM, cookie: promoter.s.cookie, 'hx-request': 'true' }, payload: form({ _csrf: promoter.s.csrf, body: 'Réponse avec htmx' }) });
    expect(htmx.statusCode).toBe(200);
    expect(htmx.body).toMatch(/^<li id="m-[^"]+" class="message message-mine">/);
    expect(htmx.body).toContain('Réponse avec htmx');
    expect(htmx.body).toContain('hx-swap-oob="true"');
    const empty = await ctx.app.inject({ method: 'POST', url: `/messages/${conversation.id}`, headers: { ...FORM, cookie: promoter.s.cookie }, payload: form({ _csrf: promoter.s.csrf, body: '  ' }) });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Ce champ est obligatoire.');
  });

  it('shows an empty inbox with a way forward', async () => {
    const loner = await person();
    const page = await ctx.app.inject({ method: 'GET', url: '/messages', headers: { cookie: loner.s.cookie } });
    expect(page.body).toContain('Aucune conversation pour le moment.');
    expect((await ctx.app.inject({ method: 'GET', url: '/messages' })).headers.location).toBe('/connexion?retour=%2Fmessages');
  });
});

describe('sending limits', () => {
  it('answers 429 with Retry-After after 30 messages in a minute', async () => {
    const limited = await createTestApp({ rateLimits: true });
    try {
      const [a, b] = [await createUser(limited, { territoryId: null }), await createUser(limited, { territoryId: null })];
      const s = await signIn(limited, a.email);
      const send = () => limited.app.inject({ method: 'POST', url: '/api/v1/conversations', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, payload: { to: b.handle, body: 'Allô' } });
      for (let i = 0; i < 30; i++) expect((await send()).statusCode).toBeLessThan(300);
      const refused = await send();
      expect([refused.statusCode, refused.json().error.code]).toEqual([429, 'RATE_LIMITED']);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  }, 90_000);
});

describe('starting a conversation from a need or a pledge', () => {
  it('offers signed-in neighbours a question link to the promoter on each need, and the form knows what it is about', async () => {
    const promoter = await createUser(ctx, { territoryId });
    const neighbour = await createUser(ctx, { territoryId });
    const project = await createProject(ctx, { promoterId: promoter.id, territoryId, title: 'Frigo communautaire' });
    const need = await createNeed(ctx, { projectId: project.id, kind: 'volunteering', title: 'Nettoyer le frigo' });
    const link = `/messages/nouveau?a=${promoter.handle}&amp;contexte=need:${need.id}`;
    const asNeighbour = await signIn(ctx, neighbour.email);
    const page = await ctx.app.inject({ method: 'GET', url: `/projets/${project.id}`, headers: { cookie: asNeighbour.cookie } });
    expect(page.body).toContain(link);
    const asPromoter = await signIn(ctx, promoter.email);
    expect((await ctx.app.inject({ method: 'GET', url: `/projets/${project.id}`, headers: { cookie: asPromoter.cookie } })).body).not.toContain('/messages/nouveau?a=');
    expect((await ctx.app.inject({ method: 'GET', url: `/projets/${project.id}` })).body).not.toContain('/messages/nouveau?a=');
    const compose = await ctx.app.inject({ method: 'GET', url: link.replace('&amp;', '&'), headers: { cookie: asNeighbour.cookie } });
    expect(compose.statusCode).toBe(200);
    expect(compose.body).toContain('name="contextType" value="need"');
    expect(compose.body).toContain('Nettoyer le frigo');
  });
});
