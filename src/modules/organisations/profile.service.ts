import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/http/context.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import { capacitiesOf, type CapacityView } from './capacities.service.js';
import { dashboardRepository, type HonourPledge } from './dashboard.repository.js';
import { listPartnerships, type PartnershipView } from './partners.service.js';

export type ProfileExtras = {
  partnerships: PartnershipView[];
  capacities: CapacityView[];
  pledges: HonourPledge[];
  projects: { id: string; title: string }[];
  territories: { slug: string; name: string }[];
};

/** What an organisation's page shows beyond its card: partnerships, capacities, pledges on its honour, projects and territories. */
export async function profileExtras(deps: Pick<Deps, 'db'>, actor: Actor | null, organisationId: string, slug: string, locale: Locale): Promise<ProfileExtras> {
  const [partnerships, capacities, pledges] = await Promise.all([listPartnerships(deps, actor, slug), capacitiesOf(deps.db, organisationId, locale), dashboardRepository.honourPledges(deps.db, organisationId, 20)]);
  const projects = [...new Map(pledges.map((p) => [p.projectId, { id: p.projectId, title: p.projectTitle }])).values()];
  const territories = [...new Map(pledges.map((p) => [p.territorySlug, { slug: p.territorySlug, name: locale === 'en' ? p.territoryEn : p.territoryFr }])).values()];
  return { partnerships, capacities, pledges, projects, territories };
}
