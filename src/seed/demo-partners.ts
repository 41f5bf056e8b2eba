import { and, asc, eq, inArray, isNotNull, isNull, notExists, sql } from 'drizzle-orm';
import type { Deps } from '../platform/deps.js';
import type { Actor } from '../platform/http/context.js';
import { newId } from '../db/ids.js';
import { users } from '../modules/auth/auth.tables.js';
import { caisseTerritories } from '../modules/caisses/caisses.tables.js';
import { needs, type NeedUnit } from '../modules/needs/needs.tables.js';
import { projects, projectTeam } from '../modules/projects/projects.tables.js';
import { organisationMembers, organisations } from '../modules/organisations/organisations.tables.js';
import { capacities, charterSignatures, partnerships, type CapacityKind, type CapacityPeriod } from '../modules/organisations/partners.tables.js';
import { createPledge, transitionPledge } from '../modules/pledges/pledges.service.js';
import { localToday } from '../modules/pledges/pledges.policy.js';
import { pledges } from '../modules/pledges/pledges.tables.js';

type CapacitySeed = { kind: CapacityKind; amount: number; period: CapacityPeriod; fr: string; en: string; use?: number };
/** Standing capacities of the demo partners; `use` is given through real pledges, fulfilled. */
const CAPACITIES: Record<string, CapacitySeed[]> = {
  'chiffres-solidaires': [{ kind: 'hours', amount: 10, period: 'month', fr: '10 h de comptabilité par mois pour les OBNL', en: '10 h of accounting a month for non-profits', use: 3 }],
  'velo-villeray': [{ kind: 'equipment', amount: 8, period: 'month', fr: 'Prêt d’un vélo-cargo la fin de semaine', en: 'Lending a cargo bike on weekends', use: 1 }],
  'cafe-le-rendez-vous': [
    { kind: 'money', amount: 500_000, period: 'year', fr: '5 000 $ par année pour les projets jeunesse', en: '$5,000 a year for youth projects' },
    { kind: 'hours', amount: 6, period: 'month', fr: 'La salle arrière, 6 h par mois', en: 'The back room, 6 h a month', use: 2 },
  ],
};
const UNIT: Record<CapacityKind, NeedUnit | null> = { hours: 'hours', equipment: 'items', money: 'cents', other: null };

const actorOf = (u: { id: string; handle: string; displayName: string; email: string; locale: 'fr' | 'en' }): Actor => ({ ...u, emailVerified: true, roles: [], via: 'session', sessionIdHash: null, reauthAt: null });

/**
 * Demo partners: every organisation gets its owner, the demo partners sign version 1 of the
 * charter of the caisse serving their neighbourhood, declare capacities and use part of them
 * through real on-honour pledges taken through the whole loop. Skips what already exists.
 */
export async function seedDemoPartners(deps: Deps): Promise<void> {
  const db = deps.db;
  await db.execute(sql`
    UPDATE organisation_members m SET role = 'owner'
    WHERE (m.organisation_id, m.user_id) IN (
      SELECT DISTINCT ON (r.organisation_id) r.organisation_id, r.user_id FROM organisation_members r
      WHERE r.role = 'representative' AND NOT EXISTS (SELECT 1 FROM organisation_members o WHERE o.organisation_id = r.organisation_id AND o.role = 'owner')
      ORDER BY r.organisation_id, r.created_at, r.user_id)`);
  const partners = await db.select().from(organisations).where(isNotNull(organisations.charterSignedAt)).orderBy(asc(organisations.slug));
  for (const org of partners) {
    const served = org.territoryId ? await db.select({ caisseId: caisseTerritories.caisseId }).from(caisseTerritories).where(eq(caisseTerritories.territoryId, org.territoryId)) : [];
    for (const { caisseId } of served) {
      await db.insert(charterSignatures).values({ id: newId(), organisationId: org.id, caisseId, version: 1, signedBy: org.charterSignedBy, signedAt: org.charterSignedAt! }).onConflictDoNothing();
      await db.insert(partnerships).values({ organisationId: org.id, caisseId, status: 'active', since: org.charterSignedAt! }).onConflictDoNothing();
    }
    const has = await db.select({ id: capacities.id }).from(capacities).where(eq(capacities.organisationId, org.id)).limit(1);
    if (has.length) continue;
    for (const c of CAPACITIES[org.slug] ?? []) {
      const id = newId();
      await db.insert(capacities).values({ id, organisationId: org.id, kind: c.kind, amount: c.amount, period: c.period, labelFr: c.fr, labelEn: c.en });
      if (c.kind === 'money') await db.update(pledges).set({ capacityId: id }).where(and(eq(pledges.organisationId, org.id), isNull(pledges.capacityId)));
      if (c.use) await useCapacity(deps, org.id, id, UNIT[c.kind], c.use);
    }
  }
}

/** Gives `quantity` from a capacity through a real pledge: proposed, accepted, fulfilled on both sides. */
async function useCapacity(deps: Deps, organisationId: string, capacityId: string, unit: NeedUnit | null, quantity: number): Promise<void> {
  const db = deps.db;
  const [owner] = await db.select({ id: users.id, handle: users.handle, displayName: users.displayName, email: users.email, locale: users.locale }).from(organisationMembers).innerJoin(users, eq(users.id, organisationMembers.userId)).where(and(eq(organisationMembers.organisationId, organisationId), inArray(organisationMembers.role, ['owner', 'representative']))).limit(1);
  if (!owner || !unit) return;
  const candidates = await db
    .select({ needId: needs.id, projectId: projects.id, promoterId: projects.promoterId })
    .from(needs)
    .innerJoin(projects, eq(projects.id, needs.projectId))
    .where(and(eq(needs.unit, unit), isNull(needs.closedAt), inArray(projects.status, ['published', 'in_progress']), notExists(db.select({ x: projectTeam.userId }).from(projectTeam).where(and(eq(projectTeam.projectId, projects.id), eq(projectTeam.userId, owner.id))))))
    .orderBy(asc(needs.createdAt));
  for (const c of candidates) {
    const [promoter] = await db.select({ id: users.id, handle: users.handle, displayName: users.displayName, email: users.email, locale: users.locale }).from(users).where(eq(users.id, c.promoterId));
    if (!promoter) continue;
    try {
      const pledge = await createPledge(deps, actorOf(owner), c.needId, { quantity, startDate: localToday(new Date()), endDate: null, message: '', organisationId, capacityId, showName: true });
      await transitionPledge(deps, actorOf(promoter), pledge.id, { to: 'accepted', reason: '' });
      await transitionPledge(deps, actorOf(promoter), pledge.id, { to: 'fulfilled', reason: '' });
      await transitionPledge(deps, actorOf(owner), pledge.id, { to: 'fulfilled', reason: '' });
      return;
    } catch {
      // This need cannot take it (already pledged, oversubscribed…): try the next one.
    }
  }
}
