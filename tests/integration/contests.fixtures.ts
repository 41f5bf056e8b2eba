/** Builders for contest tests: a valid body, fulfilled pledges at a given time, adult members, and the end of a period. */
import { eq } from 'drizzle-orm';
import type { TestContext } from '../helpers/test-app.js';
import { createNeed, createProject, createUser, uid } from '../helpers/factories.js';
import { newId } from '../../src/db/ids.js';
import { users } from '../../src/modules/auth/auth.tables.js';
import { pledges } from '../../src/modules/pledges/pledges.tables.js';
import { contests } from '../../src/modules/contests/contests.tables.js';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** A contest body running from 20 days ago to tomorrow: one entry per fulfilled pledge, cap 5, two prizes. */
export function contestBody(caisse: string, territories: string[], o: Record<string, unknown> = {}) {
  return {
    caisse, territories, titleFr: `Concours de l’entraide ${uid()}`, titleEn: 'Mutual aid contest', descriptionFr: 'Chaque engagement réalisé vous donne une chance.', descriptionEn: 'Every fulfilled pledge gives you a chance.',
    startsOn: day(-20), endsOn: day(1), minAge: 18, membersOnly: true, entryRules: { pledge_fulfilled: 1 }, capPerPerson: 5,
    prizes: [{ nameFr: 'Panier du marché', nameEn: 'Market basket', quantity: 1, valueDollars: 150 }, { nameFr: 'Carte-cadeau', nameEn: 'Gift card', quantity: 2, valueDollars: 50 }],
    drawDate: day(3), drawTime: '14:00', drawPlaceFr: 'Au siège de la caisse', drawPlaceEn: 'At the caisse’s head office', claimDays: 30,
    skillQuestion: '(12 × 4) + 6 − 10 = ?', skillAnswer: 44, howToldFr: 'Par courriel et dans la plateforme.', howToldEn: 'By e-mail and in the platform.', ...o,
  };
}

/** A verified adult living in the territory. */
export async function adultMember(ctx: TestContext, territoryId: string, o: { locale?: 'fr' | 'en'; displayName?: string } = {}) {
  const u = await createUser(ctx, { territoryId, ...o });
  await ctx.database.db.update(users).set({ birthYear: 1988 }).where(eq(users.id, u.id));
  return u;
}

/** A pledge by this supporter, fulfilled at `at`, on a fresh project of the territory. */
export async function fulfilledPledge(ctx: TestContext, o: { supporterId: string; promoterId: string; territoryId: string; at: Date }) {
  const project = await createProject(ctx, { promoterId: o.promoterId, territoryId: o.territoryId });
  const need = await createNeed(ctx, { projectId: project.id, quantity: 10 });
  await ctx.database.db.insert(pledges).values({ id: newId(), needId: need.id, projectId: project.id, supporterId: o.supporterId, quantity: 1, status: 'fulfilled', fulfilledAt: o.at, promoterConfirmedAt: o.at, supporterConfirmedAt: o.at });
}

/** Moves a published contest's period end into the past (the draw becomes possible). */
export async function endContest(ctx: TestContext, contestId: string) {
  const past = new Date(Date.now() - 60_000);
  await ctx.database.db.update(contests).set({ endsAt: past, drawAt: past }).where(eq(contests.id, contestId));
}
