import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createNeed, createProject, createTerritory, createUser, FORM, form, signIn } from '../helpers/factories.js';
import { needs } from '../../src/modules/needs/needs.tables.js';
import { pledges } from '../../src/modules/pledges/pledges.tables.js';
import { type PledgeStatus } from '../../src/modules/pledges/pledges.domain.js';
import { newId } from '../../src/db/ids.js';
import { needsWithProgress } from '../../src/modules/needs/needs.service.js';

let ctx: TestContext;
let territoryId: string;
beforeAll(async () => {
  ctx = await createTestApp();
  territoryId = (await createTerritory(ctx)).id;
});
afterAll(() => ctx.close());

type Session = { cookie: string; csrf: string };
async function promoterWithProject(status: 'draft' | 'published' = 'published', locale: 'fr' | 'en' = 'fr') {
  const user = await createUser(ctx, { locale });
  const project = await createProject(ctx, { promoterId: user.id, territoryId, status });
  return { user, project, s: await signIn(ctx, user.email) };
}
const api = (s: Session | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}, ...(payload ? { payload } : {}) });
const rowOf = async (id: string) => (await ctx.database.db.select().from(needs).where(eq(needs.id, id)))[0]!;
const pledge = (need: { id: string; projectId: string }, quantity: number, status: PledgeStatus) =>
  ctx.database.db.insert(pledges).values({ id: newId(), needId: need.id, projectId: need.projectId, quantity, status });

describe('creating needs through the API', () => {
  it('derives the unit from the kind and keeps only the fields of that kind', async () => {
    const { project, s } = await promoterWithProject();
    const cases = [
      [{ kind: 'volunteering', title: 'Corvée du samedi', quantity: 10, loanTermMonths: 12 }, 'hours'],
      [{ kind: 'expertise', title: 'Tenue de livres', quantity: 6, paid: true, rateCents: 4500, skills: ['comptabilité'] }, 'hours'],
      [{ kind: 'funding', title: 'Achat de semences', quantity: 50_000 }, 'cents'],
      [{ kind: 'loan', title: 'Prêt pour le vélo', quantity: 200_000, loanTermMonths: 12, loanRateBps: 0 }, 'cents'],
      [{ kind: 'material', title: 'Vélo-cargo', quantity: 1, materialMode: 'lend', returnDate: '2026-09-30' }, 'items'],
      [{ kind: 'product', title: 'Pots de confiture', quantity: 40 }, 'items'],
      [{ kind: 'service', title: 'Impression d’affiches', quantity: 1, deadline: '2026-06-01' }, 'items'],
    ] as const;
    for (const [body, unit] of cases) {
      const res = await api(s, 'POST', `/api/v1/projects/${project.id}/needs`, body);
      expect(res.statusCode, JSON.stringify(res.json())).toBe(201);
      expect(res.json()).toMatchObject({ kind: body.kind, unit, status: 'open', progress: { accepted: 0, percent: 0 } });
    }
    const list = (await api(null, 'GET', `/api/v1/projects/${project.id}/needs`)).json().items;
    expect(list.map((n: { kind: string }) => n.kind)).toEqual(cases.map(([b]) => b.kind));
    expect(list[0]).toMatchObject({ loanTermMonths: null, paid: false });
    expect(list[1]).toMatchObject({ paid: true, rateCents: 4500, currency: 'CAD', skills: ['comptabilité'] });
    expect(list[3]).toMatchObject({ loanTermMonths: 12, loanRateBps: 0 });
    expect(list[4]).toMatchObject({ materialMode: 'lend', returnDate: '2026-09-30' });
  });

  it('says which kind-specific field is missing, in French and in English', async () => {
    const fr = await promoterWithProject();
    const loan = await api(fr.s, 'POST', `/api/v1/projects/${fr.project.id}/needs`, { kind: 'loan', title: 'Prêt', quantity: 1000 });
    expect(loan.statusCode).toBe(400);
    expect(loan.json().error.details.fields).toEqual({ loanTermMonths: 'Ce champ est obligatoire.', loanRateBps: 'Ce champ est obligatoire.' });
    const en = await promoterWithProject('published', 'en');
    const material = await api(en.s, 'POST', `/api/v1/projects/${en.project.id}/needs`, { kind: 'material', title: 'Ladder', quantity: 1, materialMode: 'lend' });
    expect(material.json().error.details.fields).toEqual({ returnDate: 'This field is required.' });
    const paid = await api(en.s, 'POST', `/api/v1/projects/${en.project.id}/needs`, { kind: 'expertise', title: 'Accounting', quantity: 0, paid: true });
    expect(paid.json().error.details.fields).toEqual({ quantity: 'The value must be at least 1.', rateCents: 'This field is required.' });
    expect((await ctx.database.db.select().from(needs).where(eq(needs.projectId, en.project.id)))).toHaveLength(0);
  });

  it('lets only the team add needs (403 on a public project, 404 on a draft)', async () => {
    const { project } = await promoterWithProject();
    const draft = await promoterWithProject('draft');
    const stranger = await signIn(ctx, (await createUser(ctx)).email);
    const body = { kind: 'volunteering', title: 'Intrusion', quantity: 1 };
    expect((await api(stranger, 'POST', `/api/v1/projects/${project.id}/needs`, body)).statusCode).toBe(403);
    expect((await api(stranger, 'POST', `/api/v1/projects/${draft.project.id}/needs`, body)).statusCode).toBe(404);
  });
});

