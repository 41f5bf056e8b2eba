import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import type { ImpactSums } from '../impact/impact.types.js';
import { PLEDGE_STATUSES, type PledgeStatus } from '../pledges/pledges.domain.js';
import { canSeeDashboard } from './organisations.policy.js';
import { findOrganisation, roleIn } from './organisations.service.js';
import { capacitiesOf, type CapacityView } from './capacities.service.js';
import { dashboardRepository } from './dashboard.repository.js';
import { partnersRepository } from './partners.repository.js';

export type PartnerDashboard = {
  organisation: { slug: string; name: string; partner: boolean };
  projects: { id: string; title: string; status: string; pledges: number }[];
  pledgesByStatus: Record<PledgeStatus, number>;
  capacities: CapacityView[];
  impact: ImpactSums;
};

/** The partner dashboard: for the organisation's people, staff of a caisse it partners with, and admins. */
export async function partnerDashboard(deps: Pick<Deps, 'db'>, actor: Actor | null, slug: string, locale: Locale): Promise<PartnerDashboard> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const org = await findOrganisation(deps, slug);
  const [role, partnerships] = await Promise.all([roleIn(deps, org.id, actor), partnersRepository.partnershipsOf(deps.db, org.id)]);
  if (!canSeeDashboard(actor, role, partnerships.map((p) => p.caisse.id))) throw new AppError('FORBIDDEN');
  const [projects, byStatus, capacities, impact] = await Promise.all([
    dashboardRepository.projectsSupported(deps.db, org.id, 50),
    dashboardRepository.pledgesByStatus(deps.db, org.id),
    capacitiesOf(deps.db, org.id, locale),
    dashboardRepository.impact(deps.db, org.id),
  ]);
  const pledgesByStatus = Object.fromEntries(PLEDGE_STATUSES.map((s) => [s, byStatus[s] ?? 0])) as Record<PledgeStatus, number>;
  return { organisation: { slug: org.slug, name: org.name, partner: org.charterSignedAt !== null }, projects, pledgesByStatus, capacities, impact };
}
