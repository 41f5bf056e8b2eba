import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { hit, LIMITS } from '../../platform/rate-limit.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import { territoriesRepository, type CaisseLink, type TerritoryRow } from './territories.repository.js';
import { acceptsWaitlist, isOpenForSignup } from './territories.policy.js';
import { presentTerritory, presentTerritoryRef, territoryName, type TerritoryPageView, type TerritoryView } from './territories.presenter.js';
import type { TTerritoryListQuery, TWaitlistBody } from './territories.schemas.js';
import { rolloutRepository, type RolloutDates } from './territories.rollout.repository.js';
import { accessRepository } from '../access/access.repository.js';

export {  isOpenForSignup };
export type { TerritoryRow };

function caissesOf(links: CaisseLink[]): Map<string, CaisseLink[]> {
  const byTerritory = new Map<string, CaisseLink[]>();
  for (const link of links) byTerritory.set(link.territoryId, [...(byTerritory.get(link.territoryId) ?? []), link]);
  return byTerritory;
}

/** Every territory (optionally filtered) with its parent and the caisses serving it: two queries. */
export async function listTerritories(deps: Deps, locale: Locale, filters: TTerritoryListQuery = {}): Promise<TerritoryView[]> {
  const [rows, links, dates] = await Promise.all([
    territoriesRepository.listWithParent(deps.db, { kind: filters.kind, states: filters.state ? [filters.state] : undefined }),
    territoriesRepository.caissesByTerritory(deps.db),
    rolloutRepository.dates(deps.db),
  ]);
  const served = caissesOf(links);
  const datesOf = new Map<string, RolloutDates>(dates.map((d) => [d.territoryId, d]));
  return rows.map((row) => presentTerritory(row, locale, row.parentSlug, served.get(row.id) ?? [], datesOf.get(row.id)));
}

/** The row behind a slug, or TERRITORY_NOT_FOUND (for other modules: admin, projects, sign-up). */
export async function findTerritoryBySlug(deps: Deps, slug: string): Promise<TerritoryRow> {
  const row = await territoriesRepository.findBySlug(deps.db, slug);
  if (!row) throw new AppError('TERRITORY_NOT_FOUND', { slug });
  return row;
}

/** One territory with its breadcrumb, its children and the caisses serving it. */
export async function getTerritory(deps: Deps, slug: string, locale: Locale): Promise<TerritoryPageView> {
  const row = await findTerritoryBySlug(deps, slug);
  const [ancestors, children, caisses, dates] = await Promise.all([
    territoriesRepository.ancestors(deps.db, row.id),
    territoriesRepository.children(deps.db, row.id),
    accessRepository.servingCaisses(deps.db, row.id).then((cs) => cs.map((c): CaisseLink => ({ territoryId: row.id, caisseId: c.id, slug: c.slug, name: c.name }))),
    rolloutRepository.datesOf(deps.db, row.id),
  ]);
  const parentSlug = ancestors.at(-1)?.slug ?? null;
  return {
    territory: { ...presentTerritory(row, locale, parentSlug, caisses, dates), children: children.map((c) => c.slug) },
    ancestors: ancestors.map((a) => presentTerritoryRef(a, locale)),
    children: children.map((c) => presentTerritoryRef(c, locale)),
  };
}

export type WaitlistRequest = TWaitlistBody & { slug: string; locale: Locale; ip: string };

/**
 * Puts an address on a territory's waitlist. The answer is the same whether the address was
 * already there or not; only territories not yet open take names (TERRITORY_OPEN otherwise).
 */
export async function joinWaitlist(deps: Deps, input: WaitlistRequest): Promise<void> {
  await hit(deps.db, LIMITS.waitlistPerIp, input.ip, deps.config.rateLimits);
  const territory = await findTerritoryBySlug(deps, input.slug);
  if (!acceptsWaitlist(territory)) throw new AppError('TERRITORY_OPEN', { slug: territory.slug });
  await territoriesRepository.joinWaitlist(deps.db, territory.id, input.email, input.locale);
}

export type SignupTerritory = { slug: string; name: string };

/** Every neighbourhood, named in the given locale (profile forms: a person may live anywhere). */
export async function listNeighbourhoodOptions(deps: Deps, locale: Locale): Promise<SignupTerritory[]> {
  const rows = await territoriesRepository.list(deps.db);
  return rows.filter((r) => r.kind === 'neighbourhood').map((r) => ({ slug: r.slug, name: territoryName(r, locale) }));
}

/** The neighbourhoods people can sign up in (pilot or open), named in the given locale. */
export async function listSignupTerritories(deps: Deps, locale: Locale): Promise<SignupTerritory[]> {
  const rows = await territoriesRepository.listWithParent(deps.db, { kind: 'neighbourhood', states: ['pilot', 'open'] });
  return rows.filter(isOpenForSignup).map((r) => ({ slug: r.slug, name: territoryName(r, locale) }));
}