describe('the need form (no JS)', () => {
  it('reads dollars, percent and comma-separated skills, and goes back to the edit page', async () => {
    const { project, s } = await promoterWithProject();
    const post = (data: Record<string, string>) => ctx.app.inject({ method: 'POST', url: `/projets/${project.id}/besoins/nouveau`, headers: { ...FORM, cookie: s.cookie }, payload: form({ _csrf: s.csrf, ...data }) });
    const loan = await post({ kind: 'loan', title: 'Prêt sans intérêt', quantity: '2 000', loanTermMonths: '12', loanRateBps: '0', skills: '', deadline: '', rateCents: '999' });
    expect([loan.statusCode, loan.headers.location]).toEqual([303, `/projets/${project.id}/modifier?fait=besoin#besoins`]);
    const expertise = await post({ kind: 'expertise', title: 'Tenue de livres', quantity: '6', paid: 'on', rateCents: '45,50', skills: 'comptabilité, tenue de livres ' });
    expect(expertise.statusCode).toBe(303);
    const rows = await ctx.database.db.select().from(needs).where(eq(needs.projectId, project.id));
    const byKind = Object.fromEntries(rows.map((r) => [r.kind, r]));
    expect(byKind.loan).toMatchObject({ quantity: 200_000, unit: 'cents', loanTermMonths: 12, loanRateBps: 0, rateCents: null });
    expect(byKind.expertise).toMatchObject({ quantity: 6, paid: true, rateCents: 4550, skills: ['comptabilité', 'tenue de livres'] });
  });

  it('re-shows the form with the kind kept and an error on each field to fix', async () => {
    const { project, s } = await promoterWithProject();
    const res = await ctx.app.inject({ method: 'POST', url: `/projets/${project.id}/besoins/nouveau`, headers: { ...FORM, cookie: s.cookie }, payload: form({ _csrf: s.csrf, kind: 'material', title: 'Vélo-cargo', quantity: 'beaucoup', materialMode: 'lend', returnDate: '' }) });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('value="material" checked');
    expect(res.body).toContain('value="Vélo-cargo"');
    expect(res.body).toContain('id="quantity-error"');
    expect(res.body).toContain('id="returnDate-error"');
  });

  it('edits a need in dollars again, closes and reopens it', async () => {
    const { project, s } = await promoterWithProject();
    const need = await createNeed(ctx, { projectId: project.id, kind: 'funding', quantity: 50_000 });
    const page = await ctx.app.inject({ method: 'GET', url: `/besoins/${need.id}/modifier`, headers: { cookie: s.cookie } });
    expect(page.body).toContain('name="quantity" type="text" value="500"');
    const saved = await ctx.app.inject({ method: 'POST', url: `/besoins/${need.id}/modifier`, headers: { ...FORM, cookie: s.cookie }, payload: form({ _csrf: s.csrf, title: 'Semences bio', description: '', quantity: '750', skills: '', deadline: '' }) });
    expect(saved.statusCode).toBe(303);
    expect(await rowOf(need.id)).toMatchObject({ title: 'Semences bio', quantity: 75_000 });
    await ctx.app.inject({ method: 'POST', url: `/besoins/${need.id}/fermer`, headers: { ...FORM, cookie: s.cookie }, payload: form({ _csrf: s.csrf }) });
    expect((await rowOf(need.id)).closedAt).not.toBeNull();
    await ctx.app.inject({ method: 'POST', url: `/besoins/${need.id}/rouvrir`, headers: { ...FORM, cookie: s.cookie }, payload: form({ _csrf: s.csrf }) });
    expect((await rowOf(need.id)).closedAt).toBeNull();
  });
});

