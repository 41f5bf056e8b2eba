import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createCaisse, createProject, createTerritory, createUser, FORM, form, signIn } from '../helpers/factories.js';
import { createApplication, createCampaign } from './delegates.fixtures.js';
import { roleGrants } from '../../src/modules/auth/auth.tables.js';
import { mailOutbox, auditLog } from '../../src/platform/platform.tables.js';
import { users } from '../../src/modules/auth/auth.tables.js';
import { delegateApplications } from '../../src/modules/delegates/delegates.tables.js';
import { seedReferenceData } from '../../src/seed/seed.js';
import { seedDemoDelegates } from '../../src/seed/demo-delegates.js';
import { dueDigests, sendDigest } from '../../src/modules/notifications/notifications.digest.service.js';
import { notifications } from '../../src/modules/notifications/notifications.tables.js';

let ctx: TestContext;
let here: { id: string; slug: string };
let there: { id: string; slug: string };
let caisse: { id: string; slug: string; name: string };
let other: { id: string; slug: string; name: string };
type Session = { cookie: string; csrf: string };
let staff: Session;
let staffElsewhere: Session;

const api = (s: Session | null, method: 'GET' | 'POST', url: string, payload?: object, lang?: 'fr' | 'en') =>
  ctx.app.inject({ method, url, headers: { ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}), ...(lang ? { 'accept-language': lang } : {}) }, ...(payload ? { payload } : {}) });
const page = (s: Session | null, url: string) => ctx.app.inject({ method: 'GET', url, headers: s ? { cookie: s.cookie } : {} });

beforeAll(async () => {
  ctx = await createTestApp();
  here = await createTerritory(ctx, { nameFr: 'Quartier Ici', nameEn: 'Here Neighbourhood' });
  there = await createTerritory(ctx);
  caisse = await createCaisse(ctx, { territoryIds: [here.id], name: 'Caisse du Quartier' });
  other = await createCaisse(ctx, { territoryIds: [there.id] });
  staff = await signIn(ctx, (await createUser(ctx, { displayName: 'Sophie Staff', role: { role: 'staff', caisseId: caisse.id } })).email);
  staffElsewhere = await signIn(ctx, (await createUser(ctx, { role: { role: 'staff', caisseId: other.id } })).email);
});
afterAll(() => ctx.close());

