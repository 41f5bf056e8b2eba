import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { newId } from '../../src/db/ids.js';
import { createTestApp, flushMail, type TestContext } from '../helpers/test-app.js';
import { createNeed, createProject, createTerritory, createUser, FORM, form, signIn, uid, visitor } from '../helpers/factories.js';
import { decodeQuotedPrintable, startSmtpServer } from '../helpers/smtp.js';
import { notifications } from '../../src/modules/notifications/notifications.tables.js';
import { notificationMailRepository } from '../../src/modules/notifications/notifications.mail.repository.js';
import { mailOutbox } from '../../src/platform/platform.tables.js';
import { sendAllImmediate } from '../../src/modules/notifications/notifications.mail.service.js';
import { digestPeriod, dueDigests, sendDigest } from '../../src/modules/notifications/notifications.digest.service.js';
import { localToday } from '../../src/modules/pledges/pledges.policy.js';

let ctx: TestContext;
let territoryId: string;
beforeAll(async () => {
  ctx = await createTestApp();
  territoryId = (await createTerritory(ctx)).id;
});
afterAll(() => ctx.close());

const inDays = (n: number) => {
  const d = new Date(`${localToday(new Date())}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
const deps = () => ctx.app.deps;

async function notify(userId: string, kind: string, data: Record<string, string>, url = '/projets/x', o: { hiddenAt?: Date; readAt?: Date } = {}) {
  const [row] = await ctx.database.db.insert(notifications).values({ id: newId(), userId, kind, data, url, ...o }).returning();
  return row!;
}
const rowsOf = (userId: string) => ctx.database.db.select().from(notifications).where(eq(notifications.userId, userId));
const outboxTo = (email: string) => ctx.database.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, email));
const unsubscribeLinkIn = (text: string) => /http:\/\/localhost:3000\/desabonnement\?token=[A-Za-z0-9_.%-]+/.exec(text)?.[0];

describe('immediate e-mail for what needs action', () => {
  it('mails the promoter at once, in their language, when a pledge is proposed; never twice, never in the digest', async () => {
    const promoter = await createUser(ctx, { territoryId, locale: 'en', displayName: 'Rosa Promoter' });
    const supporter = await createUser(ctx, { territoryId, locale: 'fr' });
    const project = await createProject(ctx, { promoterId: promoter.id, territoryId, title: `Jardin ${uid()}` });
    const need = await createNeed(ctx, { projectId: project.id, title: 'Bénévoles pour la corvée' });
    const s = await signIn(ctx, supporter.email);
    const res = await ctx.app.inject({ method: 'POST', url: `/api/v1/needs/${need.id}/pledges`, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, payload: { quantity: 3, startDate: inDays(5) } });
    expect(res.statusCode).toBe(201);
    const pledgeId = res.json().id as string;

    expect(await sendAllImmediate(deps(), [promoter.id, supporter.id])).toBe(1);
    expect(await sendAllImmediate(deps(), [promoter.id, supporter.id])).toBe(0);
    const [n] = (await rowsOf(promoter.id)).filter((r) => r.kind === 'pledge.proposed');
    expect(n!.emailedAt).not.toBeNull();

    const smtp = await startSmtpServer();
    try {
      await flushMail(ctx, smtp.url);
      const mail = smtp.received.find((m) => m.to.includes(promoter.email));
      expect(mail).toBeDefined();
      expect(mail!.raw).toContain('Content-Type: text/plain');
      expect(mail!.raw).toContain('Content-Type: text/html');
      const body = decodeQuotedPrintable(mail!.raw);
      expect(body).toContain('A pledge awaits your answer');
      expect(body).toContain(project.title);
      expect(body).toContain(`http://localhost:3000/engagements/${pledgeId}`);
      expect(body).toContain('<html lang="en-CA"');
      expect(body).not.toContain('Un engagement attend');
      // Its own one-click link unsubscribes from this kind only.
      const link = unsubscribeLinkIn(body)!;
      expect(link).toBeDefined();
      const page = await ctx.app.inject({ method: 'GET', url: link.replace('http://localhost:3000', ''), headers: { 'accept-language': 'en' } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('A pledge is proposed to one of my projects');
    } finally {
      await smtp.close();
    }
    // Already mailed: the digest has nothing left to say about it.
    expect(await sendDigest(deps(), promoter.id, 'weekly', `weekly:test-${uid()}`)).toBe('empty');
    expect(smtpCount(await outboxTo(promoter.email), 'notification.pledge.proposed')).toBe(1);
  });

  it('honours "immediate off" (the digest carries it instead) and a per-kind opt-out (nothing at all)', async () => {
    const quiet = await createUser(ctx, { territoryId });
    const optedOut = await createUser(ctx, { territoryId });
    await notificationMailRepository.saveSettings(ctx.database.db, quiet.id, { digest: 'daily', immediate: 'off', emailOptOuts: [] });
    await notificationMailRepository.saveSettings(ctx.database.db, optedOut.id, { digest: 'daily', immediate: 'on', emailOptOuts: ['pledge.proposed'] });
    for (const u of [quiet, optedOut]) await notify(u.id, 'pledge.proposed', { projectTitle: 'Ruelle', needTitle: 'Pelles', pledgeId: 'p1' }, '/engagements/p1');
    expect(await sendAllImmediate(deps(), [quiet.id, optedOut.id])).toBe(0);
    expect((await rowsOf(quiet.id))[0]!.emailedAt).toBeNull();
    const period = `daily:test-${uid()}`;
    expect(await sendDigest(deps(), quiet.id, 'daily', period)).toBe('sent');
    expect(await sendDigest(deps(), optedOut.id, 'daily', period)).toBe('empty');
    expect(await outboxTo(optedOut.email)).toHaveLength(0);
  });
});

