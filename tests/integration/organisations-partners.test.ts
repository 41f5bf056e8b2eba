import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createCaisse, createNeed, createOrganisation, createProject, createTerritory, createUser, FORM, form, signIn } from '../helpers/factories.js';
import type { Actor } from '../../src/platform/http/context.js';
import { organisationMembers, organisations } from '../../src/modules/organisations/organisations.tables.js';
import { capacityUsage, charters, charterSignatures, organisationInvitations } from '../../src/modules/organisations/partners.tables.js';
import { auditLog, mailOutbox } from '../../src/platform/platform.tables.js';
import { createPledge, transitionPledge } from '../../src/modules/pledges/pledges.service.js';
import { localToday } from '../../src/modules/pledges/pledges.policy.js';
import { AppError } from '../../src/platform/errors.js';
import sharp from 'sharp';
import { seedCharters } from '../../src/seed/charters.js';
import { ensureReferenceData, seedIfEmpty } from '../../src/seed/seed.js';
import { pledges as pledgesTable } from '../../src/modules/pledges/pledges.tables.js';

let ctx: TestContext;
let territory: Awaited<ReturnType<typeof createTerritory>>;
let caisse: Awaited<ReturnType<typeof createCaisse>>;
let other: Awaited<ReturnType<typeof createCaisse>>;
type Session = { cookie: string; csrf: string };
type User = Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  ctx = await createTestApp();
  territory = await createTerritory(ctx);
  caisse = await createCaisse(ctx, { territoryIds: [territory.id], name: 'Caisse du Plateau' });
  other = await createCaisse(ctx, { name: 'Caisse Ailleurs' });
  await ctx.database.db.insert(charters).values([
    { caisseId: caisse.id, version: 1, textFr: 'Nous tenons parole.\n\nNous prévenons à temps.', textEn: 'We keep our word.\n\nWe warn in time.' },
    { caisseId: other.id, version: 1, textFr: 'Charte ailleurs.', textEn: 'Charter elsewhere.' },
  ]);
});
afterAll(() => ctx.close());

const api = (s: Session | null, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}, ...(payload ? { payload } : {}) });
async function person(o: Parameters<typeof createUser>[1] = {}) {
  const user = await createUser(ctx, { territoryId: territory.id, ...o });
  return { user, s: await signIn(ctx, user.email) };
}
const asActor = (u: User): Actor => ({ id: u.id, handle: u.handle, displayName: u.displayName, email: u.email, locale: u.locale, emailVerified: true, roles: [], via: 'session', sessionIdHash: null, reauthAt: null });
const orgRow = async (slug: string) => (await ctx.database.db.select().from(organisations).where(eq(organisations.slug, slug)))[0]!;

async function newOrganisation(owner: { s: Session }, extra: object = {}) {
  const res = await api(owner.s, 'POST', '/api/v1/organisations', { name: `Atelier ${Math.random().toString(36).slice(2, 7)}`, kind: 'cooperative', ...extra });
  expect(res.statusCode).toBe(201);
  return res.json<{ slug: string; members: { role: string }[]; neq: string | null }>();
}

