import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createUser, FORM, form, signIn } from '../helpers/factories.js';
import { callWorld, createCall, createDelegate, setPhase, type Session } from './call-reviews.fixtures.js';
import { callApplications } from '../../src/modules/calls/calls.tables.js';
import { callJurors, callScores, callVotes, callReviewNotes, callConflicts } from '../../src/modules/call-reviews/call-reviews.tables.js';
import { notifications } from '../../src/modules/notifications/notifications.tables.js';
import { impactEntries } from '../../src/modules/pledges/pledges.tables.js';
import { mailOutbox } from '../../src/platform/platform.tables.js';
import { callReviewsRepository } from '../../src/modules/call-reviews/call-reviews.repository.js';

let ctx: TestContext;
let world: Awaited<ReturnType<typeof callWorld>>;

const api = (s: Session | null, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object, lang: 'fr' | 'en' = 'fr') =>
  ctx.app.inject({ method, url, headers: { ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}), 'accept-language': lang }, ...(payload ? { payload } : {}) });
const page = (s: Session | null, url: string) => ctx.app.inject({ method: 'GET', url, headers: s ? { cookie: s.cookie } : {} });
const post = (s: Session, url: string, data: Record<string, string>) => ctx.app.inject({ method: 'POST', url, headers: { cookie: s.cookie, ...FORM }, payload: form({ _csrf: s.csrf, ...data }) });

beforeAll(async () => {
  ctx = await createTestApp();
  world = await callWorld(ctx);
});
afterAll(() => ctx.close());

describe('the jury', () => {
  it('takes the caisse’s staff and delegates only, until the review ends', async () => {
    const call = await createCall(ctx, world, { phase: 'open' });
    const delegate = await createDelegate(ctx, world.caisse.id, world.territory.id);
    const citizen = await createUser(ctx, { territoryId: world.territory.id });
    const otherCaisse = await callWorld(ctx);
    const strangerDelegate = await createDelegate(ctx, otherCaisse.caisse.id, otherCaisse.territory.id);

    const added = await api(world.staffSession, 'POST', `/api/v1/calls/${call.id}/jurors`, { handle: delegate.handle });
    expect(added.statusCode).toBe(201);
    expect(added.json().jurors.map((j: { handle: string }) => j.handle)).toEqual([delegate.handle]);
    const self = await api(world.staffSession, 'POST', `/api/v1/calls/${call.id}/jurors`, { handle: world.staff.handle });
    expect(self.statusCode).toBe(201);

    for (const handle of [citizen.handle, strangerDelegate.handle]) {
      const refused = await api(world.staffSession, 'POST', `/api/v1/calls/${call.id}/jurors`, { handle });
      expect([refused.statusCode, refused.json().error.code]).toEqual([422, 'JUROR_NOT_ELIGIBLE']);
    }
    const twice = await api(world.staffSession, 'POST', `/api/v1/calls/${call.id}/jurors`, { handle: delegate.handle });
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'JUROR_ALREADY_ADDED']);
    const foreign = await api(otherCaisse.staffSession, 'POST', `/api/v1/calls/${call.id}/jurors`, { handle: delegate.handle });
    expect([foreign.statusCode, foreign.json().error.code]).toEqual([403, 'FORBIDDEN']);

    // The page lists the people staff may add (the citizen is not among them) and adds through the form.
    const jury = await page(world.staffSession, `/appels/${call.slug}/jury`);
    expect(jury.statusCode).toBe(200);
    expect(jury.body).not.toContain(citizen.handle);
    const delegate2 = await createDelegate(ctx, world.caisse.id, world.territory.id);
    const viaForm = await post(world.staffSession, `/appels/${call.slug}/jury`, { handle: delegate2.handle });
    expect([viaForm.statusCode, viaForm.headers.location]).toEqual([303, `/appels/${call.slug}/jury?fait=ajoute`]);
    const removed = await post(world.staffSession, `/appels/${call.slug}/jury/${delegate2.handle}/retirer`, {});
    expect(removed.statusCode).toBe(303);

    await setPhase(ctx, call.id, 'vote');
    const late = await api(world.staffSession, 'POST', `/api/v1/calls/${call.id}/jurors`, { handle: delegate2.handle });
    expect([late.statusCode, late.json().error.code]).toEqual([409, 'CALL_PHASE_CLOSED']);
  });
});

