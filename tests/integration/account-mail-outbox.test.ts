import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createNeed, createOrganisation, createProject, createTerritory, createUser, PASSWORD, signIn, uid } from '../helpers/factories.js';
import { notifications } from '../../src/modules/notifications/notifications.tables.js';
import { notificationMailRepository } from '../../src/modules/notifications/notifications.mail.repository.js';
import { digestPeriod, sendDigest } from '../../src/modules/notifications/notifications.digest.service.js';
import { mailRepository } from '../../src/platform/mail/mail.repository.js';
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
const mailsTo = (...to: string[]) => ctx.database.db.select().from(mailOutbox).where(inArray(mailOutbox.toAddress, to));

describe('deleting an account clears the mail outbox of the person', () => {
  it('drops the unsent mails to them and about them (digest naming them, their invitation), keeps the rest', async () => {
    const name = `Zoé Sortante ${uid()}`;
    const promoter = await createUser(ctx, { territoryId });
    const leaving = await createUser(ctx, { territoryId, displayName: name });
    const project = await createProject(ctx, { promoterId: promoter.id, territoryId, title: 'Ruelle verte' });
    const need = await createNeed(ctx, { projectId: project.id, kind: 'expertise' });
    const ls = await signIn(ctx, leaving.email);
    expect((await api(ls, 'POST', '/api/v1/conversations', { to: promoter.handle, contextType: 'need', contextId: need.id, body: 'Bonjour!' })).statusCode).toBe(201);

    // A digest naming the person is queued for the promoter, not sent yet.
    await notificationMailRepository.saveSettings(ctx.database.db, promoter.id, { digest: 'daily', immediate: 'off', emailOptOuts: [] });
    expect(await sendDigest(ctx.app.deps, promoter.id, 'daily', digestPeriod('daily', new Date()))).toBe('sent');
    const [digest] = (await mailsTo(promoter.email)).filter((m) => m.kind.includes('digest'));
    expect(digest!.textBody).toContain(name);
    // An invitation signed with the person's name, for someone else.
    const org = await createOrganisation(ctx, { representativeId: leaving.id });
    const invitee = `invite-${uid()}@example.test`;
    expect((await api(ls, 'POST', `/api/v1/organisations/${org.slug}/invitations`, { email: invitee })).statusCode).toBe(201);
    expect((await mailsTo(invitee))[0]!.textBody).toContain(name);
    // Mails to the person: one waiting, one that failed for good, one already sent.
    await mailRepository.enqueue(ctx.database.db, { to: leaving.email, subject: 'En attente', text: name, html: name, kind: 'test_pending' });
    await mailRepository.markFailed(ctx.database.db, await mailRepository.enqueue(ctx.database.db, { to: leaving.email, subject: 'Échec', text: name, html: name, kind: 'test_failed' }), 'refused', null);
    await mailRepository.markSent(ctx.database.db, await mailRepository.enqueue(ctx.database.db, { to: leaving.email, subject: 'Parti', text: name, html: name, kind: 'test_sent' }), 'sent');
    // Someone else's mail that does not speak of them.
    await mailRepository.enqueue(ctx.database.db, { to: promoter.email, subject: 'Autre', text: 'Bonjour', html: 'Bonjour', kind: 'test_unrelated', about: [`user:${promoter.id}`] });

    expect((await api(ls, 'DELETE', '/api/v1/me', { password: PASSWORD, confirm: true })).statusCode).toBe(200);

    expect((await mailsTo(leaving.email)).map((m) => m.kind).sort()).toEqual(['account_deleted', 'test_sent']);
    expect(await mailsTo(invitee)).toEqual([]);
    expect((await mailsTo(promoter.email)).map((m) => m.kind)).toEqual(['test_unrelated']);
    const unsent = await ctx.database.db.select().from(mailOutbox).where(and(eq(mailOutbox.status, 'pending'), inArray(mailOutbox.toAddress, [promoter.email, invitee])));
    expect(unsent.filter((m) => m.textBody.includes(name) || m.htmlBody.includes(name) || m.subject.includes(name))).toEqual([]);
  });

  it('also takes the name out of a "wants to help" notification the team received', async () => {
    const promoter = await createUser(ctx, { territoryId });
    const helper = await createUser(ctx, { territoryId, displayName: `Helper ${uid()}` });
    const project = await createProject(ctx, { promoterId: promoter.id, territoryId, title: 'Frigo du coin' });
    const hs = await signIn(ctx, helper.email);
    expect((await api(hs, 'POST', '/api/v1/reactions', { targetType: 'project', targetId: project.id, kind: 'want_to_help' })).statusCode).toBe(201);
    const [before] = await ctx.database.db.select().from(notifications).where(eq(notifications.userId, promoter.id));
    expect(before!.data).toMatchObject({ actorName: helper.displayName, helperId: helper.id });

    expect((await api(hs, 'DELETE', '/api/v1/me', { password: PASSWORD, confirm: true })).statusCode).toBe(200);

    const [after] = await ctx.database.db.select().from(notifications).where(eq(notifications.userId, promoter.id));
    expect(after!.data).toEqual({ projectId: project.id, subjectTitle: 'Frigo du coin', actorDeleted: 1 });
  });
});
