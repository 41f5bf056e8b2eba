import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createCaisse, createProject, createTerritory, createUser, FORM, form, signIn } from '../helpers/factories.js';
import { createCallFixture } from './calls.fixtures.js';
import { callApplications, calls } from '../../src/modules/calls/calls.tables.js';
import { notifications } from '../../src/modules/notifications/notifications.tables.js';
import { mailOutbox } from '../../src/platform/platform.tables.js';
import { runPhaseTick } from '../../src/modules/calls/calls.service.js';

let ctx: TestContext;
let here: { id: string; slug: string };
let there: { id: string; slug: string };
let caisse: { id: string; slug: string };
type Session = { cookie: string; csrf: string };
let staff: Session;
let staffId: string;

const api = (s: Session | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, lang: 'fr' | 'en' = 'fr') =>
  ctx.app.inject({ method, url, headers: { ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}), 'accept-language': lang }, ...(payload ? { payload } : {}) });
const DAY = 86_400_000;
const iso = (days: number) => new Date(Date.now() + days * DAY).toISOString();

async function promoter(territoryId = here.id, o: { home?: string | null; locale?: 'fr' | 'en' } = {}) {
  const user = await createUser(ctx, { territoryId: o.home === undefined ? territoryId : o.home, locale: o.locale ?? 'fr' });
  const project = await createProject(ctx, { promoterId: user.id, territoryId, title: `Ruelle ${user.id.slice(0, 5)}` });
  return { user, project, session: await signIn(ctx, user.email) };
}

beforeAll(async () => {
  ctx = await createTestApp();
  here = await createTerritory(ctx, { nameFr: 'Quartier Ici', nameEn: 'Here Neighbourhood' });
  there = await createTerritory(ctx);
  caisse = await createCaisse(ctx, { territoryIds: [here.id] });
  await createCaisse(ctx, { territoryIds: [there.id] });
  const s = await createUser(ctx, { role: { role: 'staff', caisseId: caisse.id } });
  staffId = s.id;
  staff = await signIn(ctx, s.email);
});
afterAll(() => ctx.close());

const body = () => ({
  title: 'Verdir nos ruelles', theme: 'Verdissement', description: 'Des ruelles plus vertes.', territories: [here.slug], budgetCents: 2_000_000, maxPerProjectCents: 500_000,
  opensAt: iso(-1), submissionsCloseAt: iso(20), reviewEndsAt: iso(30), resultsAt: iso(40),
  questions: [{ kind: 'long_text', label: 'Votre projet', required: true, maxLength: 300 }, { kind: 'number', label: 'Nombre de bénévoles', required: true }, { kind: 'choice', label: 'Durée', choices: ['Un été', 'Un an'] }],
  criteria: [{ label: 'Impact', weight: 3 }, { label: 'Faisabilité', weight: 1 }],
});