describe('conflicts and scores', () => {
  it('excludes a juror from the applications they declared, scores only in the review phase, and ranks', async () => {
    const call = await createCall(ctx, world, { phase: 'open', applications: 3 });
    const [a, b, c] = call.applications;
    const d1 = await createDelegate(ctx, world.caisse.id, world.territory.id);
    const d2 = await createDelegate(ctx, world.caisse.id, world.territory.id);
    for (const p of [d1, d2]) expect((await api(world.staffSession, 'POST', `/api/v1/calls/${call.id}/jurors`, { handle: p.handle })).statusCode).toBe(201);
    const s1 = await signIn(ctx, d1.email);
    const s2 = await signIn(ctx, d2.email);
    const [impact, feasibility] = call.criteria;
    const scores = (i: number, f: number) => ({ scores: [{ criterionId: impact!.id, score: i }, { criterionId: feasibility!.id, score: f }] });

    // Scoring before the review phase is refused with the phase in the message.
    const early = await api(s1, 'POST', `/api/v1/applications/${a!.id}/reviews`, scores(8, 4));
    expect([early.statusCode, early.json().error.code]).toEqual([409, 'CALL_PHASE_CLOSED']);

    // d2 declares a conflict with A through the page (a reason is required when the box is ticked).
    const noReason = await post(s2, `/appels/${call.slug}/jury/conflits`, { [`conflict-${a!.id}`]: 'on', [`reason-${a!.id}`]: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Expliquez le conflit');
    const declared = await post(s2, `/appels/${call.slug}/jury/conflits`, { [`conflict-${a!.id}`]: 'on', [`reason-${a!.id}`]: 'Ma sœur porte ce projet.' });
    expect(declared.statusCode).toBe(303);

    await setPhase(ctx, call.id, 'review');
    const conflicted = await api(s2, 'POST', `/api/v1/applications/${a!.id}/reviews`, scores(10, 10));
    expect([conflicted.statusCode, conflicted.json().error.code]).toEqual([409, 'REVIEW_CONFLICT']);
    const hidden = await page(s2, `/candidatures/${a!.id}/evaluation`);
    expect(hidden.statusCode).toBe(409);
    expect(hidden.body).not.toContain('Des bacs et des arbres.');
    const queue = (await api(s2, 'GET', `/api/v1/calls/${call.id}/reviews`)).json();
    expect(queue.progress).toEqual({ reviewed: 0, total: 2 });
    expect(queue.items.find((i: { applicationId: string }) => i.applicationId === a!.id)).toMatchObject({ conflicted: true, conflictReason: 'Ma sœur porte ce projet.' });

    // d1 scores A and B through the API, C partly through the form; d2 scores B.
    expect((await api(s1, 'POST', `/api/v1/applications/${a!.id}/reviews`, { ...scores(8, 4), note: 'Solide, budget serré.' })).statusCode).toBe(200);
    const edited = await api(s1, 'POST', `/api/v1/applications/${b!.id}/reviews`, scores(5, 5));
    expect(edited.json().progress).toEqual({ reviewed: 2, total: 3 });
    expect((await api(s1, 'POST', `/api/v1/applications/${b!.id}/reviews`, scores(10, 10))).json().scores).toEqual(expect.arrayContaining([{ criterionId: impact!.id, score: 10 }]));
    const outOfRange = await api(s1, 'POST', `/api/v1/applications/${c!.id}/reviews`, scores(11, 2));
    expect(outOfRange.statusCode).toBe(400);
    const badForm = await post(s1, `/candidatures/${c!.id}/evaluation`, { [`score-${impact!.id}`]: '12', note: 'Je garde ce texte.' });
    expect(badForm.statusCode).toBe(400);
    expect(badForm.body).toContain('Je garde ce texte.');
    const partial = await post(s1, `/candidatures/${c!.id}/evaluation`, { [`score-${impact!.id}`]: '6', note: '' });
    expect([partial.statusCode, partial.headers.location]).toEqual([303, `/candidatures/${c!.id}/evaluation?fait=enregistree`]);
    expect((await api(s2, 'POST', `/api/v1/applications/${b!.id}/reviews`, scores(6, 2))).statusCode).toBe(200);

    // Notes are private: the other juror never reads them; staff do.
    expect((await api(s2, 'GET', `/api/v1/applications/${b!.id}/reviews`)).json().note).toBe('');
    const juror2Ranking = await api(s2, 'GET', `/api/v1/calls/${call.id}/ranking`);
    expect([juror2Ranking.statusCode, juror2Ranking.json().error.code]).toEqual([403, 'FORBIDDEN']);

    const ranking = (await api(world.staffSession, 'GET', `/api/v1/calls/${call.id}/ranking`)).json();
    expect(ranking.lines.map((l: { applicationId: string; juryScore: number | null }) => [l.applicationId, l.juryScore])).toEqual([[b!.id, 75], [a!.id, 70], [c!.id, null]]);
    expect(ranking.lines[0].spread).toEqual({ stdDev: 25, min: 50, max: 100 });
    expect(ranking.lines[1]).toMatchObject({ reviews: 1, conflicts: 1, notes: [{ juror: d1.displayName, note: 'Solide, budget serré.' }] });
    expect(ranking.missing.map((m: { applicationId: string; juror: { handle: string } }) => [m.juror.handle, m.applicationId])).toEqual(expect.arrayContaining([[d1.handle, c!.id], [d2.handle, c!.id]]));
    expect(ranking.missing).toHaveLength(2);

    // Declaring a conflict later removes the juror's scores on it.
    await api(s1, 'PUT', `/api/v1/calls/${call.id}/conflicts`, { items: [{ applicationId: a!.id, reason: 'Je siège à leur conseil.' }] });
    expect(await ctx.database.db.select().from(callScores).where(and(eq(callScores.applicationId, a!.id), eq(callScores.callId, call.id)))).toHaveLength(0);
    expect(await ctx.database.db.select().from(callReviewNotes).where(eq(callReviewNotes.applicationId, a!.id))).toHaveLength(0);

    // After the review, scores are frozen.
    await setPhase(ctx, call.id, 'results');
    const frozen = await api(s1, 'POST', `/api/v1/applications/${b!.id}/reviews`, scores(1, 1), 'en');
    expect([frozen.statusCode, frozen.json().error.code]).toEqual([409, 'CALL_PHASE_CLOSED']);
  });
});

describe('the public vote', () => {
  it('lets verified members of the territory vote N times, one per project, changeable, and refuses others', async () => {
    const call = await createCall(ctx, world, { phase: 'vote', vote: { votesPerMember: 2, juryWeightPercent: 60 }, applications: 3 });
    const [a, b, c] = call.applications;
    const member = await signIn(ctx, (await createUser(ctx, { territoryId: world.territory.id })).email);
    const unverified = await signIn(ctx, (await createUser(ctx, { territoryId: world.territory.id, verified: false })).email);
    const outsider = await signIn(ctx, (await createUser(ctx, { territoryId: (await callWorld(ctx)).territory.id })).email);

    expect((await api(member, 'POST', `/api/v1/calls/${call.id}/votes`, { applicationId: a!.id })).json()).toMatchObject({ used: 1, remaining: 1 });
    expect((await api(member, 'POST', `/api/v1/calls/${call.id}/votes`, { applicationId: a!.id })).json()).toMatchObject({ used: 1 });
    expect((await api(member, 'POST', `/api/v1/calls/${call.id}/votes`, { applicationId: b!.id })).json()).toMatchObject({ used: 2, remaining: 0 });
    const third = await api(member, 'POST', `/api/v1/calls/${call.id}/votes`, { applicationId: c!.id });
    expect([third.statusCode, third.json().error.code]).toEqual([409, 'VOTE_LIMIT_REACHED']);
    expect((await api(member, 'DELETE', `/api/v1/calls/${call.id}/votes/${a!.id}`)).json()).toMatchObject({ used: 1 });
    const viaPage = await post(member, `/appels/${call.slug}/vote`, { applicationId: c!.id });
    expect([viaPage.statusCode, viaPage.headers.location]).toEqual([303, `/appels/${call.slug}/vote?fait=vote`]);
    expect((await api(member, 'GET', `/api/v1/calls/${call.id}/votes`)).json().items.filter((i: { voted: boolean }) => i.voted)).toHaveLength(2);

    expect((await api(unverified, 'POST', `/api/v1/calls/${call.id}/votes`, { applicationId: a!.id })).json().error.code).toBe('EMAIL_NOT_VERIFIED');
    expect((await api(outsider, 'POST', `/api/v1/calls/${call.id}/votes`, { applicationId: a!.id })).json().error.code).toBe('VOTE_NOT_ELIGIBLE');
    expect((await api(null, 'POST', `/api/v1/calls/${call.id}/votes`, { applicationId: a!.id })).statusCode).toBe(401);
    expect((await page(null, `/appels/${call.slug}/vote`)).body).toContain('Connectez-vous pour voter');

    await setPhase(ctx, call.id, 'results');
    const closed = await api(member, 'DELETE', `/api/v1/calls/${call.id}/votes/${b!.id}`);
    expect([closed.statusCode, closed.json().error.code]).toEqual([409, 'CALL_PHASE_CLOSED']);
    const votes = await callReviewsRepository.voteCounts(ctx.database.db, call.id);
    expect([votes.get(a!.id) ?? 0, votes.get(b!.id), votes.get(c!.id)]).toEqual([0, 1, 1]);
  });
});

describe('awards and publication', () => {
  it('keeps awards within the maximum and the envelope, publishes once, notifies, badges and records the funding', async () => {
    const call = await createCall(ctx, world, { phase: 'review', budgetCents: 500_000, maxPerProjectCents: 300_000, applications: 3 });
    const [a, b, c] = call.applications;
    await api(world.staffSession, 'POST', `/api/v1/calls/${call.id}/jurors`, { handle: world.staff.handle });
    for (const [app, i] of [[a!, 9], [b!, 7], [c!, 3]] as const) await api(world.staffSession, 'POST', `/api/v1/applications/${app.id}/reviews`, { scores: call.criteria.map((k) => ({ criterionId: k.id, score: i })) });

    const tooEarly = await api(world.staffSession, 'PUT', `/api/v1/calls/${call.id}/awards/${a!.id}`, { amountCents: 100_000 });
    expect([tooEarly.statusCode, tooEarly.json().error.code]).toEqual([409, 'CALL_PHASE_CLOSED']);
    expect((await api(null, 'GET', `/api/v1/calls/${call.id}/results`)).json().error.code).toBe('RESULTS_NOT_PUBLISHED');
    await setPhase(ctx, call.id, 'results');

    const noWinner = await api(world.staffSession, 'POST', `/api/v1/calls/${call.id}/results`);
    expect([noWinner.statusCode, noWinner.json().error.code]).toEqual([409, 'RESULTS_NO_WINNER']);
    const overMax = await api(world.staffSession, 'PUT', `/api/v1/calls/${call.id}/awards/${a!.id}`, { amountCents: 300_001 });
    expect(overMax.json().error.code).toBe('AWARD_OVER_MAX');
    expect((await api(world.staffSession, 'PUT', `/api/v1/calls/${call.id}/awards/${a!.id}`, { amountCents: 300_000 })).statusCode).toBe(200);
    const overBudget = await post(world.staffSession, `/appels/${call.slug}/classement/${b!.id}/laureat`, { amount: '2500' });
    expect(overBudget.statusCode).toBe(409);
    expect(overBudget.body).toContain('ce qui reste de l’enveloppe');
    const ok = await post(world.staffSession, `/appels/${call.slug}/classement/${b!.id}/laureat`, { amount: '1 500,50' });
    expect(ok.statusCode).toBe(303);
    const ranking = (await api(world.staffSession, 'GET', `/api/v1/calls/${call.id}/ranking`)).json();
    expect(ranking.budget).toEqual({ envelopeCents: 500_000, maxPerProjectCents: 300_000, awardedCents: 450_050, remainingCents: 49_950 });
    expect((await api(await signIn(ctx, (await createUser(ctx)).email), 'GET', `/api/v1/calls/${call.id}/results`)).json().error.code).toBe('RESULTS_NOT_PUBLISHED');

    const published = await post(world.staffSession, `/appels/${call.slug}/resultats`, {});
    expect([published.statusCode, published.headers.location]).toEqual([303, `/appels/${call.slug}/resultats?fait=publie`]);
    const again = await api(world.staffSession, 'POST', `/api/v1/calls/${call.id}/results`);
    expect(again.json().error.code).toBe('RESULTS_ALREADY_PUBLISHED');
    expect((await api(world.staffSession, 'PUT', `/api/v1/calls/${call.id}/awards/${c!.id}`, { amountCents: 100 })).json().error.code).toBe('RESULTS_ALREADY_PUBLISHED');

    // Public results: winners with amounts and scores, no notes, no juror.
    const results = await api(null, 'GET', `/api/v1/calls/${call.id}/results`, undefined, 'en');
    expect(results.statusCode).toBe(200);
    const body = results.json();
    expect(body.lines.map((l: { winner: boolean; amountCents: number | null; juryScore: number }) => [l.winner, l.amountCents, l.juryScore])).toEqual([[true, 300_000, 90], [true, 150_050, 70], [false, null, 30]]);
    expect(JSON.stringify(body)).not.toMatch(/note|juror|handle/i);
    const html = await page(null, `/appels/${call.slug}/resultats`);
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('Lauréat·e');

    // Statuses, notifications, e-mails, impact ledger, badges.
    const statuses = await ctx.database.db.select({ id: callApplications.id, status: callApplications.status }).from(callApplications).where(eq(callApplications.callId, call.id));
    expect(Object.fromEntries(statuses.map((s) => [s.id, s.status]))).toEqual({ [a!.id]: 'selected', [b!.id]: 'selected', [c!.id]: 'not_selected' });
    const told = await ctx.database.db.select({ userId: notifications.userId, kind: notifications.kind }).from(notifications).where(eq(notifications.subjectId, call.id));
    expect(told).toEqual(expect.arrayContaining([{ userId: a!.promoter.id, kind: 'call_results.selected' }, { userId: c!.promoter.id, kind: 'call_results.not_selected' }]));
    expect(told).toHaveLength(3);
    const mails = await ctx.database.db.select({ to: mailOutbox.toAddress, subject: mailOutbox.subject }).from(mailOutbox).where(eq(mailOutbox.toAddress, a!.promoter.email));
    expect(mails[0]?.subject).toContain('lauréat');
    const ledger = await ctx.database.db.select({ projectId: impactEntries.projectId, fundedCents: impactEntries.fundedCents, caisseId: impactEntries.caisseId }).from(impactEntries).where(eq(impactEntries.caisseId, world.caisse.id));
    expect(ledger).toEqual(expect.arrayContaining([{ projectId: a!.projectId, fundedCents: 300_000, caisseId: world.caisse.id }, { projectId: b!.projectId, fundedCents: 150_050, caisseId: world.caisse.id }]));
    expect([...(await callReviewsRepository.laureateProjectIds(ctx.database.db, [a!.projectId, c!.projectId]))]).toEqual([a!.projectId]);
  });
});

describe('personal data', () => {
  it('exports a juror’s and a voter’s rows, deletes votes and notes on deletion and keeps scores anonymously', async () => {
    const call = await createCall(ctx, world, { phase: 'review', applications: 1 });
    const [a] = call.applications;
    const juror = await createDelegate(ctx, world.caisse.id, world.territory.id);
    await api(world.staffSession, 'POST', `/api/v1/calls/${call.id}/jurors`, { handle: juror.handle });
    const s = await signIn(ctx, juror.email);
    await api(s, 'POST', `/api/v1/applications/${a!.id}/reviews`, { scores: call.criteria.map((k) => ({ criterionId: k.id, score: 7 })), note: 'Note privée' });
    await ctx.database.db.insert(callVotes).values({ callId: call.id, applicationId: a!.id, voterId: juror.id });

    const exported = await callReviewsRepository.exportFor(ctx.database.db, juror.id);
    expect(exported.callScores).toHaveLength(2);
    expect(exported.callReviewNotes).toEqual([expect.objectContaining({ note: 'Note privée' })]);
    expect(exported.callVotes).toHaveLength(1);

    await ctx.database.db.transaction((tx) => callReviewsRepository.anonymise(tx, juror.id));
    expect(await ctx.database.db.select().from(callVotes).where(eq(callVotes.voterId, juror.id))).toHaveLength(0);
    expect(await ctx.database.db.select().from(callReviewNotes).where(eq(callReviewNotes.applicationId, a!.id))).toHaveLength(0);
    const seats = await ctx.database.db.select().from(callJurors).where(eq(callJurors.callId, call.id));
    expect(seats.map((j) => j.userId)).toEqual([null]);
    expect(await ctx.database.db.select().from(callScores).where(eq(callScores.applicationId, a!.id))).toHaveLength(2);
    expect(await ctx.database.db.select().from(callConflicts).where(eq(callConflicts.callId, call.id))).toHaveLength(0);
    const ranking = (await api(world.staffSession, 'GET', `/api/v1/calls/${call.id}/ranking`)).json();
    expect(ranking.lines[0].juryScore).toBe(70);
  });
});
