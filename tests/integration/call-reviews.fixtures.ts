/** A call for projects in a given phase with criteria, questions and submitted applications, made straight in the database. */
import { eq } from 'drizzle-orm';
import type { TestContext } from '../helpers/test-app.js';
import { createCaisse, createProject, createTerritory, createUser, signIn, uid } from '../helpers/factories.js';
import { newId } from '../../src/db/ids.js';
import { callApplications, callCriteria, callQuestions, calls, callTerritories, type CallPhase } from '../../src/modules/calls/calls.tables.js';
import { delegatesRepository } from '../../src/modules/delegates/delegates.repository.js';

const DAY = 86_400_000;
export type Session = { cookie: string; csrf: string };

/** A neighbourhood served by a fresh caisse, with one staff member signed in. */
export async function callWorld(ctx: TestContext) {
  const territory = await createTerritory(ctx, { state: 'pilot' });
  const caisse = await createCaisse(ctx, { territoryIds: [territory.id] });
  const staff = await createUser(ctx, { role: { role: 'staff', caisseId: caisse.id } });
  return { territory, caisse, staff, staffSession: await signIn(ctx, staff.email) };
}

/** A delegate of this caisse in their term (a verified member of the territory). */
export async function createDelegate(ctx: TestContext, caisseId: string, territoryId: string) {
  const person = await createUser(ctx, { territoryId });
  await delegatesRepository.grantDelegate(ctx.database.db, { userId: person.id, caisseId, expiresAt: new Date(Date.now() + 365 * DAY), grantedBy: person.id });
  return person;
}

type CallOptions = { phase: CallPhase; vote?: { votesPerMember: number; juryWeightPercent: number }; budgetCents?: number; maxPerProjectCents?: number; applications?: number };

/** A call of this caisse for this territory, in `phase`, with two criteria (weights 3 and 1), three questions and N submitted applications. */
export async function createCall(ctx: TestContext, w: { caisse: { id: string }; territory: { id: string } }, o: CallOptions) {
  const now = Date.now();
  const id = newId();
  const slug = `appel-${uid()}`;
  const vote = o.vote;
  await ctx.database.db.insert(calls).values({
    id, caisseId: w.caisse.id, slug, title: `Appel ${slug}`, theme: 'Verdissement', description: 'Un appel.', budgetCents: o.budgetCents ?? 1_000_000, maxPerProjectCents: o.maxPerProjectCents ?? 500_000,
    opensAt: new Date(now - 30 * DAY), submissionsCloseAt: new Date(now - 20 * DAY), reviewEndsAt: new Date(now + 5 * DAY),
    voteOpensAt: vote ? new Date(now + 5 * DAY) : null, voteClosesAt: vote ? new Date(now + 10 * DAY) : null, resultsAt: new Date(now + 12 * DAY),
    votesPerMember: vote?.votesPerMember ?? null, juryWeightPercent: vote?.juryWeightPercent ?? 100, phase: o.phase, publishedAt: new Date(now - 31 * DAY),
  });
  await ctx.database.db.insert(callTerritories).values({ callId: id, territoryId: w.territory.id });
  const criteria = [
    { id: newId(), callId: id, position: 0, label: 'Retombées pour le quartier', description: 'Qui en profite, et combien ?', weight: 3 },
    { id: newId(), callId: id, position: 1, label: 'Faisabilité', description: '', weight: 1 },
  ];
  await ctx.database.db.insert(callCriteria).values(criteria);
  const questions = [
    { id: newId(), callId: id, position: 0, kind: 'short_text' as const, label: 'Nom de l’organisme' },
    { id: newId(), callId: id, position: 1, kind: 'long_text' as const, label: 'Que ferez-vous avec la somme ?' },
    { id: newId(), callId: id, position: 2, kind: 'number' as const, label: 'Personnes rejointes' },
  ];
  await ctx.database.db.insert(callQuestions).values(questions);
  const applications: { id: string; projectId: string; promoter: { id: string; email: string } }[] = [];
  for (let i = 0; i < (o.applications ?? 3); i++) {
    const promoter = await createUser(ctx, { territoryId: w.territory.id });
    const project = await createProject(ctx, { promoterId: promoter.id, territoryId: w.territory.id, title: `Ruelle verte ${uid()}` });
    const appId = newId();
    await ctx.database.db.insert(callApplications).values({
      id: appId, callId: id, projectId: project.id, applicantId: promoter.id, status: 'submitted', requestedCents: 300_000, submittedAt: new Date(now - 25 * DAY),
      answers: { [questions[0]!.id]: 'Comité de ruelle', [questions[1]!.id]: 'Des bacs et des arbres.', [questions[2]!.id]: 120 },
    });
    applications.push({ id: appId, projectId: project.id, promoter });
  }
  return { id, slug, criteria, questions, applications };
}

export async function setPhase(ctx: TestContext, callId: string, phase: CallPhase) {
  await ctx.database.db.update(calls).set({ phase }).where(eq(calls.id, callId));
}
