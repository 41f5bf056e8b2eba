import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { newId } from '../db/ids.js';
import type { Deps } from '../platform/deps.js';
import { users } from '../modules/auth/auth.tables.js';
import { needs } from '../modules/needs/needs.tables.js';
import { organisationMembers, organisations } from '../modules/organisations/organisations.tables.js';
import { projects, projectTeam } from '../modules/projects/projects.tables.js';
import { pledges, type PledgeStatus } from '../modules/pledges/pledges.tables.js';
import { CREATION_FROM, pledgesRepository } from '../modules/pledges/pledges.repository.js';
import { recordFulfilledHelp } from '../modules/impact/impact.service.js';

/** Neighbours of the demo who pledge, in the order they take turns. */
const SUPPORTERS = ['marie-eve-tremblay', 'samir-haddad', 'priya-natarajan', 'louis-gagnon', 'sophie-lavoie', 'daniel-oconnor', 'fatima-diallo', 'emily-chen', 'jean-francois-roy'];

/** What happens to the pledges of successive needs: a realistic mix of every status. */
type Plan = { status: PledgeStatus; days: number; confirmedBy?: 'team' | 'supporter' };
const PLANS: Plan[] = [
  { status: 'fulfilled', days: -21 },
  { status: 'accepted', days: 9 },
  { status: 'proposed', days: 12 },
  { status: 'fulfilled', days: -35 },
  { status: 'accepted', days: -3, confirmedBy: 'team' },
  { status: 'declined', days: 6 },
  { status: 'proposed', days: 4 },
  { status: 'withdrawn', days: 15 },
  { status: 'lapsed', days: -40 },
  { status: 'accepted', days: 20 },
  // Confirmed by both sides ahead of its date: shown as planned, counted only once the day comes.
  { status: 'fulfilled', days: 8 },
];

const MESSAGES: Record<'fr' | 'en', Record<string, string>> = {
  fr: {
    hours: 'Je suis disponible le samedi matin, avec mes gants de travail!',
    cents: 'Avec plaisir : c’est le genre de projet qui fait du bien au quartier.',
    items: 'Je peux l’apporter moi-même; écrivez-moi pour convenir d’une heure.',
    declined: 'Merci beaucoup! Nous avons déjà tout ce qu’il faut pour cette date.',
    withdrawn: 'Un imprévu au travail ce jour-là, désolée. Je réessaierai pour la prochaine corvée.',
  },
  en: {
    hours: 'I am free on Saturday mornings and happy to lend a hand.',
    cents: 'Glad to help: this is exactly what the neighbourhood needs.',
    items: 'I can drop it off myself; message me to set a time.',
    declined: 'Thank you so much! We already have everything we need for that date.',
    withdrawn: 'Something came up at work that day, sorry. I will join the next one.',
  },
};

const dayFrom = (now: Date, days: number) => new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
const share = (unit: 'hours' | 'cents' | 'items', quantity: number) => (unit === 'hours' ? Math.min(quantity, 4) : unit === 'cents' ? Math.min(quantity, Math.max(2_500, Math.round(quantity / 4 / 500) * 500)) : 1);

type NeedRow = { id: string; projectId: string; kind: (typeof needs.$inferSelect)['kind']; unit: 'hours' | 'cents' | 'items'; quantity: number; materialMode: 'lend' | 'give' | null };
type Person = { id: string; locale: 'fr' | 'en' };

