import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { newId } from '../../src/db/ids.js';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createNeed, createProject, createTerritory, createUser, PASSWORD, signIn, uid } from '../helpers/factories.js';
import { notifications } from '../../src/modules/notifications/notifications.tables.js';
import { notificationMailRepository } from '../../src/modules/notifications/notifications.mail.repository.js';
import { digestPeriod, sendDigest } from '../../src/modules/notifications/notifications.digest.service.js';
import { mailOutbox } from '../../src/platform/platform.tables.js';

let ctx: TestContext;
let territoryId: string;
beforeAll(async () => {
  ctx = await createTestApp();
  territoryId = (await createTerritory(ctx)).id;
});
afterAll(() => ctx.close());

type Session = { cookie: string; csrf: string };
const api = (s: Session, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, ...(payload ? { payload } : {}) });

describe('a deleted account’s name leaves other people’s notifications and digests', () => {
  it('messages, comments and mentions no longer carry the name, in the API, the page and the digest', async () => {
    const leaving = `Gaëlle Partante ${uid()}`;
    const promoter = await createUser(ctx, { territoryId, displayName: 'Fatima Promotrice' });
    const writer = await createUser(ctx, { territoryId, displayName: leaving });
    const project = await createProject(ctx, { promoterId: promoter.id, territoryId, title: 'Frigo partagé' });
    const need = await createNeed(ctx, { projectId: project.id, kind: 'expertise' });
    const ws = await signIn(ctx, writer.email);
    expect((await api(ws, 'POST', '/api/v1/conversations', { to: promoter.handle, contextType: 'need', contextId: need.id, body: 'Bonjour!' })).statusCode).toBe(201);
    expect((await api(ws, 'POST', `/api/v1/projects/${project.id}/comments`, { body: `Bravo @${promoter.handle}!` })).statusCode).toBe(201);
    const ps = await signIn(ctx, promoter.email);
    const before = await api(ps, 'GET', '/api/v1/notifications');
    expect(before.body).toContain(leaving);
    const texts = (before.json().items as { text: string }[]).map((i) => i.text);
    expect(texts.length).toBeGreaterThanOrEqual(2);

    expect((await api(ws, 'DELETE', '/api/v1/me', { password: PASSWORD, confirm: true })).statusCode).toBe(200);

    const after = await api(ps, 'GET', '/api/v1/notifications');
    expect(after.statusCode).toBe(200);
    expect(after.body).not.toContain(leaving);
    expect(after.body).not.toContain(writer.handle);
    const items = after.json().items as { text: string; data: Record<string, unknown> }[];
    expect(items.some((i) => i.text.includes('Quelqu’un (compte supprimé)'))).toBe(true);
    for (const i of items) expect(Object.keys(i.data)).not.toContain('actorName');
    const rows = await ctx.database.db.select().from(notifications).where(eq(notifications.userId, promoter.id));
    expect(JSON.stringify(rows.map((r) => r.data))).not.toContain(leaving);
    const page = await ctx.app.inject({ method: 'GET', url: '/notifications', headers: { cookie: ps.cookie } });
    expect(page.body).not.toContain(leaving);

    await notificationMailRepository.saveSettings(ctx.database.db, promoter.id, { digest: 'daily', immediate: 'off', emailOptOuts: [] });
    await ctx.database.db.update(notifications).set({ emailedAt: null }).where(eq(notifications.userId, promoter.id));
    expect(await sendDigest(ctx.app.deps, promoter.id, 'daily', digestPeriod('daily', new Date()))).toBe('sent');
    const mails = await ctx.database.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, promoter.email));
    const digest = mails.find((m) => m.kind.includes('digest'));
    expect(digest).toBeDefined();
    expect(digest!.textBody).not.toContain(leaving);
    expect(digest!.textBody).toContain('compte supprimé');
  });

  it('also scrubs an older message notification that carried only the handle and name', async () => {
    const reader = await createUser(ctx, { territoryId });
    const leaving = await createUser(ctx, { territoryId, displayName: `Old Name ${uid()}` });
    const ls = await signIn(ctx, leaving.email);
    const sent = await api(ls, 'POST', '/api/v1/conversations', { to: reader.handle, body: 'Salut' });
    expect(sent.statusCode, sent.body).toBe(201);
    const conversationId = sent.json().id as string;
    await ctx.database.db.delete(notifications).where(eq(notifications.userId, reader.id));
    await ctx.database.db.insert(notifications).values({ id: newId(), userId: reader.id, kind: 'message.new', data: { conversationId, actorHandle: leaving.handle, actorName: leaving.displayName, count: 1 }, url: `/messages/${conversationId}`, subjectType: 'conversation', subjectId: conversationId });
    expect((await api(ls, 'DELETE', '/api/v1/me', { password: PASSWORD, confirm: true })).statusCode).toBe(200);
    const [row] = await ctx.database.db.select().from(notifications).where(eq(notifications.userId, reader.id));
    expect(row!.data).toEqual({ conversationId, count: 1, actorDeleted: 1 });
  });
});