describe('staff create and open a call', () => {
  it('refuses wrong settings with translated field errors, then creates a draft only staff see', async () => {
    const bad = await api(staff, 'POST', '/api/v1/calls', { ...body(), maxPerProjectCents: 3_000_000, territories: [there.slug] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields.maxPerProjectCents).toBe('Le maximum par projet ne peut pas dépasser l’enveloppe.');
    const badDates = await api(staff, 'POST', '/api/v1/calls', { ...body(), submissionsCloseAt: iso(-2) });
    expect(badDates.json().error.details.fields.submissionsCloseAt).toBe('La date limite doit suivre l’ouverture.');
    const notServed = await api(staff, 'POST', '/api/v1/calls', { ...body(), territories: [there.slug] });
    expect(notServed.json().error.details.fields.territories).toBe('Choisissez des quartiers que la caisse dessert.');

    const created = await api(staff, 'POST', '/api/v1/calls', { ...body(), criteria: [] });
    expect(created.statusCode).toBe(201);
    const call = created.json();
    expect(call).toMatchObject({ phase: 'draft', status: 'draft', slug: expect.stringMatching(/^verdir-nos-ruelles/), questions: [{ kind: 'long_text' }, { kind: 'number' }, { kind: 'choice', choices: ['Un été', 'Un an'] }] });
    expect((await api(null, 'GET', `/api/v1/calls/${call.id}`)).statusCode).toBe(404);

    // Publishing needs a criterion; then it opens at once (its opening date has come).
    const noCriterion = await api(staff, 'POST', `/api/v1/calls/${call.id}/transitions`, { to: 'open' });
    expect([noCriterion.statusCode, noCriterion.json().error.details.fields.criteria]).toEqual([400, 'Ajoutez au moins un critère d’évaluation avant de publier.']);
    expect((await api(staff, 'PATCH', `/api/v1/calls/${call.id}`, { criteria: [{ label: 'Impact', weight: 2 }] })).statusCode).toBe(200);
    const skip = await api(staff, 'POST', `/api/v1/calls/${call.id}/transitions`, { to: 'review' });
    expect([skip.statusCode, skip.json().error.code, skip.json().error.message]).toEqual([409, 'CALL_TRANSITION_NOT_ALLOWED', expect.stringContaining('« brouillon »')]);
    const opened = await api(staff, 'POST', `/api/v1/calls/${call.id}/transitions`, { to: 'open' });
    expect([opened.statusCode, opened.json().phase]).toEqual([200, 'open']);
    expect((await api(null, 'GET', `/api/v1/calls/${call.slug}`)).json().criteria).toEqual([expect.objectContaining({ label: 'Impact', weight: 2 })]);

    // Once published only the description and later dates change.
    const locked = await api(staff, 'PATCH', `/api/v1/calls/${call.id}`, { budgetCents: 9_000_000, submissionsCloseAt: iso(10) });
    expect(locked.json().error.details.fields).toEqual({ budgetCents: 'Ne peut plus changer : l’appel est publié.', submissionsCloseAt: 'Une date publiée ne peut qu’être repoussée.' });
    expect((await api(staff, 'PATCH', `/api/v1/calls/${call.id}`, { description: 'Plus de verdure.', submissionsCloseAt: iso(25) })).json().description).toBe('Plus de verdure.');

    const list = await api(null, 'GET', `/api/v1/calls?when=open&territory=${here.slug}`);
    expect(list.json().items.map((c: { id: string }) => c.id)).toContain(call.id);
  });

  it('lets only staff of the caisse manage it, and schedules a call that opens later', async () => {
    const other = await signIn(ctx, (await createUser(ctx, { role: { role: 'staff', caisseId: (await createCaisse(ctx, { territoryIds: [there.id] })).id } })).email);
    const created = (await api(staff, 'POST', '/api/v1/calls', { ...body(), opensAt: iso(2) })).json();
    expect((await api(other, 'PATCH', `/api/v1/calls/${created.id}`, { title: 'Détourné' })).statusCode).toBe(404);
    expect((await api(staff, 'POST', `/api/v1/calls/${created.id}/transitions`, { to: 'open' })).json()).toMatchObject({ phase: 'draft', status: 'upcoming' });
    expect((await api(other, 'POST', `/api/v1/calls/${created.id}/transitions`, { to: 'review' })).statusCode).toBe(403);
    // The job opens it when its date comes, once.
    await runPhaseTick({ db: ctx.database.db }, new Date(Date.now() + 3 * DAY));
    const [row] = await ctx.database.db.select().from(calls).where(eq(calls.id, created.id));
    expect(row!.phase).toBe('open');
  });
});

describe('promoters apply', () => {
  it('saves a draft, validates answers on submit, submits, tells the applicant and staff, and refuses a second application', async () => {
    const call = await createCallFixture(ctx, { caisseId: caisse.id, territoryIds: [here.id], maxPerProjectCents: 500_000 });
    const p = await promoter(here.id, { locale: 'en' });
    const draft = await api(p.session, 'POST', `/api/v1/calls/${call.id}/applications`, { project: p.project.id, answers: { [call.questionIds[0]!]: 'Des bacs' } });
    expect([draft.statusCode, draft.json().status]).toEqual([201, 'draft']);
    const id = draft.json().id;

    const wrong = await api(p.session, 'PATCH', `/api/v1/applications/${id}`, { action: 'submit', requestedCents: 900_000, answers: { [call.questionIds[0]!]: 'x'.repeat(501), [call.questionIds[1]!]: 'Moyen' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details.fields).toEqual({ [`answers.${call.questionIds[0]}`]: expect.stringContaining('500'), [`answers.${call.questionIds[1]}`]: expect.any(String), requestedCents: 'The amount exceeds the maximum per project.' });
    const missing = await api(p.session, 'PATCH', `/api/v1/applications/${id}`, { action: 'submit', requestedCents: 300_000, answers: {} });
    expect(Object.keys(missing.json().error.details.fields)).toEqual([`answers.${call.questionIds[0]}`]);

    const submitted = await api(p.session, 'PATCH', `/api/v1/applications/${id}`, { action: 'submit', requestedCents: 300_000, answers: { [call.questionIds[0]!]: 'Des bacs de plantation', [call.questionIds[1]!]: 'Petit' } });
    expect(submitted.json()).toMatchObject({ status: 'submitted', requestedCents: 300_000, answers: { [call.questionIds[1]!]: 'Petit' } });
    const told = await ctx.database.db.select().from(notifications).where(eq(notifications.subjectId, id));
    expect(told.map((n) => [n.userId, n.kind]).sort()).toEqual([[p.user.id, 'call.submitted'], [staffId, 'call.new_submission']].sort());
    const mails = await ctx.database.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, p.user.email));
    expect(mails.map((m) => m.subject)).toContain(`Application submitted: Appel ${call.slug}`);

    const again = await api(p.session, 'POST', `/api/v1/calls/${call.id}/applications`, { project: p.project.id });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'CALL_APPLICATION_EXISTS']);
    expect((await api(staff, 'GET', `/api/v1/calls/${call.id}/applications`)).json().items.map((a: { id: string }) => a.id)).toEqual([id]);
    expect((await api(p.session, 'GET', `/api/v1/calls/${call.id}/applications`)).statusCode).toBe(403);

    // Withdrawing is allowed while open; after the deadline nothing changes, with a clear message.
    expect((await api(p.session, 'PATCH', `/api/v1/applications/${id}`, { action: 'withdraw' })).json().status).toBe('withdrawn');
    await ctx.database.db.update(calls).set({ opensAt: new Date(Date.now() - 5 * DAY), submissionsCloseAt: new Date(Date.now() - 1000), reviewEndsAt: new Date(Date.now() + DAY) }).where(eq(calls.id, call.id));
    const late = await api(p.session, 'PATCH', `/api/v1/applications/${id}`, { action: 'submit' }, 'en');
    expect([late.statusCode, late.json().error.code, late.json().error.message]).toEqual([409, 'CALL_PHASE_CLOSED', 'Not possible: the call is in its “review” phase.']);
    const moved = await runPhaseTick({ db: ctx.database.db });
    expect(moved).toContainEqual({ id: call.id, phase: 'review' });
    expect(await runPhaseTick({ db: ctx.database.db })).not.toContainEqual(expect.objectContaining({ id: call.id }));
  });

  it('refuses projects that are not eligible, each with its reason', async () => {
    const call = await createCallFixture(ctx, { caisseId: caisse.id, territoryIds: [here.id], membersOnly: true });
    const elsewhere = await promoter(there.id);
    const r1 = await api(elsewhere.session, 'POST', `/api/v1/calls/${call.id}/applications`, { project: elsewhere.project.id });
    expect([r1.statusCode, r1.json().error.message]).toEqual([403, 'Ce projet n’est pas admissible : le projet doit se trouver dans un des quartiers de l’appel.']);
    const outsider = await promoter(here.id, { home: there.id });
    expect((await api(outsider.session, 'POST', `/api/v1/calls/${call.id}/applications`, { project: outsider.project.id })).json().error.details.reason).toBe('members');
    const someone = await promoter();
    const notMine = await api(someone.session, 'POST', `/api/v1/calls/${call.id}/applications`, { project: elsewhere.project.id });
    expect(notMine.json().error.details.fields.project).toBe('Choisissez un projet dont vous êtes porteur·euse.');
    const draftProject = await createProject(ctx, { promoterId: someone.user.id, territoryId: here.id, status: 'draft' });
    expect((await api(someone.session, 'POST', `/api/v1/calls/${call.id}/applications`, { project: draftProject.id })).json().error.details.reason).toBe('project');
    const closed = await createCallFixture(ctx, { caisseId: caisse.id, territoryIds: [here.id], phase: 'review' });
    const r2 = await api(someone.session, 'POST', `/api/v1/calls/${closed.id}/applications`, { project: someone.project.id });
    expect([r2.statusCode, r2.json().error.message]).toEqual([409, 'Action impossible : l’appel est à l’étape « évaluation ».']);
  });

  it('tells a signed-in person without an eligible project how to take part, and a promoter how to apply', async () => {
    const call = await createCallFixture(ctx, { caisseId: caisse.id, territoryIds: [here.id] });
    const nobody = await signIn(ctx, (await createUser(ctx, { territoryId: here.id })).email);
    const page = await ctx.app.inject({ method: 'GET', url: `/appels/${call.slug}`, headers: { cookie: nobody.cookie } });
    expect(page.body).toContain('Pour candidater, il faut porter un projet');
    expect(page.body).toContain('href="/projets/nouveau"');
    const p = await promoter();
    const theirs = await ctx.app.inject({ method: 'GET', url: `/appels/${call.slug}?lang=en`, headers: { cookie: p.session.cookie } });
    expect(theirs.body).not.toContain('To apply, you need to lead a project');
    expect(theirs.body).toContain(`href="/appels/${call.slug}/candidature"`);
  });

  it('applies through the form: a translated error keeps the answers, then the application is submitted', async () => {
    const call = await createCallFixture(ctx, { caisseId: caisse.id, territoryIds: [here.id] });
    const p = await promoter();
    const page = await ctx.app.inject({ method: 'GET', url: `/appels/${call.slug}/candidature`, headers: { cookie: p.session.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(p.project.title);
    const q = call.questionIds;
    const bad = await ctx.app.inject({ method: 'POST', url: `/appels/${call.slug}/candidature`, headers: { cookie: p.session.cookie, ...FORM }, payload: form({ _csrf: p.session.csrf, _action: 'submit', project: p.project.id, requestedCents: '', [`answers.${q[0]}`]: 'Mes plans de ruelle' }) });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Mes plans de ruelle');
    const ok = await ctx.app.inject({ method: 'POST', url: `/appels/${call.slug}/candidature`, headers: { cookie: p.session.cookie, ...FORM }, payload: form({ _csrf: p.session.csrf, _action: 'submit', project: p.project.id, requestedCents: '2 500', [`answers.${q[0]}`]: 'Mes plans de ruelle' }) });
    expect([ok.statusCode, ok.headers.location]).toEqual([303, `/appels/${call.slug}?fait=envoyee#ma-candidature`]);
    const [row] = await ctx.database.db.select().from(callApplications).where(and(eq(callApplications.callId, call.id), eq(callApplications.projectId, p.project.id)));
    expect([row!.status, row!.requestedCents]).toEqual(['submitted', 250_000]);
    const detail = await ctx.app.inject({ method: 'GET', url: `/appels/${call.slug}`, headers: { cookie: p.session.cookie } });
    expect(detail.body).toContain('Envoyée');
  });

  it('creates a call through the staff form, adding a question row without JavaScript', async () => {
    const base = { _csrf: staff.csrf, title: 'Ruelles fleuries', theme: 'Verdissement', budgetCents: '10 000', maxPerProjectCents: '2 000', territories: here.slug, opensAt: '2099-05-01T09:00', submissionsCloseAt: '2099-06-01T17:00', reviewEndsAt: '2099-06-15T17:00', resultsAt: '2099-06-20T12:00', 'questions.0.kind': 'short_text', 'questions.0.label': 'Nom de la ruelle', 'criteria.0.label': 'Impact', 'criteria.0.weight': '2' };
    const added = await ctx.app.inject({ method: 'POST', url: '/appels/nouveau', headers: { cookie: staff.cookie, ...FORM }, payload: form({ ...base, _add: 'questions' }) });
    expect(added.statusCode).toBe(200);
    expect(added.body).toContain('name="questions.1.label"');
    const created = await ctx.app.inject({ method: 'POST', url: '/appels/nouveau', headers: { cookie: staff.cookie, ...FORM }, payload: form({ ...base, 'questions.1.kind': 'number', 'questions.1.label': 'Nombre de voisins', 'questions.1.required': 'on' }) });
    expect(created.statusCode).toBe(303);
    const slug = created.headers.location!.split('/')[2]!.split('?')[0]!;
    const view = (await api(staff, 'GET', `/api/v1/calls/${slug}`)).json();
    expect(view).toMatchObject({ budgetCents: 1_000_000, opensAt: '2099-05-01T13:00:00.000Z', questions: [{ label: 'Nom de la ruelle', required: false }, { kind: 'number', required: true }], criteria: [{ label: 'Impact', weight: 2 }] });
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('parallel applications (PostgreSQL)', () => {
  it('keeps one application per project when the same one is sent ten times at once', async () => {
    const call = await createCallFixture(ctx, { caisseId: caisse.id, territoryIds: [here.id] });
    const p = await promoter();
    const results = await Promise.all(Array.from({ length: 10 }, () => api(p.session, 'POST', `/api/v1/calls/${call.id}/applications`, { project: p.project.id })));
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409).every((r) => r.json().error.code === 'CALL_APPLICATION_EXISTS')).toBe(true);
    const rows = await ctx.database.db.select().from(callApplications).where(eq(callApplications.callId, call.id));
    expect(rows).toHaveLength(1);
  });
});