function smtpCount(rows: { kind: string }[], kind: string) {
  return rows.filter((r) => r.kind === kind).length;
}

describe('digests', () => {
  it('sends one digest in French with text and HTML parts, without hidden, read or opted-out items, and a working unsubscribe link', async () => {
    const person = await createUser(ctx, { territoryId, locale: 'fr', displayName: 'Amélie Résumé' });
    await notificationMailRepository.saveSettings(ctx.database.db, person.id, { digest: 'daily', immediate: 'on', emailOptOuts: ['comment.new'] });
    await notify(person.id, 'comment.mention', { actorName: 'Samir', subjectTitle: 'Frigo partagé' }, '/projets/frigo');
    await notify(person.id, 'pledge.accepted', { projectTitle: 'Ruelle verte', needTitle: 'Arrosage des bacs' }, '/engagements/e1');
    await notify(person.id, 'comment.new', { actorName: 'Léa', subjectTitle: 'Projet exclu par choix' });
    await notify(person.id, 'comment.reply', { actorName: 'Troll', subjectTitle: 'Contenu masqué' }, '/projets/x', { hiddenAt: new Date() });
    await notify(person.id, 'comment.reply', { actorName: 'Déjà', subjectTitle: 'Déjà lu' }, '/projets/x', { readAt: new Date() });

    const period = digestPeriod('daily', new Date());
    expect(await sendDigest(deps(), person.id, 'daily', period)).toBe('sent');
    expect(await sendDigest(deps(), person.id, 'daily', period)).toBe('already');
    expect(await notificationMailRepository.digestSent(ctx.database.db, person.id, period)).toEqual({ itemCount: 2 });
    const rows = await rowsOf(person.id);
    expect(rows.filter((r) => r.emailedAt).map((r) => r.kind).sort()).toEqual(['comment.mention', 'pledge.accepted']);

    const smtp = await startSmtpServer();
    try {
      await flushMail(ctx, smtp.url);
      const mails = smtp.received.filter((m) => m.to.includes(person.email));
      expect(mails).toHaveLength(1);
      const raw = mails[0]!.raw;
      expect(raw).toContain('Content-Type: text/plain');
      expect(raw).toContain('Content-Type: text/html');
      const body = decodeQuotedPrintable(raw);
      expect(body).toContain('Bonjour Amélie Résumé');
      expect(body).toContain('Samir vous a mentionné·e dans un commentaire sur « Frigo partagé »');
      expect(body).toContain('Votre engagement pour « Arrosage des bacs » a été accepté.');
      expect(body).toContain('Voici ce qui s’est passé depuis votre dernier résumé quotidien');
      expect(body).toContain('http://localhost:3000/projets/frigo');
      expect(body).toContain('http://localhost:3000/moi/notifications');
      expect(body).not.toContain('Contenu masqué');
      expect(body).not.toContain('Déjà lu');
      expect(body).not.toContain('Projet exclu par choix');
      expect(body).toContain('<html lang="fr-CA"');
      // RFC 8058 headers, so mail clients offer their own one-click unsubscribe.
      expect(raw).toMatch(/^List-Unsubscribe:\s+<http:\/\/localhost:3000\/desabonnement\?token=[^>]+>/m);
      expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);

      // Unsubscribe: the link shows a confirmation, the POST performs it.
      const link = unsubscribeLinkIn(body)!.replace('http://localhost:3000', '');
      const v = await visitor(ctx, link);
      const page = await ctx.app.inject({ method: 'GET', url: link, headers: { cookie: v.cookie } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(person.email);
      expect((await notificationMailRepository.getSettings(ctx.database.db, person.id)).digest).toBe('daily');
      const token = decodeURIComponent(link.split('token=')[1]!);
      const done = await ctx.app.inject({ method: 'POST', url: '/desabonnement', headers: { cookie: v.cookie, ...FORM }, payload: form({ _csrf: v.csrf, token }) });
      expect(done.statusCode).toBe(200);
      expect(done.body).toContain('vous ne recevrez plus de résumés');
      expect((await notificationMailRepository.getSettings(ctx.database.db, person.id)).digest).toBe('off');
    } finally {
      await smtp.close();
    }
  });

  it('never sends the same digest twice, even when runs race', async () => {
    const person = await createUser(ctx, { territoryId });
    await notificationMailRepository.saveSettings(ctx.database.db, person.id, { digest: 'weekly', immediate: 'on', emailOptOuts: [] });
    for (let i = 0; i < 3; i++) await notify(person.id, 'comment.mention', { authorName: `Voisin ${i}`, projectTitle: 'Course' });
    const period = digestPeriod('weekly', new Date());
    const results = await Promise.all(Array.from({ length: 6 }, () => sendDigest(deps(), person.id, 'weekly', period)));
    expect(results.filter((r) => r === 'sent')).toHaveLength(1);
    expect(results.filter((r) => r === 'already')).toHaveLength(5);
    expect(smtpCount(await outboxTo(person.email), 'digest.weekly')).toBe(1);
    // A later run of the same period (e.g. a retried job) sends nothing either.
    await notify(person.id, 'comment.mention', { authorName: 'Tardif', projectTitle: 'Course' });
    expect(await sendDigest(deps(), person.id, 'weekly', period)).toBe('already');
    expect(smtpCount(await outboxTo(person.email), 'digest.weekly')).toBe(1);
  });

  it('finds who is due: from 7 h local time, daily per day and weekly per ISO week, only with something to say', async () => {
    const daily = await createUser(ctx, { territoryId });
    const weekly = await createUser(ctx, { territoryId });
    const never = await createUser(ctx, { territoryId });
    const silent = await createUser(ctx, { territoryId });
    await notificationMailRepository.saveSettings(ctx.database.db, daily.id, { digest: 'daily', immediate: 'on', emailOptOuts: [] });
    await notificationMailRepository.saveSettings(ctx.database.db, never.id, { digest: 'off', immediate: 'on', emailOptOuts: [] });
    for (const u of [daily, weekly, never]) await notify(u.id, 'comment.mention', { authorName: 'A', projectTitle: 'P' });
    const scope = [daily.id, weekly.id, never.id, silent.id];
    const early = new Date('2026-11-30T11:00:00Z'); // 06:00 in Montréal
    const morning = new Date('2026-11-30T13:00:00Z'); // 08:00 in Montréal, a Monday
    expect(await dueDigests(deps(), early, scope)).toEqual([]);
    const due = await dueDigests(deps(), morning, scope);
    expect(due).toEqual(expect.arrayContaining([
      { userId: daily.id, frequency: 'daily', period: 'daily:2026-11-30' },
      { userId: weekly.id, frequency: 'weekly', period: 'weekly:2026-W49' },
    ]));
    expect(due).toHaveLength(2);
    for (const d of due) expect(await sendDigest(deps(), d.userId, d.frequency, d.period)).toBe('sent');
    await notify(daily.id, 'comment.mention', { authorName: 'B', projectTitle: 'P' });
    expect(await dueDigests(deps(), morning, scope)).toEqual([]);
    // The next local day, the daily person is due again.
    expect(await dueDigests(deps(), new Date('2026-12-01T13:00:00Z'), scope)).toEqual([{ userId: daily.id, frequency: 'daily', period: 'daily:2026-12-01' }]);
  });
});

describe('unsubscribe links', () => {
  it('accepts a one-click POST (RFC 8058) without cookies, and refuses a tampered token with a clear page', async () => {
    const person = await createUser(ctx, { territoryId, locale: 'en' });
    await notify(person.id, 'pledge.proposed', { projectTitle: 'Vélo', needTitle: 'Mécanique' }, '/engagements/z');
    await sendAllImmediate(deps(), [person.id]);
    const [mail] = await outboxTo(person.email);
    const link = unsubscribeLinkIn(mail!.textBody)!.replace('http://localhost:3000', '');
    const res = await ctx.app.inject({ method: 'POST', url: link, headers: FORM, payload: 'List-Unsubscribe=One-Click' });
    expect(res.statusCode).toBe(200);
    expect((await notificationMailRepository.getSettings(ctx.database.db, person.id)).emailOptOuts).toEqual(['pledge.proposed']);

    const token = decodeURIComponent(link.split('token=')[1]!);
    const [payload, sig] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ u: person.id, w: 'digest' })).toString('base64url');
    for (const bad of [`${forged}.${sig}`, `${payload}.${sig!.slice(0, -2)}xx`, 'abc', '']) {
      const page = await ctx.app.inject({ method: 'GET', url: `/desabonnement?token=${encodeURIComponent(bad)}`, headers: { 'accept-language': 'en' } });
      expect(page.statusCode).toBe(400);
      expect(page.body).toContain('This unsubscribe link is invalid or incomplete');
      // The route opts out of CSRF (the signed token is the proof): a bad token is refused as such.
      const post = await ctx.app.inject({ method: 'POST', url: `/desabonnement?token=${encodeURIComponent(bad)}`, headers: { ...FORM, 'accept-language': 'en' }, payload: 'List-Unsubscribe=One-Click' });
      expect(post.statusCode).toBe(400);
      expect(post.body).toContain('This unsubscribe link is invalid or incomplete');
    }
    expect((await notificationMailRepository.getSettings(ctx.database.db, person.id)).digest).toBe('weekly');
  });
});
