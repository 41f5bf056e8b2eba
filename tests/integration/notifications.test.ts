import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createTerritory, createUser, FORM, form, signIn } from '../helpers/factories.js';
import { notifications } from '../../src/modules/notifications/notifications.tables.js';
import { notificationsRepository } from '../../src/modules/notifications/notifications.repository.js';
import { newId } from '../../src/db/ids.js';

let ctx: TestContext;
let territoryId: string;
type Session = { cookie: string; csrf: string };
type Person = { user: Awaited<ReturnType<typeof createUser>>; s: Session };
type Item = { id: string; kind: string; text: string; url: string; createdAt: string; readAt: string | null; data: Record<string, unknown> };
type List = { items: Item[]; nextCursor: string | null; unreadCount: number };

beforeAll(async () => {
  ctx = await createTestApp();
  territoryId = (await createTerritory(ctx)).id;
});
afterAll(() => ctx.close());

const api = (s: Session | null, method: 'GET' | 'POST', url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}, ...(payload ? { payload } : {}) });
const page = (s: Session, url: string) => ctx.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });

async function person(o: Parameters<typeof createUser>[1] = {}): Promise<Person> {
  const user = await createUser(ctx, { territoryId, ...o });
  return { user, s: await signIn(ctx, user.email) };
}

/** Notifications written straight through the repository (as an event's transaction would). */
async function notify(userId: string, n: Partial<{ kind: string; data: Record<string, string | number | null>; url: string }> = {}): Promise<string> {
  const ids = async () => (await ctx.database.db.select({ id: notifications.id }).from(notifications).where(eq(notifications.userId, userId))).map((r) => r.id);
  const before = new Set(await ids());
  await notificationsRepository.insert(ctx.database.db, { userId, kind: n.kind ?? 'pledge.accepted', data: n.data ?? { needTitle: 'Quatre heures samedi', projectTitle: 'Frigo partagé' }, url: n.url ?? '/engagements/x' });
  return (await ids()).find((id) => !before.has(id))!;
}
const list = async (p: Person, query = '') => (await api(p.s, 'GET', `/api/v1/notifications${query}`)).json<List>();