describe('need status, derived from pledges', () => {
  it('goes open → partly met → met from accepted and fulfilled pledges only', async () => {
    const { project, s } = await promoterWithProject();
    const need = await createNeed(ctx, { projectId: project.id, kind: 'volunteering', quantity: 10 });
    const status = async () => (await api(null, 'GET', `/api/v1/needs/${need.id}`)).json<Record<string, unknown>>();
    await pledge(need, 3, 'proposed');
    await pledge(need, 9, 'declined');
    await pledge(need, 9, 'withdrawn');
    expect(await status()).toMatchObject({ status: 'open', progress: { accepted: 0, proposed: 3, remaining: 10, available: 7, percent: 0 } });
    await pledge(need, 4, 'accepted');
    await pledge(need, 2, 'fulfilled');
    expect(await status()).toMatchObject({ status: 'partly_met', progress: { accepted: 6, proposed: 3, remaining: 4, available: 1, percent: 60 } });
    const page = await ctx.app.inject({ method: 'GET', url: `/projets/${project.id}` });
    expect(page.body).toContain('6 h sur 10 h');
    expect(page.body).toMatch(/<progress max="100" value="60"/);
    expect(page.body).toContain(`href="/besoins/${need.id}/engagement"`);
    await pledge(need, 5, 'accepted');
    expect(await status()).toMatchObject({ status: 'met', progress: { accepted: 11, remaining: 0, percent: 100, oversubscribed: true } });
    const met = await ctx.app.inject({ method: 'GET', url: `/projets/${project.id}` });
    expect(met.body).not.toContain(`href="/besoins/${need.id}/engagement"`);
    expect(met.body).toContain('Plus que demandé');
    const closed = await api(s, 'PATCH', `/api/v1/needs/${need.id}`, { closed: true });
    expect(closed.json().status).toBe('closed');
    const [fromService] = await needsWithProgress(ctx.app.deps, project.id);
    expect(fromService!.progress).toMatchObject({ status: 'closed', accepted: 11 });
  });

  it('says a need covered by proposals awaiting an answer is pending, and offers no pledge until one is declined', async () => {
    const { project, s } = await promoterWithProject();
    const need = await createNeed(ctx, { projectId: project.id, kind: 'volunteering', quantity: 5, title: 'Corvée du dimanche' });
    await pledge(need, 2, 'accepted');
    await pledge(need, 3, 'proposed');
    const json = (await api(null, 'GET', `/api/v1/needs/${need.id}`)).json();
    expect(json).toMatchObject({ status: 'pending', progress: { accepted: 2, proposed: 3, remaining: 3, available: 0 } });
    const listed = (await api(null, 'GET', `/api/v1/projects/${project.id}/needs`)).json().items[0];
    expect(listed.status).toBe('pending');
    let ns: Session | null = null;
    for (const [locale, label] of [['en', 'Covered, awaiting confirmation'], ['fr', 'Couvert en attente de confirmation']] as const) {
      ns = await signIn(ctx, (await createUser(ctx, { territoryId, locale })).email);
      const page = await ctx.app.inject({ method: 'GET', url: `/projets/${project.id}`, headers: { cookie: ns.cookie } });
      expect(page.body).toContain(label);
      expect(page.body).not.toContain('badge-need-open');
      expect(page.body).not.toContain(`href="/besoins/${need.id}/engagement"`);
    }
    const [proposed] = await ctx.database.db.select().from(pledges).where(eq(pledges.needId, need.id)).then((rows) => rows.filter((r) => r.status === 'proposed'));
    await ctx.database.db.update(pledges).set({ status: 'declined' }).where(eq(pledges.id, proposed!.id));
    expect((await api(s, 'GET', `/api/v1/needs/${need.id}`)).json()).toMatchObject({ status: 'partly_met', progress: { available: 3 } });
    const reopened = await ctx.app.inject({ method: 'GET', url: `/projets/${project.id}`, headers: { cookie: ns!.cookie } });
    expect(reopened.body).toContain(`href="/besoins/${need.id}/engagement"`);
  });

  it('refuses to edit a closed need until it is reopened', async () => {
    const { project, s } = await promoterWithProject();
    const need = await createNeed(ctx, { projectId: project.id, quantity: 3 });
    await api(s, 'PATCH', `/api/v1/needs/${need.id}`, { closed: true });
    const edit = await api(s, 'PATCH', `/api/v1/needs/${need.id}`, { quantity: 5 });
    expect([edit.statusCode, edit.json().error.code]).toEqual([409, 'NEED_CLOSED']);
    const reopened = await api(s, 'PATCH', `/api/v1/needs/${need.id}`, { closed: false, quantity: 5 });
    expect(reopened.json()).toMatchObject({ status: 'open', quantity: 5, closedAt: null });
  });

  it('sends a need’s own address to its place on the project page', async () => {
    const { project } = await promoterWithProject();
    const need = await createNeed(ctx, { projectId: project.id });
    const res = await ctx.app.inject({ method: 'GET', url: `/besoins/${need.id}` });
    expect([res.statusCode, res.headers.location]).toEqual([303, `/projets/${project.id}#need-${need.id}`]);
  });
});