describe('a delegate registration, from campaign to badge', () => {
  it('opens, takes one application per person, is decided by staff, grants the role for the term and tells the person', async () => {
    // Staff open a campaign; a term starting before the deadline is refused with a translated field error.
    const bad = await api(staff, 'POST', `/api/v1/caisses/${caisse.slug}/delegate-campaigns`, { deadline: '2099-03-01', termStart: '2099-02-01', termEnd: '2100-01-31' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields.termStart).toBe('Le mandat doit commencer après la date limite.');
    const opened = await api(staff, 'POST', `/api/v1/caisses/${caisse.slug}/delegate-campaigns`, { deadline: '2099-01-10', termStart: '2099-02-01', termEnd: '2100-01-31', introFr: 'Rejoignez-nous', introEn: 'Join us' });
    expect(opened.statusCode).toBe(201);
    expect(opened.json()).toMatchObject({ open: true, deadline: '2099-01-11T04:59:59.999Z', termEnd: '2100-02-01T04:59:59.999Z', intro: 'Rejoignez-nous' });

    // A member applies through the form; a second application is refused; a territory the caisse does not serve is a wrong choice.
    const member = await createUser(ctx, { displayName: 'Marc Membre', territoryId: here.id, locale: 'en' });
    const m = await signIn(ctx, member.email);
    const wrong = await api(m, 'POST', `/api/v1/caisses/${caisse.slug}/delegate-applications`, { territory: there.slug, motivation: 'Je connais bien le quartier et ses organismes.', availability: 'Les soirs' });
    expect(wrong.statusCode).toBe(400);
    const posted = await ctx.app.inject({ method: 'POST', url: `/caisses/${caisse.slug}/delegues`, headers: { cookie: m.cookie, ...FORM }, payload: form({ _csrf: m.csrf, territory: here.slug, motivation: 'Je connais bien le quartier et ses organismes.', availability: 'Deux soirs par mois' }) });
    expect([posted.statusCode, posted.headers.location]).toEqual([303, `/caisses/${caisse.slug}/delegues?fait=envoyee`]);
    const again = await api(m, 'POST', `/api/v1/caisses/${caisse.slug}/delegate-applications`, { territory: here.slug, motivation: 'Encore une fois, je veux vraiment aider.', availability: 'Les soirs' });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'DELEGATE_ALREADY_APPLIED']);
    const mine = (await api(m, 'GET', `/api/v1/caisses/${caisse.slug}/delegate-campaign`)).json();
    expect(mine).toMatchObject({ mine: { status: 'pending', territory: { slug: here.slug } }, can: { apply: false, manage: false } });

    // Staff see the dashboard (counts per territory) and the pending list; another caisse's staff may not.
    const dash = (await api(staff, 'GET', `/api/v1/caisses/${caisse.slug}/delegate-dashboard`)).json();
    expect(dash.counts).toEqual([{ territory: { slug: here.slug, name: 'Quartier Ici' }, pending: 1, approved: 0, declined: 0 }]);
    const pending = (await api(staff, 'GET', `/api/v1/caisses/${caisse.slug}/delegate-applications?status=pending`)).json().items;
    expect(pending.map((a: { person: { displayName: string } }) => a.person.displayName)).toEqual(['Marc Membre']);
    expect((await api(staffElsewhere, 'GET', `/api/v1/caisses/${caisse.slug}/delegate-applications`)).statusCode).toBe(403);
    expect((await api(staffElsewhere, 'POST', `/api/v1/delegate-applications/${pending[0].id}/decision`, { decision: 'approve' })).statusCode).toBe(404);

    // Declining needs a message; approving grants the role until the term ends, notifies and mails the person in English.
    expect((await api(staff, 'POST', `/api/v1/delegate-applications/${pending[0].id}/decision`, { decision: 'decline' })).statusCode).toBe(400);
    const approved = await api(staff, 'POST', `/api/v1/delegate-applications/${pending[0].id}/decision`, { decision: 'approve', message: 'Bienvenue dans l’équipe!' });
    expect(approved.json()).toMatchObject({ status: 'approved', decisionMessage: 'Bienvenue dans l’équipe!' });
    expect((await api(staff, 'POST', `/api/v1/delegate-applications/${pending[0].id}/decision`, { decision: 'decline', message: 'Non' })).json().error.code).toBe('DELEGATE_ALREADY_DECIDED');
    const [grant] = await ctx.database.db.select().from(roleGrants).where(and(eq(roleGrants.userId, member.id), eq(roleGrants.role, 'delegate')));
    expect([grant?.caisseId, grant?.expiresAt?.toISOString()]).toEqual([caisse.id, '2100-02-01T04:59:59.999Z']);
    const [note] = await ctx.database.db.select().from(notifications).where(and(eq(notifications.userId, member.id), eq(notifications.kind, 'delegate.approved')));
    expect(note?.url).toBe(`/caisses/${caisse.slug}/delegues`);
    const [mail] = await ctx.database.db.select().from(mailOutbox).where(and(eq(mailOutbox.toAddress, member.email), eq(mailOutbox.kind, 'delegate_approved')));
    expect(mail?.subject).toBe('You are a delegate of Caisse du Quartier');
    expect(mail?.textBody).toContain('Bienvenue dans l’équipe!');
    // Already mailed with the decision: the notification stays in-app but never lands in a digest too.
    expect(await dueDigests(ctx.app.deps, new Date('2026-12-07T15:00:00Z'), [member.id])).toEqual([]);
    expect(await sendDigest(ctx.app.deps, member.id, 'weekly', `weekly:test-${member.id}`)).toBe('empty');
    expect(await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'delegates.application.approved'), eq(auditLog.subjectId, pending[0].id)))).toHaveLength(1);

    // The badge on the person's page and in the API; the caisse's public page lists the delegate.
    const person = await page(null, `/membres/${member.handle}`);
    expect(person.body).toContain('Délégué·e · Caisse du Quartier');
    expect((await api(null, 'GET', `/api/v1/people/${member.handle}`)).json().badges).toEqual([{ kind: 'delegate', caisse: { slug: caisse.slug, name: 'Caisse du Quartier' } }]);
    expect((await api(null, 'GET', `/api/v1/caisses/${caisse.slug}`)).json().delegates).toEqual([expect.objectContaining({ handle: member.handle, territory: { slug: here.slug, name: 'Quartier Ici' } })]);

    // The new delegate (signed in again: grants load with the session) sees the projects to accompany; other members do not.
    const promoter = await createUser(ctx, { territoryId: here.id });
    const project = await createProject(ctx, { promoterId: promoter.id, territoryId: here.id, title: 'Frigo partagé du parc' });
    const delegate = await signIn(ctx, member.email);
    const groups = (await api(delegate, 'GET', `/api/v1/caisses/${caisse.slug}/delegate-projects`)).json().items;
    expect(groups[0].projects.map((p: { id: string }) => p.id)).toContain(project.id);
    expect((await page(delegate, `/caisses/${caisse.slug}/delegues/projets`)).body).toContain('Frigo partagé du parc');
    const stranger = await signIn(ctx, (await createUser(ctx)).email);
    expect((await api(stranger, 'GET', `/api/v1/caisses/${caisse.slug}/delegate-projects`)).statusCode).toBe(403);
  });

  it('closes after the deadline: a clear message on the page and a translated error code in the API', async () => {
    const closedCaisse = await createCaisse(ctx, { territoryIds: [here.id] });
    await createCampaign(ctx, closedCaisse.id, { closed: true });
    const m = await signIn(ctx, (await createUser(ctx, { territoryId: here.id })).email);
    const body = { territory: here.slug, motivation: 'Je voudrais accompagner les projets du quartier.', availability: 'Les fins de semaine' };
    const fr = await api(m, 'POST', `/api/v1/caisses/${closedCaisse.slug}/delegate-applications`, body, 'fr');
    expect([fr.statusCode, fr.json().error.code, fr.json().error.message]).toEqual([409, 'DELEGATE_REGISTRATION_CLOSED', 'L’inscription des délégué·es est fermée : la date limite est passée.']);
    const en = await ctx.app.inject({ method: 'POST', url: `/api/v1/caisses/${closedCaisse.slug}/delegate-applications?lang=en`, headers: { 'x-csrf-token': m.csrf, cookie: m.cookie }, payload: body });
    expect(en.json().error.code).toBe('DELEGATE_REGISTRATION_CLOSED');
    const html = await page(m, `/caisses/${closedCaisse.slug}/delegues`);
    expect(html.body).toContain('L’inscription est fermée depuis le');
    expect(html.body).not.toContain('name="motivation"');
    const openCaisse = await createCaisse(ctx, { territoryIds: [here.id] });
    await createCampaign(ctx, openCaisse.id);
    expect((await page(m, `/caisses/${openCaisse.slug}/delegues`)).body).toContain('name="motivation"');
  });

  it('lets staff decline from the dashboard, and never decide for another caisse', async () => {
    const { id, applicant } = await createApplication(ctx, caisse.id, here.id, 'Motivation très secrète du quartier');
    const dashboard = await page(staff, `/caisses/${caisse.slug}/espace/delegues`);
    expect(dashboard.body).toContain('Motivation très secrète du quartier');
    expect((await page(staffElsewhere, `/caisses/${caisse.slug}/espace/delegues`)).statusCode).toBe(403);
    const elsewhere = (await api(staffElsewhere, 'GET', `/api/v1/caisses/${other.slug}/delegate-applications`)).body;
    expect(elsewhere).not.toContain('Motivation très secrète');
    const empty = await ctx.app.inject({ method: 'POST', url: `/caisses/${caisse.slug}/espace/delegues/${id}/decision`, headers: { cookie: staff.cookie, ...FORM }, payload: form({ _csrf: staff.csrf, decision: 'decline', message: '' }) });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Expliquez votre refus en quelques mots.');
    const done = await ctx.app.inject({ method: 'POST', url: `/caisses/${caisse.slug}/espace/delegues/${id}/decision`, headers: { cookie: staff.cookie, ...FORM }, payload: form({ _csrf: staff.csrf, decision: 'decline', message: 'Merci, nous avons assez de délégué·es ici.' }) });
    expect(done.statusCode).toBe(303);
    expect(await ctx.database.db.select().from(roleGrants).where(and(eq(roleGrants.userId, applicant.id), eq(roleGrants.role, 'delegate')))).toHaveLength(0);
    const [mail] = await ctx.database.db.select().from(mailOutbox).where(and(eq(mailOutbox.toAddress, applicant.email), eq(mailOutbox.kind, 'delegate_declined')));
    expect(mail?.textBody).toContain('Merci, nous avons assez de délégué·es ici.');
  });
});

