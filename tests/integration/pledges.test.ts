import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createCaisse, createNeed, createOrganisation, createProject, createTerritory, createUser, FORM, form, signIn, visitor } from '../helpers/factories.js';
import { pledgeEvents, pledges } from '../../src/modules/pledges/pledges.tables.js';
import { needs } from '../../src/modules/needs/needs.tables.js';
import { notifications } from '../../src/modules/notifications/notifications.tables.js';
import { organisationMembers } from '../../src/modules/organisations/organisations.tables.js';
import { localToday } from '../../src/modules/pledges/pledges.policy.js';

let ctx: TestContext;
let territoryId: string;
let promoter: Awaited<ReturnType<typeof createUser>>;
type Session = { cookie: string; csrf: string };

beforeAll(async () => {
  ctx = await createTestApp();
  territoryId = (await createTerritory(ctx)).id;
  // A caisse serves it: organisations pledge on their honour only where a caisse they signed with serves.
  await createCaisse(ctx, { territoryIds: [territoryId] });
  promoter = await createUser(ctx, { territoryId });
});
afterAll(() => ctx.close());

const today = localToday(new Date());
const inDays = (n: number) => {
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

function api(s: Session | null, method: 'GET' | 'POST', url: string, payload?: object, headers: Record<string, string> = {}) {
  return ctx.app.inject({ method, url, headers: { ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}), ...headers }, ...(payload ? { payload } : {}) });
}

async function person(o: Parameters<typeof createUser>[1] = {}) {
  const user = await createUser(ctx, { territoryId, ...o });
  return { user, s: await signIn(ctx, user.email) };
}

async function projectWithNeed(need: Omit<Parameters<typeof createNeed>[1], 'projectId'> = {}, status: 'published' | 'draft' | 'completed' | 'in_progress' = 'published') {
  const project = await createProject(ctx, { promoterId: promoter.id, territoryId, status, title: `Ruelle verte ${Math.random().toString(36).slice(2, 7)}` });
  return { project, need: await createNeed(ctx, { projectId: project.id, ...need }) };
}

const pledgeRows = (needId: string) => ctx.database.db.select().from(pledges).where(eq(pledges.needId, needId));