describe('organisations with an owner', () => {
  it('makes the creator its owner and checks the NEQ is 10 digits, in each language', async () => {
    const owner = await person();
    const created = await newOrganisation(owner, { neq: '1234 567 890' });
    expect(created.members).toEqual([expect.objectContaining({ role: 'owner' })]);
    expect(created.neq).toBe('1234567890');
    const bad = await api(owner.s, 'POST', '/api/v1/organisations', { name: 'Mauvais NEQ', kind: 'business', neq: '12345' });
    expect(bad.json().error.details.fields).toEqual({ neq: 'Le NEQ compte exactement 10 chiffres.' });
    const english = await person({ locale: 'en' });
    const en = await api(english.s, 'POST', '/api/v1/organisations', { name: 'Bad NEQ', kind: 'business', neq: 'abcdefghij' });
    expect(en.json().error.details.fields).toEqual({ neq: 'The NEQ has exactly 10 digits.' });
  });

  it('invites by e-mail through the outbox; the link works once, not after expiry', async () => {
    const owner = await person();
    const { slug } = await newOrganisation(owner);
    const invitee = await person();
    const member = await person();
    expect((await api(invitee.s, 'POST', `/api/v1/organisations/${slug}/invitations`, { email: member.user.email })).statusCode).toBe(403);
    const sent = await api(owner.s, 'POST', `/api/v1/organisations/${slug}/invitations`, { email: invitee.user.email, role: 'representative' });
    expect(sent.statusCode).toBe(201);
    const [mail] = await ctx.database.db.select().from(mailOutbox).where(and(eq(mailOutbox.toAddress, invitee.user.email), eq(mailOutbox.kind, 'organisation_invitation')));
    const token = /token=([\w-]+)/.exec(mail!.textBody)![1]!;
    expect(mail!.textBody).not.toContain('token_hash');
    const page = await ctx.app.inject({ method: 'GET', url: `/organisations/invitation?token=${token}`, headers: { cookie: invitee.s.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Accepter l’invitation');
    const accepted = await api(invitee.s, 'POST', '/api/v1/organisation-invitations/accept', { token });
    expect(accepted.json()).toEqual({ organisation: slug });
    expect((await api(member.s, 'POST', '/api/v1/organisation-invitations/accept', { token })).json().error.code).toBe('INVITATION_INVALID');
    const org = await orgRow(slug);
    const roles = await ctx.database.db.select().from(organisationMembers).where(eq(organisationMembers.organisationId, org.id));
    expect(roles.find((r) => r.userId === invitee.user.id)?.role).toBe('representative');
    // An expired invitation is refused.
    await api(owner.s, 'POST', `/api/v1/organisations/${slug}/invitations`, { email: member.user.email });
    const [late] = await ctx.database.db.select().from(mailOutbox).where(and(eq(mailOutbox.toAddress, member.user.email), eq(mailOutbox.kind, 'organisation_invitation')));
    await ctx.database.db.update(organisationInvitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(organisationInvitations.email, member.user.email));
    const expired = await api(member.s, 'POST', '/api/v1/organisation-invitations/accept', { token: /token=([\w-]+)/.exec(late!.textBody)![1]! });
    expect(expired.json().error.code).toBe('INVITATION_INVALID');
  });

  it('never leaves an organisation without an owner: the owner transfers first, then may leave', async () => {
    const owner = await person();
    const { slug } = await newOrganisation(owner);
    const next = await person();
    const org = await orgRow(slug);
    await ctx.database.db.insert(organisationMembers).values({ organisationId: org.id, userId: next.user.id, role: 'member' });
    expect((await api(owner.s, 'POST', `/api/v1/organisations/${slug}/leave`)).json().error.code).toBe('OWNER_REQUIRED');
    expect((await api(next.s, 'POST', `/api/v1/organisations/${slug}/transfer`, { handle: owner.user.handle, confirm: true })).json().error.code).toBe('NOT_OWNER');
    expect((await api(owner.s, 'POST', `/api/v1/organisations/${slug}/transfer`, { handle: next.user.handle })).json().error.details.fields).toEqual({ confirm: 'Cochez la case pour confirmer le transfert.' });
    expect((await api(owner.s, 'POST', `/api/v1/organisations/${slug}/transfer`, { handle: next.user.handle, confirm: true })).statusCode).toBe(204);
    expect((await api(owner.s, 'POST', `/api/v1/organisations/${slug}/leave`)).statusCode).toBe(204);
    const roles = await ctx.database.db.select().from(organisationMembers).where(eq(organisationMembers.organisationId, org.id));
    expect(roles.map((r) => [r.userId, r.role])).toEqual([[next.user.id, 'owner']]);
    expect((await api(next.s, 'POST', `/api/v1/organisations/${slug}/members`, { handle: next.user.handle, role: 'member' })).json().error.code).toBe('NOT_OWNER');
  });
});

describe('the logo', () => {
  it('goes through the media pipeline (re-encoded WebP) for owners and representatives only', async () => {
    const owner = await person();
    const { slug } = await newOrganisation(owner);
    const image = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#5b2a86' } }).png().toBuffer();
    const boundary = '----ec-logo';
    const payload = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="logo.png"\r\nContent-Type: image/png\r\n\r\n`), image, Buffer.from(`\r\n--${boundary}--\r\n`)]);
    const put = (s: Session) => ctx.app.inject({ method: 'PUT', url: `/api/v1/organisations/${slug}/logo`, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
    const stranger = await person();
    expect((await put(stranger.s)).statusCode).toBe(403);
    expect((await put(owner.s)).statusCode).toBe(204);
    const logoUrl = (await api(null, 'GET', `/api/v1/organisations/${slug}`)).json<{ logoUrl: string }>().logoUrl;
    expect(logoUrl).toMatch(/^\/media\/[\w-]+\.webp$/);
    const file = await ctx.app.inject({ method: 'GET', url: logoUrl, headers: { cookie: owner.s.cookie } });
    expect(file.headers['content-type']).toBe('image/webp');
    expect((await sharp(file.rawPayload).metadata()).width).toBe((await sharp(file.rawPayload).metadata()).height);
  });
});

describe('the honour charter per caisse and partnerships', () => {
  it('records who signed which version for which caisse; the organisation becomes that caisse’s partner', async () => {
    const owner = await person();
    const { slug } = await newOrganisation(owner);
    const member = await person();
    const org = await orgRow(slug);
    await ctx.database.db.insert(organisationMembers).values({ organisationId: org.id, userId: member.user.id, role: 'member' });
    const listed = (await api(null, 'GET', `/api/v1/organisations/${slug}/charter`)).json<{ items: { caisse: { slug: string }; version: number; text: string; canSign: boolean }[] }>();
    expect(listed.items.find((c) => c.caisse.slug === caisse.slug)).toMatchObject({ version: 1, text: 'Nous tenons parole.\n\nNous prévenons à temps.', canSign: false });
    expect((await api(member.s, 'POST', `/api/v1/organisations/${slug}/charter`, { caisse: caisse.slug, accept: true })).json().error.code).toBe('NOT_REPRESENTATIVE');
    expect((await api(owner.s, 'POST', `/api/v1/organisations/${slug}/charter`, { caisse: caisse.slug, accept: false })).statusCode).toBe(400);
    const signed = await api(owner.s, 'POST', `/api/v1/organisations/${slug}/charter`, { caisse: caisse.slug, accept: true });
    expect(signed.json().items).toEqual([expect.objectContaining({ caisse: { slug: caisse.slug, name: 'Caisse du Plateau' }, status: 'active', charterVersion: 1, signedBy: owner.user.displayName })]);
    expect((await api(owner.s, 'POST', `/api/v1/organisations/${slug}/charter`, { caisse: caisse.slug, accept: true })).json().error.code).toBe('CHARTER_ALREADY_SIGNED');
    const [sig] = await ctx.database.db.select().from(charterSignatures).where(eq(charterSignatures.organisationId, org.id));
    expect(sig).toMatchObject({ caisseId: caisse.id, version: 1, signedBy: owner.user.id });
    const page = await ctx.app.inject({ method: 'GET', url: `/organisations/${slug}` });
    expect(page.body).toContain('Partenaire de Caisse du Plateau depuis le');
    expect((await api(null, 'GET', `/api/v1/organisations/${slug}`)).json().partner).toBe(true);
  });

  it('lets staff of this caisse, not of another, suspend with a reason (audited) and reinstate', async () => {
    const owner = await person();
    const { slug } = await newOrganisation(owner);
    await api(owner.s, 'POST', `/api/v1/organisations/${slug}/charter`, { caisse: caisse.slug, accept: true });
    const staff = await person({ role: { role: 'staff', caisseId: caisse.id } });
    const stranger = await person({ role: { role: 'staff', caisseId: other.id } });
    const url = `/api/v1/organisations/${slug}/partnerships/${caisse.slug}`;
    expect((await api(stranger.s, 'PATCH', url, { status: 'suspended', reason: 'Non' })).statusCode).toBe(403);
    expect((await api(owner.s, 'PATCH', url, { status: 'suspended', reason: 'Non' })).statusCode).toBe(403);
    expect((await api(staff.s, 'PATCH', url, { status: 'suspended' })).json().error.details.fields).toEqual({ reason: 'Indiquez le motif de la suspension.' });
    const suspended = await api(staff.s, 'PATCH', url, { status: 'suspended', reason: 'Engagements non tenus' });
    expect(suspended.json().items[0]).toMatchObject({ status: 'suspended', reason: 'Engagements non tenus' });
    expect((await api(null, 'GET', `/api/v1/organisations/${slug}/partnerships`)).json().items[0].reason).toBeNull();
    expect((await api(null, 'GET', `/api/v1/organisations/${slug}`)).json().partner).toBe(false);
    expect((await api(staff.s, 'PATCH', url, { status: 'active' })).json().items[0].status).toBe('active');
    // The same through the organisation's page: staff see the form, others do not.
    const asStaff = await ctx.app.inject({ method: 'GET', url: `/organisations/${slug}`, headers: { cookie: staff.s.cookie } });
    expect(asStaff.body).toContain(`action="/organisations/${slug}/partenariats/${caisse.slug}"`);
    const asStranger = await ctx.app.inject({ method: 'GET', url: `/organisations/${slug}`, headers: { cookie: stranger.s.cookie } });
    expect(asStranger.body).not.toContain('/partenariats/');
    const viaForm = await ctx.app.inject({ method: 'POST', url: `/organisations/${slug}/partenariats/${caisse.slug}`, headers: { ...FORM, cookie: staff.s.cookie }, payload: form({ _csrf: staff.s.csrf, status: 'suspended', reason: 'Plainte reçue' }) });
    expect([viaForm.statusCode, viaForm.headers.location]).toEqual([303, `/organisations/${slug}?fait=suspendu#org-partnerships`]);
    const after = await ctx.app.inject({ method: 'GET', url: `/organisations/${slug}`, headers: { cookie: owner.s.cookie } });
    expect(after.body).toContain('Motif : Plainte reçue');
    const org = await orgRow(slug);
    const logged = await ctx.database.db.select().from(auditLog).where(eq(auditLog.subjectId, org.id));
    expect(logged.map((l) => l.action)).toEqual(expect.arrayContaining(['partnership.suspend', 'partnership.reinstate']));
  });
});

describe('the capacity catalogue', () => {
  async function partnerWithCapacity(amount: number) {
    const rep = await person();
    const org = await createOrganisation(ctx, { representativeId: rep.user.id, partner: true });
    const declared = await api(rep.s, 'POST', `/api/v1/organisations/${org.slug}/capacities`, { kind: 'hours', amount, period: 'month', labelFr: 'Comptabilité', labelEn: 'Accounting' });
    expect(declared.statusCode).toBe(201);
    return { rep, org, capacityId: declared.json<{ id: string }>().id };
  }

  it('is declared by a partner’s representative only, and shows used and remaining', async () => {
    const { org } = await partnerWithCapacity(10);
    const member = await person();
    await ctx.database.db.insert(organisationMembers).values({ organisationId: org.id, userId: member.user.id, role: 'member' });
    expect((await api(member.s, 'POST', `/api/v1/organisations/${org.slug}/capacities`, { kind: 'money', amount: 500000, period: 'year', labelFr: 'Fonds', labelEn: 'Fund' })).statusCode).toBe(403);
    const rep = await person();
    const notPartner = await createOrganisation(ctx, { representativeId: rep.user.id });
    expect((await api(rep.s, 'POST', `/api/v1/organisations/${notPartner.slug}/capacities`, { kind: 'hours', amount: 5, period: 'month', labelFr: 'Aide', labelEn: 'Help' })).json().error.code).toBe('NOT_PARTNER_REPRESENTATIVE');
    const list = (await api(null, 'GET', `/api/v1/organisations/${org.slug}/capacities`)).json();
    expect(list.items).toEqual([expect.objectContaining({ kind: 'hours', unit: 'hours', amount: 10, used: 0, remaining: 10, period: 'month', label: 'Comptabilité', periodKey: localToday(new Date()).slice(0, 7) })]);
  });

  it('is consumed as pledges are fulfilled, never below zero, under 20 parallel fulfilments', async () => {
    const { rep, org, capacityId } = await partnerWithCapacity(10);
    const promoter = await createUser(ctx);
    const project = await createProject(ctx, { promoterId: promoter.id, territoryId: territory.id, caisseId: caisse.id });
    const deps = ctx.app.deps;
    const repActor = asActor(rep.user);
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const need = await createNeed(ctx, { projectId: project.id, kind: 'volunteering', quantity: 5 });
      const p = await createPledge(deps, repActor, need.id, { quantity: 1, startDate: localToday(new Date()), endDate: null, message: '', organisationId: org.id, capacityId, showName: false });
      await transitionPledge(deps, asActor(promoter), p.id, { to: 'accepted', reason: '' });
      await transitionPledge(deps, asActor(promoter), p.id, { to: 'fulfilled', reason: '' });
      ids.push(p.id);
    }
    const results = await Promise.allSettled(ids.map((id) => transitionPledge(deps, repActor, id, { to: 'fulfilled', reason: '' })));
    const done = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(done).toHaveLength(10);
    expect(refused.map((r) => (r.reason as AppError).code)).toEqual(Array(10).fill('CAPACITY_EXHAUSTED'));
    const [usage] = await ctx.database.db.select().from(capacityUsage).where(eq(capacityUsage.capacityId, capacityId));
    expect(usage!.used).toBe(10);
    const listed = (await api(null, 'GET', `/api/v1/organisations/${org.slug}/capacities`)).json().items[0];
    expect([listed.used, listed.remaining]).toEqual([10, 0]);
    // A new pledge drawing on the exhausted capacity is refused up front.
    const need = await createNeed(ctx, { projectId: project.id, kind: 'volunteering', quantity: 5 });
    const again = await api(rep.s, 'POST', `/api/v1/needs/${need.id}/pledges`, { quantity: 1, startDate: localToday(new Date()), organisationId: org.id, capacityId });
    expect(again.json().error.code).toBe('CAPACITY_EXHAUSTED');
    // The dashboard adds it all up, for the organisation's people and the caisse's staff only.
    const dash = (await api(rep.s, 'GET', `/api/v1/organisations/${org.slug}/dashboard`)).json();
    expect(dash.pledgesByStatus).toMatchObject({ fulfilled: 10, accepted: 10 });
    expect(dash.projects).toEqual([expect.objectContaining({ id: project.id, pledges: 20 })]);
    expect(dash.impact).toMatchObject({ hours: 10, pledges: 10 });
    expect(dash.capacities[0]).toMatchObject({ used: 10, remaining: 0 });
    const stranger = await person();
    expect((await api(stranger.s, 'GET', `/api/v1/organisations/${org.slug}/dashboard`)).statusCode).toBe(403);
    const html = await ctx.app.inject({ method: 'GET', url: `/organisations/${org.slug}/tableau-de-bord`, headers: { cookie: rep.s.cookie } });
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('Capacités : utilisé et restant');
  });

  it('refuses a capacity of another organisation or in another unit', async () => {
    const { rep, org, capacityId } = await partnerWithCapacity(10);
    const promoter = await createUser(ctx);
    const project = await createProject(ctx, { promoterId: promoter.id, territoryId: territory.id });
    const money = await createNeed(ctx, { projectId: project.id, kind: 'funding', quantity: 10000 });
    const res = await api(rep.s, 'POST', `/api/v1/needs/${money.id}/pledges`, { quantity: 500, startDate: localToday(new Date()), organisationId: org.id, capacityId });
    expect(res.json().error.code).toBe('CAPACITY_NOT_FOUND');
    const hours = await createNeed(ctx, { projectId: project.id, kind: 'volunteering', quantity: 5 });
    const mine = await api(rep.s, 'POST', `/api/v1/needs/${hours.id}/pledges`, { quantity: 1, startDate: localToday(new Date()), organisationId: null, capacityId });
    expect(mine.json().error.code).toBe('CAPACITY_NOT_FOUND');
  });
});

describe('pledging on its honour where the partnership applies', () => {
  it('is offered and accepted only for a partner of a caisse serving the project’s territory', async () => {
    const rep = await person();
    const elsewhere = await createOrganisation(ctx, { representativeId: rep.user.id, partnerOf: [other.id], name: 'Atelier Ailleurs' });
    const promoter = await createUser(ctx);
    const project = await createProject(ctx, { promoterId: promoter.id, territoryId: territory.id, caisseId: caisse.id });
    const need = await createNeed(ctx, { projectId: project.id, kind: 'volunteering', quantity: 5 });
    const page = await ctx.app.inject({ method: 'GET', url: `/besoins/${need.id}/engagement`, headers: { cookie: rep.s.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain(`value="${elsewhere.id}"`);
    const body = { quantity: 1, startDate: localToday(new Date()), organisationId: elsewhere.id };
    const refused = await api(rep.s, 'POST', `/api/v1/needs/${need.id}/pledges`, body);
    expect([refused.statusCode, refused.json().error.code]).toEqual([403, 'PARTNER_OUTSIDE_TERRITORY']);
    expect(refused.json().error.message).toContain('dessert le territoire de ce projet');
    const here = await createOrganisation(ctx, { representativeId: rep.user.id, partnerOf: [caisse.id], name: 'Atelier Ici' });
    const offered = await ctx.app.inject({ method: 'GET', url: `/besoins/${need.id}/engagement`, headers: { cookie: rep.s.cookie } });
    expect(offered.body).toContain(`value="${here.id}"`);
    expect(offered.body).not.toContain(`value="${elsewhere.id}"`);
    const ok = await api(rep.s, 'POST', `/api/v1/needs/${need.id}/pledges`, { ...body, organisationId: here.id });
    expect([ok.statusCode, ok.json().onHonour]).toEqual([201, true]);
  });

  it('keeps the pledge as it was and says so on its page when the capacity ran out at fulfilment', async () => {
    const rep = await person();
    const org = await createOrganisation(ctx, { representativeId: rep.user.id, partnerOf: [caisse.id] });
    const declared = await api(rep.s, 'POST', `/api/v1/organisations/${org.slug}/capacities`, { kind: 'hours', amount: 2, period: 'month', labelFr: 'Aide', labelEn: 'Help' });
    const capacityId = declared.json<{ id: string }>().id;
    const promoter = await person();
    const project = await createProject(ctx, { promoterId: promoter.user.id, territoryId: territory.id, caisseId: caisse.id });
    const ids: string[] = [];
    for (const quantity of [2, 1]) {
      const need = await createNeed(ctx, { projectId: project.id, kind: 'volunteering', quantity: 5 });
      const p = await createPledge(ctx.app.deps, asActor(rep.user), need.id, { quantity, startDate: localToday(new Date()), endDate: null, message: '', organisationId: org.id, capacityId, showName: false });
      await transitionPledge(ctx.app.deps, asActor(promoter.user), p.id, { to: 'accepted', reason: '' });
      await transitionPledge(ctx.app.deps, asActor(promoter.user), p.id, { to: 'fulfilled', reason: '' });
      ids.push(p.id);
    }
    await transitionPledge(ctx.app.deps, asActor(rep.user), ids[0]!, { to: 'fulfilled', reason: '' });
    const before = (await ctx.database.db.select().from(pledgesTable).where(eq(pledgesTable.id, ids[1]!)))[0]!;
    const post = (s: Session) => ctx.app.inject({ method: 'POST', url: `/engagements/${ids[1]}/transition`, headers: { ...FORM, cookie: s.cookie }, payload: form({ _csrf: s.csrf, to: 'fulfilled', returnTo: '/moi/contributions' }) });
    const res = await post(rep.s);
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('La capacité de l’organisme pour cette période est épuisée');
    expect(res.body).toContain('role="alert"');
    const after = (await ctx.database.db.select().from(pledgesTable).where(eq(pledgesTable.id, ids[1]!)))[0]!;
    expect(after.status).toBe(before.status);
    expect(after.updatedAt.getTime()).toBe(before.updatedAt.getTime());
  });
});

describe('demo charters', () => {
  it('are ensured at every start, also on a database seeded before charters existed', async () => {
    expect(await seedIfEmpty(ctx.app.deps)).toBe(false);
    const late = await createCaisse(ctx, { name: 'Caisse Tardive' });
    await ensureReferenceData(ctx.app.deps);
    await ensureReferenceData(ctx.app.deps);
    const rows = await ctx.database.db.select().from(charters).where(eq(charters.caisseId, late.id));
    expect(rows.map((r) => r.version)).toEqual([1]);
  });

  it('publishes a bilingual v1 for each caisse without one, once', async () => {
    const fresh = await createCaisse(ctx, { name: 'Caisse Neuve' });
    expect(await seedCharters(ctx.app.deps)).toBeGreaterThanOrEqual(1);
    expect(await seedCharters(ctx.app.deps)).toBe(0);
    const rows = await ctx.database.db.select().from(charters).where(eq(charters.caisseId, fresh.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ version: 1 });
    expect(rows[0]!.textFr).toContain('charte d’honneur de Caisse Neuve');
    expect(rows[0]!.textEn).toContain('honour charter of Caisse Neuve');
  });
});

describe('signing up for an organisation', () => {
  it('asks "for yourself or for an organisation?" and leads to creating it once the address is verified', async () => {
    const page = await ctx.app.inject({ method: 'GET', url: '/inscription?pour=organisme' });
    expect(page.body).toContain('Vous vous inscrivez…');
    expect(page.body).toMatch(/value="organisation"[^>]*checked/);
    const anon = await ctx.app.inject({ method: 'GET', url: '/connexion' });
    const cookie = [anon.headers['set-cookie']].flat().map((c) => String(c).split(';')[0]).join('; ');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(anon.body)![1]!;
    const email = `org-${Date.now()}@example.test`;
    const res = await ctx.app.inject({ method: 'POST', url: '/inscription', headers: { ...FORM, cookie }, payload: form({ _csrf: csrf, displayName: 'Nadia Roy', email, password: 'correct horse battery', territory: territory.slug, locale: 'fr', ageConfirmed: 'on', acceptTerms: 'on', joiningAs: 'organisation' }) });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('vous pourrez inscrire votre organisme');
    const next = [res.headers['set-cookie']].flat().find((c) => String(c).startsWith('ec_signup_org='));
    expect(next).toBeDefined();
    const [mail] = await ctx.database.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, email));
    const token = /token=([\w-]+)/.exec(mail!.textBody)![1]!;
    const verified = await ctx.app.inject({ method: 'POST', url: '/verifier-courriel', headers: { ...FORM, cookie: `${cookie}; ec_signup_org=1` }, payload: form({ _csrf: csrf, token }) });
    expect(verified.statusCode).toBe(303);
    expect(verified.headers.location).toBe('/organisations/nouvelle?bienvenue=1');
  });
});