describe('listing', () => {
  it('lists only the caller’s notifications, translated in their language, with whitelisted data', async () => {
    const fr = await person();
    const en = await person({ locale: 'en' });
    await notify(fr.user.id, { data: { needTitle: 'Quatre heures samedi', projectTitle: 'Frigo', secret: 'courriel@example.test' } });
    await notify(en.user.id, { data: { needTitle: 'Four hours Saturday' } });
    const mine = await list(fr);
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({ kind: 'pledge.accepted', text: 'Votre engagement pour « Quatre heures samedi » a été accepté.', url: '/engagements/x', readAt: null, data: { needTitle: 'Quatre heures samedi', projectTitle: 'Frigo' } });
    expect(mine.items[0]!.data).not.toHaveProperty('secret');
    expect(mine.unreadCount).toBe(1);
    const theirs = await list(en);
    expect(theirs.items.map((i) => i.text)).toEqual(['Your pledge for “Four hours Saturday” was accepted.']);
    expect(theirs.items[0]!.id).not.toBe(mine.items[0]!.id);
  });

  it('never lists nor counts notifications hidden by moderation, and renders unknown kinds and unsafe urls safely', async () => {
    const p = await person();
    const hidden = await notify(p.user.id, { kind: 'comment.mention', data: { actorName: 'Léa', subjectTitle: 'Jardin' } });
    await ctx.database.db.update(notifications).set({ hiddenAt: new Date() }).where(eq(notifications.id, hidden));
    await notify(p.user.id, { kind: 'mystery.thing', url: 'https://evil.example/' });
    const res = await list(p);
    expect(res.items.map((i) => [i.kind, i.text, i.url])).toEqual([['mystery.thing', 'Vous avez une nouvelle notification.', '/notifications']]);
    expect(res.unreadCount).toBe(1);
    expect((await page(p.s, `/notifications/${hidden}`)).statusCode).toBe(404);
  });

  it('pages with a keyset cursor, newest first, without gaps or repeats, and filters unread ones', async () => {
    const p = await person();
    // Several in one transaction share created_at: the id breaks the tie.
    await ctx.database.db.transaction(async (tx) => {
      for (let i = 0; i < 7; i++) await notificationsRepository.insert(tx, { userId: p.user.id, kind: 'pledge.proposed', data: { needTitle: `Besoin ${i}`, projectTitle: 'P' }, url: '/' });
    });
    for (let i = 7; i < 12; i++) await notify(p.user.id, { kind: 'pledge.proposed', data: { needTitle: `Besoin ${i}`, projectTitle: 'P' } });
    const seen: Item[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: List = await list(p, `?limit=5${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...res.items);
      cursor = res.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(new Set(seen.map((i) => i.id)).size).toBe(12);
    // The same order as one big page, and newest first.
    expect(seen.map((i) => i.id)).toEqual((await list(p, '?limit=100')).items.map((i) => i.id));
    const times = seen.map((i) => i.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(seen.slice(0, 5).map((i) => i.data.needTitle)).toEqual(['Besoin 11', 'Besoin 10', 'Besoin 9', 'Besoin 8', 'Besoin 7']);

    await api(p.s, 'POST', '/api/v1/notifications/read', { ids: seen.slice(0, 4).map((i) => i.id) });
    const unread = await list(p, '?unread=true&limit=100');
    expect(unread.items.map((i) => i.id)).toEqual(seen.slice(4).map((i) => i.id));
    expect(unread.unreadCount).toBe(8);
    expect((await api(p.s, 'GET', '/api/v1/notifications?cursor=not-a-cursor')).statusCode).toBe(400);
  });

  it('documents its routes in the OpenAPI description', async () => {
    const paths = Object.keys((await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, unknown> }>().paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/v1/notifications', '/api/v1/notifications/read', '/api/v1/notifications/stream']));
  });

  it('answers 401 to visitors', async () => {
    expect((await api(null, 'GET', '/api/v1/notifications')).statusCode).toBe(401);
    expect((await api(null, 'POST', '/api/v1/notifications/read', {})).statusCode).toBe(401);
    expect((await api(null, 'GET', '/api/v1/notifications/stream')).statusCode).toBe(401);
  });
});

describe('marking read', () => {
  it('marks the given ids, ignoring other people’s, then all of them', async () => {
    const me = await person();
    const other = await person();
    const [a, b] = [await notify(me.user.id), await notify(me.user.id)];
    const theirs = await notify(other.user.id);
    const one = await api(me.s, 'POST', '/api/v1/notifications/read', { ids: [a, theirs] });
    expect([one.statusCode, one.json()]).toEqual([200, { unreadCount: 1 }]);
    const rows = await ctx.database.db.select().from(notifications).where(eq(notifications.id, theirs));
    expect(rows[0]!.readAt).toBeNull();
    expect((await list(me)).items.find((i) => i.id === b)!.readAt).toBeNull();
    expect((await api(me.s, 'POST', '/api/v1/notifications/read', { ids: [] })).json()).toEqual({ unreadCount: 1 });
    expect((await api(me.s, 'POST', '/api/v1/notifications/read', {})).json()).toEqual({ unreadCount: 0 });
    expect((await list(other)).unreadCount).toBe(1);
  });

  it('refuses a form post without the CSRF token and unknown fields', async () => {
    const me = await person();
    await notify(me.user.id);
    const noToken = await ctx.app.inject({ method: 'POST', url: '/notifications/lues', headers: { cookie: me.s.cookie, ...FORM }, payload: '' });
    expect(noToken.statusCode).toBe(403);
    expect((await api(me.s, 'POST', '/api/v1/notifications/read', { ids: ['x'], all: true })).statusCode).toBe(400);
    expect((await list(me)).unreadCount).toBe(1);
  });
});

describe('message notifications', () => {
  it('notifies the other participant once per unread conversation, counting messages, until they read it', async () => {
    const a = await person({ displayName: 'Amina Expéditrice' });
    const b = await person();
    const started = await api(a.s, 'POST', '/api/v1/conversations', { to: b.user.handle, body: 'Bonjour!' });
    expect(started.statusCode).toBe(201);
    const conversationId = started.json<{ id: string }>().id;
    let items = (await list(b)).items;
    expect(items.map((i) => [i.kind, i.text, i.url, i.data.conversationId])).toEqual([['message.new', 'Nouveau message de Amina Expéditrice.', `/messages/${conversationId}`, conversationId]]);
    expect((await list(a)).items).toEqual([]);

    await api(a.s, 'POST', `/api/v1/conversations/${conversationId}/messages`, { body: 'Encore moi.' });
    await api(a.s, 'POST', `/api/v1/conversations/${conversationId}/messages`, { body: 'Et encore.' });
    items = (await list(b)).items;
    expect(items.map((i) => [i.text, i.data.count])).toEqual([['3 nouveaux messages de Amina Expéditrice.', 3]]);

    // Reading the conversation marks its notification read; the next message notifies again.
    expect((await api(b.s, 'GET', `/api/v1/conversations/${conversationId}/messages`)).statusCode).toBe(200);
    expect((await list(b)).unreadCount).toBe(0);
    await api(a.s, 'POST', `/api/v1/conversations/${conversationId}/messages`, { body: 'Tu as vu?' });
    const after = await list(b);
    expect(after.items.map((i) => [i.readAt === null, i.data.count])).toEqual([[true, 1], [false, 3]]);
    const rows = await ctx.database.db.select().from(notifications).where(and(eq(notifications.userId, b.user.id), eq(notifications.subjectId, conversationId)));
    expect(rows).toHaveLength(2);
  });

  it('does not coalesce with a hidden notification, nor across conversations', async () => {
    const a = await person();
    const b = await person();
    const c1 = (await api(a.s, 'POST', '/api/v1/conversations', { to: b.user.handle, body: 'Un' })).json<{ id: string }>().id;
    await ctx.database.db.update(notifications).set({ hiddenAt: new Date() }).where(eq(notifications.userId, b.user.id));
    await api(a.s, 'POST', `/api/v1/conversations/${c1}/messages`, { body: 'Deux' });
    const other = await person();
    await api(other.s, 'POST', '/api/v1/conversations', { to: b.user.handle, body: 'Trois' });
    const res = await list(b);
    expect(res.items.map((i) => i.data.count)).toEqual([1, 1]);
    expect(res.unreadCount).toBe(2);
  });
});

describe('pages', () => {
  it('shows the list with unread styling, the header badges, opens one (read + 303) and marks all read', async () => {
    const me = await person();
    const writer = await person({ displayName: 'Karim Voisin' });
    await api(writer.s, 'POST', '/api/v1/conversations', { to: me.user.handle, body: 'Salut' });
    const first = await notify(me.user.id, { url: '/engagements/abc' });
    await notify(me.user.id);
    const html = (await page(me.s, '/notifications')).body;
    expect(html).toContain('3 notifications non lues');
    expect(html).toContain('1 conversation non lue');
    expect(html.match(/class="notification notification-unread"/g)).toHaveLength(3);
    expect(html).toContain('Nouveau message de Karim Voisin.');
    expect(html).toContain('Tout marquer comme lu');

    const open = await page(me.s, `/notifications/${first}`);
    expect([open.statusCode, open.headers.location]).toEqual([303, '/engagements/abc']);
    expect((await list(me)).unreadCount).toBe(2);
    expect((await page(writer.s, `/notifications/${first}`)).statusCode).toBe(404);
    expect((await page(me.s, `/notifications/${newId()}`)).statusCode).toBe(404);

    const all = await ctx.app.inject({ method: 'POST', url: '/notifications/lues', headers: { cookie: me.s.cookie, ...FORM }, payload: form({ _csrf: me.s.csrf }) });
    expect([all.statusCode, all.headers.location]).toEqual([303, '/notifications?fait=lues']);
    const after = (await page(me.s, '/notifications?fait=lues')).body;
    expect(after).toContain('Toutes vos notifications sont marquées comme lues.');
    expect(after).not.toContain('notification-unread');
    expect(after).not.toContain('notifications non lues');
    expect((await page(me.s, '/notifications?filtre=non-lues')).body).toContain('Aucune notification non lue.');
  });

  it('shows the empty state, a "more" link when there are more, and sends visitors to sign in', async () => {
    const me = await person({ locale: 'en' });
    expect((await page(me.s, '/notifications')).body).toContain('No notifications yet.');
    for (let i = 0; i < 31; i++) await notify(me.user.id);
    const html = (await page(me.s, '/notifications')).body;
    expect(html.match(/class="notification notification-unread"/g)).toHaveLength(30);
    const next = /href="(\/notifications\?cursor=[^"]+)"/.exec(html)?.[1];
    expect(next).toBeTruthy();
    expect((await page(me.s, next!.replace(/&amp;/g, '&'))).body.match(/class="notification notification-unread"/g)).toHaveLength(1);
    expect((await page(me.s, '/notifications?cursor=garbage')).statusCode).toBe(200);
    const anon = await ctx.app.inject({ method: 'GET', url: '/notifications' });
    expect([302, 303, 401]).toContain(anon.statusCode);
    expect(anon.body).not.toContain('notification-list');
  });
});