describe('pledging through the API', () => {
  it('creates a proposed pledge, logs it and tells the project team in-app', async () => {
    const { project, need } = await projectWithNeed({ kind: 'volunteering', quantity: 10 });
    const { user, s } = await person();
    const res = await api(s, 'POST', `/api/v1/needs/${need.id}/pledges`, { quantity: 4, startDate: inDays(7), message: 'Disponible le samedi matin.' });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ status: 'proposed', quantity: 4, unit: 'hours', kind: 'volunteering', onHonour: false, startDate: inDays(7), endDate: null, need: { id: need.id }, project: { id: project.id } });
    const [row] = await pledgeRows(need.id);
    expect(row).toMatchObject({ supporterId: user.id, status: 'proposed', quantity: 4, message: 'Disponible le samedi matin.' });
    const events = await ctx.database.db.select().from(pledgeEvents).where(eq(pledgeEvents.pledgeId, row!.id));
    expect(events.map((e) => e.toStatus)).toEqual(['proposed']);
    const told = await ctx.database.db.select().from(notifications).where(and(eq(notifications.userId, promoter.id), eq(notifications.kind, 'pledge.proposed')));
    expect(told.find((n) => n.data.pledgeId === row!.id)).toMatchObject({ url: `/engagements/${row!.id}`, data: { projectId: project.id, projectTitle: project.title, needTitle: need.title } });
  });

  it('lists each invalid field in the request language and writes nothing', async () => {
    const { need } = await projectWithNeed();
    const { s } = await person({ locale: 'en' });
    const res = await api(s, 'POST', `/api/v1/needs/${need.id}/pledges`, { quantity: 0, startDate: 'tomorrow' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields).toEqual({ quantity: 'The value must be at least 1.', startDate: 'The format is not valid.' });
    const past = await api(s, 'POST', `/api/v1/needs/${need.id}/pledges`, { quantity: 2, startDate: inDays(-1), endDate: inDays(-3) });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.details.fields).toEqual({ startDate: 'Choose today or a date to come.', endDate: 'The end date must come after the start date.' });
    const { s: fr } = await person({ locale: 'fr' });
    const french = await api(fr, 'POST', `/api/v1/needs/${need.id}/pledges`, { quantity: 2, startDate: inDays(-1) });
    expect(french.json().error.details.fields.startDate).toBe('Choisissez aujourd’hui ou une date à venir.');
    expect(await pledgeRows(need.id)).toHaveLength(0);
  });

  it('refuses visitors, unverified e-mails and the project’s own team, each with its code', async () => {
    const { need } = await projectWithNeed();
    const payload = { quantity: 1, startDate: inDays(1) };
    expect((await api(null, 'POST', `/api/v1/needs/${need.id}/pledges`, payload)).statusCode).toBe(401);
    const { s: unverified } = await person({ verified: false });
    expect((await api(unverified, 'POST', `/api/v1/needs/${need.id}/pledges`, payload)).json().error.code).toBe('EMAIL_NOT_VERIFIED');
    const own = await api(await signIn(ctx, promoter.email), 'POST', `/api/v1/needs/${need.id}/pledges`, payload);
    expect(own.statusCode).toBe(403);
    expect(own.json().error.code).toBe('PLEDGE_OWN_PROJECT');
    expect(await pledgeRows(need.id)).toHaveLength(0);
  });

  it('refuses closed needs and needs of finished projects, and hides drafts', async () => {
    const { s } = await person();
    const payload = { quantity: 1, startDate: inDays(1) };
    const { need: closed } = await projectWithNeed();
    await ctx.database.db.update(needs).set({ closedAt: new Date() }).where(eq(needs.id, closed.id));
    const closedRes = await api(s, 'POST', `/api/v1/needs/${closed.id}/pledges`, payload);
    expect([closedRes.statusCode, closedRes.json().error.code]).toEqual([409, 'NEED_CLOSED']);
    const { need: finished } = await projectWithNeed({}, 'completed');
    expect((await api(s, 'POST', `/api/v1/needs/${finished.id}/pledges`, payload)).json().error.code).toBe('NEED_CLOSED');
    const { need: draft } = await projectWithNeed({}, 'draft');
    const hidden = await api(s, 'POST', `/api/v1/needs/${draft.id}/pledges`, payload);
    expect([hidden.statusCode, hidden.json().error.code]).toEqual([404, 'NEED_NOT_FOUND']);
  });
});

describe('the remaining quantity', () => {
  it('never lets pledges hold more than the need asks; proposals hold theirs until declined or withdrawn', async () => {
    const { need } = await projectWithNeed({ kind: 'volunteering', quantity: 10 });
    const a = await person();
    const b = await person();
    const first = await api(a.s, 'POST', `/api/v1/needs/${need.id}/pledges`, { quantity: 6, startDate: inDays(3) });
    expect(first.statusCode).toBe(201);
    const over = await api(b.s, 'POST', `/api/v1/needs/${need.id}/pledges`, { quantity: 5, startDate: inDays(3) });
    expect(over.statusCode).toBe(409);
    expect(over.json().error).toMatchObject({ code: 'NEED_OVERSUBSCRIBED', details: { remaining: 4 } });
    expect((await api(b.s, 'POST', `/api/v1/needs/${need.id}/pledges`, { quantity: 4, startDate: inDays(3) })).statusCode).toBe(201);
    const c = await person();
    const full = await api(c.s, 'POST', `/api/v1/needs/${need.id}/pledges`, { quantity: 1, startDate: inDays(3) });
    expect(full.json().error).toMatchObject({ code: 'NEED_OVERSUBSCRIBED', details: { remaining: 0 } });
    const withdrawn = await api(a.s, 'POST', `/api/v1/pledges/${first.json().id}/transitions`, { to: 'withdrawn', reason: 'Empêchement' });
    expect(withdrawn.statusCode).toBe(200);
    expect((await api(c.s, 'POST', `/api/v1/needs/${need.id}/pledges`, { quantity: 6, startDate: inDays(3) })).statusCode).toBe(201);
    const held = (await pledgeRows(need.id)).filter((p) => ['proposed', 'accepted', 'fulfilled'].includes(p.status));
    expect(held.reduce((sum, p) => sum + p.quantity, 0)).toBe(10);
  });
});