describe('demo delegates', () => {
  // Needs the pilot caisses and the demo handles: a fresh PGlite, not the shared PostgreSQL test database.
  it.skipIf(!!process.env.TEST_DATABASE_URL)('opens the Plateau’s closed campaign and the Cité-du-Nord’s open one, with approved and pending people, once', async () => {
    await seedReferenceData(ctx.app.deps);
    const ids: string[] = [];
    for (const handle of ['audrey-st-onge', 'karim-benali', 'marie-eve-tremblay', 'sophie-lavoie', 'daniel-oconnor', 'emily-chen', 'louis-gagnon']) {
      const u = await createUser(ctx);
      ids.push(u.id);
      await ctx.database.db.update(users).set({ handle }).where(eq(users.id, u.id));
    }
    await seedDemoDelegates(ctx.app.deps);
    await seedDemoDelegates(ctx.app.deps);
    const plateau = (await api(null, 'GET', '/api/v1/caisses/plateau-mont-royal/delegate-campaign')).json();
    expect(plateau.campaign).toMatchObject({ open: false, deadline: '2026-09-13T03:59:59.999Z' });
    const nord = (await api(null, 'GET', '/api/v1/caisses/cite-du-nord-de-montreal/delegate-campaign')).json();
    expect(nord.campaign.open).toBe(new Date() <= new Date(nord.campaign.deadline));
    const rows = await ctx.database.db.select({ status: delegateApplications.status }).from(delegateApplications).where(inArray(delegateApplications.userId, ids));
    expect(rows.map((r) => r.status).sort()).toEqual(['approved', 'approved', 'approved', 'pending', 'pending']);
    const delegates = (await api(null, 'GET', '/api/v1/caisses/cite-du-nord-de-montreal/delegates')).json().items;
    expect(delegates.map((d: { handle: string }) => d.handle).sort()).toEqual(['daniel-oconnor', 'sophie-lavoie']);
  });
});
