/** Calls for projects built straight in the database (any phase), for tests that need one ready. */
import { newId } from '../../src/db/ids.js';
import type { TestContext } from '../helpers/test-app.js';
import { uid } from '../helpers/factories.js';
import { callCriteria, callQuestions, calls, callTerritories, type CallPhase } from '../../src/modules/calls/calls.tables.js';

const DAY = 86_400_000;

export type CallFixture = { id: string; slug: string; questionIds: string[]; criterionIds: string[] };

/**
 * A call of `caisseId` for `territoryIds` in `phase` (default open: opened yesterday, closes in 10 days),
 * with two questions (a required long text, a choice) and two criteria. `vote` adds vote dates.
 */
export async function createCallFixture(ctx: TestContext, o: { caisseId: string; territoryIds: string[]; phase?: CallPhase; vote?: boolean; membersOnly?: boolean; allowedOrganisationKinds?: string[]; maxPerProjectCents?: number; now?: Date }): Promise<CallFixture> {
  const now = (o.now ?? new Date()).getTime();
  const id = newId();
  const slug = `appel-${uid()}`;
  const at = (days: number) => new Date(now + days * DAY);
  await ctx.database.db.insert(calls).values({
    id, caisseId: o.caisseId, slug, title: `Appel ${slug}`, theme: 'Verdissement', description: 'Un appel de test.', language: 'fr', membersOnly: o.membersOnly ?? false,
    allowedOrganisationKinds: o.allowedOrganisationKinds ?? [], budgetCents: 5_000_000, maxPerProjectCents: o.maxPerProjectCents ?? 1_000_000,
    opensAt: at(-1), submissionsCloseAt: at(10), reviewEndsAt: at(20), voteOpensAt: o.vote ? at(21) : null, voteClosesAt: o.vote ? at(28) : null, resultsAt: at(30),
    votesPerMember: o.vote ? 3 : null, juryWeightPercent: o.vote ? 60 : 100, phase: o.phase ?? 'open', publishedAt: (o.phase ?? 'open') === 'draft' ? null : at(-1),
  });
  await ctx.database.db.insert(callTerritories).values(o.territoryIds.map((territoryId) => ({ callId: id, territoryId })));
  const questionIds = [newId(), newId()];
  await ctx.database.db.insert(callQuestions).values([
    { id: questionIds[0]!, callId: id, position: 0, kind: 'long_text', label: 'Décrivez votre projet', required: true, maxLength: 500 },
    { id: questionIds[1]!, callId: id, position: 1, kind: 'choice', label: 'Taille', required: false, choices: ['Petit', 'Grand'] },
  ]);
  const criterionIds = [newId(), newId()];
  await ctx.database.db.insert(callCriteria).values([
    { id: criterionIds[0]!, callId: id, position: 0, label: 'Impact', weight: 3 },
    { id: criterionIds[1]!, callId: id, position: 1, label: 'Faisabilité', weight: 1 },
  ]);
  return { id, slug, questionIds, criterionIds };
}