describe('pledging on behalf of an organisation', () => {
  it('lets a partner’s representative pledge on its honour', async () => {
    const { need } = await projectWithNeed({ kind: 'loan', quantity: 200_000 });
    const { user, s } = await person();
    const org = await createOrganisation(ctx, { representativeId: user.id, partner: true, name: 'Café Olimpico' });
    const res = await api(s, 'POST', `/api/v1/needs/${need.id}/pledges`, { quantity: 200_000, startDate: inDays(10), organisationId: org.id });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ onHonour: true, organisation: { slug: org.slug, name: 'Café Olimpico' }, unit: 'cents', quantity: 200_000 });
    expect((await pledgeRows(need.id))[0]).toMatchObject({ organisationId: org.id, onHonour: true });
  });

  it('refuses organisations that are not partners, and members who are not representatives', async () => {
    const { need } = await projectWithNeed();
    const rep = await person();
    const notPartner = await createOrganisation(ctx, { representativeId: rep.user.id, partner: false });
    const refused = await api(rep.s, 'POST', `/api/v1/needs/${need.id}/pledges`, { quantity: 1, startDate: inDays(1), organisationId: notPartner.id });
    expect([refused.statusCode, refused.json().error.code]).toEqual([403, 'NOT_PARTNER_REPRESENTATIVE']);
    const member = await person();
    const partner = await createOrganisation(ctx, { representativeId: rep.user.id, partner: true });
    await ctx.database.db.insert(organisationMembers).values({ organisationId: partner.id, userId: member.user.id, role: 'member' });
    expect((await api(member.s, 'POST', `/api/v1/needs/${need.id}/pledges`, { quantity: 1, startDate: inDays(1), organisationId: partner.id })).json().error.code).toBe('NOT_PARTNER_REPRESENTATIVE');
    expect(await pledgeRows(need.id)).toHaveLength(0);
  });
});

describe('Idempotency-Key', () => {
  it('answers 20 parallel identical POSTs with one pledge and identical answers', async () => {
    const { need } = await projectWithNeed({ quantity: 50 });
    const { s } = await person();
    const headers = { 'idempotency-key': `cle-${need.id}` };
    const answers = await Promise.all(Array.from({ length: 20 }, () => api(s, 'POST', `/api/v1/needs/${need.id}/pledges`, { quantity: 2, startDate: inDays(2) }, headers)));
    expect(new Set(answers.map((r) => r.statusCode))).toEqual(new Set([201]));
    expect(new Set(answers.map((r) => r.body)).size).toBe(1);
    expect(await pledgeRows(need.id)).toHaveLength(1);
    const other = await api(s, 'POST', `/api/v1/needs/${need.id}/pledges`, { quantity: 3, startDate: inDays(2) }, headers);
    expect(other.statusCode).toBe(422);
  });
});

describe('concurrency on PostgreSQL', () => {
  it.runIf(!!process.env.TEST_DATABASE_URL)('gives the last cargo bike to exactly one of ten people pledging at once', async () => {
    const { need } = await projectWithNeed({ kind: 'material', quantity: 1, materialMode: 'lend', title: 'Vélo-cargo' });
    const people = await Promise.all(Array.from({ length: 10 }, () => person()));
    const answers = await Promise.all(people.map(({ s }) => api(s, 'POST', `/api/v1/needs/${need.id}/pledges`, { quantity: 1, startDate: inDays(5) })));
    const statuses = answers.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([201, ...Array(9).fill(409)]);
    expect(answers.filter((r) => r.statusCode === 409).every((r) => r.json().error.code === 'NEED_OVERSUBSCRIBED')).toBe(true);
    expect(await pledgeRows(need.id)).toHaveLength(1);
  });
});