async function insertPledge(tx: Db, deps: Pick<Deps, 'config'>, o: { need: NeedRow; project: { id: string; territoryId: string; caisseId: string | null; promoterId: string }; supporter: Person; plan: Plan; quantity: number; now: Date; named: boolean; organisationId?: string }) {
  const { need, project, supporter, plan, now } = o;
  const id = newId();
  const start = dayFrom(now, plan.days);
  const past = (d: number) => new Date(now.getTime() - d * 86_400_000);
  const note = MESSAGES[supporter.locale];
  const reason = plan.status === 'declined' ? note.declined : plan.status === 'withdrawn' ? note.withdrawn : '';
  const createdAt = past(Math.max(10, -plan.days + 7));
  const later = (days: number) => new Date(createdAt.getTime() + days * 86_400_000);
  const fulfilledAt = plan.status === 'fulfilled' ? past(plan.days < 0 ? -plan.days - 2 : 1) : null;
  const teamConfirmedAt = fulfilledAt ? new Date(fulfilledAt.getTime() - 3_600_000) : plan.confirmedBy === 'team' ? past(1) : null;
  await pledgesRepository.insert(tx, {
    id, needId: need.id, projectId: project.id, supporterId: supporter.id, organisationId: o.organisationId ?? null, onHonour: Boolean(o.organisationId),
    quantity: o.quantity, message: note[need.unit] ?? '', startDate: start, endDate: null, status: plan.status, reason,
    promoterConfirmedAt: teamConfirmedAt, supporterConfirmedAt: fulfilledAt, fulfilledAt, createdAt, updatedAt: fulfilledAt ?? later(2), showName: Boolean(o.named),
  });
  const log = (from: string, to: string, actorId: string | null, at: Date, text = '') => pledgesRepository.insertEvent(tx, { pledgeId: id, actorId, fromStatus: from, toStatus: to, note: text, createdAt: at });
  await log(CREATION_FROM, 'proposed', supporter.id, createdAt);
  if (['accepted', 'fulfilled', 'lapsed'].includes(plan.status)) await log('proposed', 'accepted', project.promoterId, later(1));
  if (plan.status === 'declined') await log('proposed', 'declined', project.promoterId, later(1), reason);
  if (plan.status === 'withdrawn') await log('proposed', 'withdrawn', supporter.id, later(2), reason);
  if (plan.status === 'lapsed') await log('accepted', 'lapsed', null, past(-plan.days - 15));
  if (teamConfirmedAt) await log('accepted', 'fulfil_requested', project.promoterId, teamConfirmedAt);
  if (fulfilledAt) {
    await log('accepted', 'fulfilled', supporter.id, fulfilledAt);
    await recordFulfilledHelp(tx, deps, { pledgeId: id, supporterId: supporter.id, kind: need.kind, materialMode: need.materialMode, quantity: o.quantity, project, occurredAt: fulfilledAt, helpDay: start });
  }
}

/**
 * Demo pledges on the demo projects already in the database: every status, some fulfilled (with
 * impact entries), and one on-honour partner pledge if a partner organisation exists. Does nothing
 * when pledges exist or there are no live projects. Returns how many pledges it created.
 */
export async function seedDemoPledges(deps: Pick<Deps, 'db' | 'config'>, now = new Date()): Promise<number> {
  if ((await deps.db.select({ id: pledges.id }).from(pledges).limit(1)).length > 0) return 0;
  const live = await deps.db.select({ id: projects.id, territoryId: projects.territoryId, caisseId: projects.caisseId, promoterId: projects.promoterId }).from(projects).where(inArray(projects.status, ['published', 'in_progress', 'completed'])).orderBy(asc(projects.createdAt));
  if (live.length === 0) return 0;
  const people: (Person & { handle: string })[] = await deps.db.select({ id: users.id, locale: users.locale, handle: users.handle }).from(users).where(inArray(users.handle, SUPPORTERS));
  const ordered = SUPPORTERS.map((h) => people.find((p) => p.handle === h)).filter((p): p is Person & { handle: string } => p !== undefined);
  if (ordered.length === 0) return 0;
  const partner = (await deps.db
    .select({ organisationId: organisations.id, userId: organisationMembers.userId })
    .from(organisations)
    .innerJoin(organisationMembers, and(eq(organisationMembers.organisationId, organisations.id), inArray(organisationMembers.role, ['owner', 'representative'])))
    .where(isNotNull(organisations.charterSignedAt))
    .limit(1))[0];

  let created = 0;
  let turn = 0;
  let partnerUsed = !partner;
  await deps.db.transaction(async (tx) => {
    for (const project of live) {
      const team = new Set((await tx.select({ userId: projectTeam.userId }).from(projectTeam).where(eq(projectTeam.projectId, project.id))).map((r) => r.userId));
      const projectNeeds: NeedRow[] = await tx.select({ id: needs.id, projectId: needs.projectId, kind: needs.kind, unit: needs.unit, quantity: needs.quantity, materialMode: needs.materialMode }).from(needs).where(eq(needs.projectId, project.id)).orderBy(asc(needs.position));
      for (const need of projectNeeds) {
        let held = 0;
        for (let k = 0; k < 2; k++) {
          const plan = PLANS[turn % PLANS.length]!;
          const supporter = ordered.filter((p) => !team.has(p.id))[turn % ordered.length];
          turn++;
          const quantity = share(need.unit, need.quantity);
          if (!supporter || held + quantity > need.quantity) break;
          const onHonour = partner !== undefined && !partnerUsed && need.unit === 'cents' && !team.has(partner.userId);
          const who = onHonour ? { id: partner.userId, locale: 'fr' as const } : supporter;
          await insertPledge(tx, deps, { need, project, supporter: who, plan: onHonour ? { status: 'accepted', days: 14 } : plan, quantity, now, named: turn % 3 !== 0, ...(onHonour ? { organisationId: partner.organisationId } : {}) });
          if (onHonour) partnerUsed = true;
          if (['proposed', 'accepted', 'fulfilled'].includes(onHonour ? 'accepted' : plan.status)) held += quantity;
          created++;
        }
      }
    }
  });
  return created;
}