describe('pledging through the HTML form', () => {
  const post = (s: Session, url: string, data: Record<string, string>) => ctx.app.inject({ method: 'POST', url, headers: { ...FORM, cookie: s.cookie }, payload: form({ _csrf: s.csrf, ...data }) });

  it('asks a visitor to sign in first', async () => {
    const { need } = await projectWithNeed();
    const v = await visitor(ctx);
    const res = await ctx.app.inject({ method: 'GET', url: `/besoins/${need.id}/engagement`, headers: { cookie: v.cookie } });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/connexion?retour=${encodeURIComponent(`/besoins/${need.id}/engagement`)}`);
  });

  it('restates the commitment, creates nothing until confirmed, then goes to my contributions', async () => {
    const { project, need } = await projectWithNeed({ kind: 'volunteering', quantity: 10 });
    const { s } = await person();
    const page = await ctx.app.inject({ method: 'GET', url: `/besoins/${need.id}/engagement`, headers: { cookie: s.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Nombre d’heures');
    expect(page.body).toContain('Il reste 10 heures à combler.');
    const values = { quantity: '4', startDate: inDays(7), endDate: '', message: 'À bientôt' };
    const preview = await post(s, `/besoins/${need.id}/engagement`, values);
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain(`Vous vous engagez à donner 4 heures de bénévolat au projet « ${project.title} » le `);
    expect(preview.body).toContain('name="step" value="confirm"');
    expect(await pledgeRows(need.id)).toHaveLength(0);

    const change = await post(s, `/besoins/${need.id}/engagement/confirmer`, { ...values, step: 'change' });
    expect(change.statusCode).toBe(200);
    expect(change.body).toContain('value="4"');
    expect(change.body).toContain('À bientôt');
    expect(await pledgeRows(need.id)).toHaveLength(0);

    const confirmed = await post(s, `/besoins/${need.id}/engagement/confirmer`, { ...values, step: 'confirm' });
    expect(confirmed.statusCode).toBe(303);
    expect(confirmed.headers.location).toBe('/moi/contributions?fait=created');
    expect((await pledgeRows(need.id)).map((p) => [p.quantity, p.status, p.message])).toEqual([[4, 'proposed', 'À bientôt']]);
    const mine = await ctx.app.inject({ method: 'GET', url: '/moi/contributions?fait=created', headers: { cookie: s.cookie } });
    expect(mine.body).toContain('Votre engagement est proposé');
    expect(mine.body).toContain(need.title);
  });

  it('takes money in dollars and stores cents; an on-honour choice shows for partners', async () => {
    const { need } = await projectWithNeed({ kind: 'loan', quantity: 200_000 });
    const { user, s } = await person({ locale: 'en' });
    const org = await createOrganisation(ctx, { representativeId: user.id, partner: true, name: 'Quincaillerie Beaubien' });
    const page = await ctx.app.inject({ method: 'GET', url: `/besoins/${need.id}/engagement`, headers: { cookie: s.cookie } });
    expect(page.body).toContain('Amount in dollars');
    expect(page.body).toContain('On behalf of Quincaillerie Beaubien, on our honour');
    const values = { quantity: '$2,000', startDate: inDays(14), organisationId: org.id };
    const preview = await post(s, `/besoins/${need.id}/engagement`, values);
    expect(preview.body).toContain('On behalf of Quincaillerie Beaubien, on their honour.');
    expect(preview.body).toContain('You commit to lend $2,000.00');
    const confirmed = await post(s, `/besoins/${need.id}/engagement/confirmer`, { ...values, step: 'confirm' });
    expect(confirmed.statusCode).toBe(303);
    expect((await pledgeRows(need.id))[0]).toMatchObject({ quantity: 200_000, organisationId: org.id, onHonour: true });
  });

  it('keeps the values and says what is wrong, field by field, when the form is refused', async () => {
    const { need } = await projectWithNeed({ kind: 'volunteering', quantity: 3 });
    const { s } = await person();
    const bad = await post(s, `/besoins/${need.id}/engagement`, { quantity: 'quatre', startDate: '', message: 'Gardé ici' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Entrez un nombre entier, par exemple 4.');
    expect(bad.body).toContain('Gardé ici');
    expect(bad.body).toContain('aria-invalid="true"');
    const over = await post(s, `/besoins/${need.id}/engagement/confirmer`, { quantity: '5', startDate: inDays(2), step: 'confirm' });
    expect(over.statusCode).toBe(400);
    expect(over.body).toContain('C’est plus que ce qui reste à combler (3 heures).');
    expect(await pledgeRows(need.id)).toHaveLength(0);
  });

  it('explains why the project’s own team cannot pledge instead of showing the form', async () => {
    const { need } = await projectWithNeed();
    const s = await signIn(ctx, promoter.email);
    const res = await ctx.app.inject({ method: 'GET', url: `/besoins/${need.id}/engagement`, headers: { cookie: s.cookie } });
    expect(res.body).toContain('Vous faites partie de l’équipe de ce projet');
    expect(res.body).not.toContain('name="quantity"');
  });
});
