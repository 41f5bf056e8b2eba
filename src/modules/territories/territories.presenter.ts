import { z } from 'zod';
import type { Locale } from '../../platform/i18n/i18n.js';
import { type territories } from './territories.tables.js';
import { ROLLOUT_STATES, TERRITORY_KINDS } from './territories.domain.js';

type TerritoryRecord = typeof territories.$inferSelect;
type Named = Pick<TerritoryRecord, 'nameFr' | 'nameEn'>;

export function territoryName(row: Named, locale: Locale): string {
  return locale === 'en' ? row.nameEn : row.nameFr;
}

export const ZCaisseRef = z.object({ slug: z.string(), name: z.string() });

export const ZTerritory = z.object({
  id: z.string(),
  slug: z.string(),
  kind: z.enum(TERRITORY_KINDS),
  name: z.string(),
  names: z.object({ fr: z.string(), en: z.string() }),
  description: z.string(),
  parent: z.string().nullable(),
  rolloutState: z.enum(ROLLOUT_STATES),
  caisses: z.array(ZCaisseRef),
  hasBoundary: z.boolean(),
  /** When the territory entered its state (null before any recorded change) and what is scheduled next. */
  rolloutSince: z.string().datetime().nullable(),
  nextRollout: z.object({ state: z.enum(ROLLOUT_STATES), effectiveAt: z.string().datetime() }).nullable(),
});
export type TerritoryView = z.output<typeof ZTerritory>;

export const ZTerritoryDetail = ZTerritory.extend({ children: z.array(z.string()) });
export type TerritoryDetailView = z.output<typeof ZTerritoryDetail>;

export const ZTerritoryList = z.object({ items: z.array(ZTerritory), nextCursor: z.null() });

/** A territory named in another resource (a caisse's territories, a breadcrumb, a child). */
export const ZTerritoryRef = z.object({ slug: z.string(), name: z.string(), kind: z.enum(TERRITORY_KINDS), rolloutState: z.enum(ROLLOUT_STATES) });
export type TerritoryRef = z.output<typeof ZTerritoryRef>;

/** The rollout dates of one territory (from the history table). */
export type RolloutDatesView = { since: Date | null; nextState: (typeof ROLLOUT_STATES)[number] | null; nextAt: Date | null };

export function presentTerritory(row: TerritoryRecord, locale: Locale, parentSlug: string | null, caisses: { slug: string; name: string }[], dates?: RolloutDatesView): TerritoryView {
  return {
    id: row.id,
    slug: row.slug,
    kind: row.kind,
    name: territoryName(row, locale),
    names: { fr: row.nameFr, en: row.nameEn },
    description: locale === 'en' ? row.descriptionEn : row.descriptionFr,
    parent: parentSlug,
    rolloutState: row.rolloutState,
    caisses: caisses.map((c) => ({ slug: c.slug, name: c.name })),
    hasBoundary: row.boundary !== null && row.boundary !== undefined,
    rolloutSince: dates?.since ? dates.since.toISOString() : null,
    nextRollout: dates?.nextState && dates.nextAt ? { state: dates.nextState, effectiveAt: dates.nextAt.toISOString() } : null,
  };
}

export function presentTerritoryRef(row: Named & Pick<TerritoryRecord, 'slug' | 'kind' | 'rolloutState'>, locale: Locale): TerritoryRef {
  return { slug: row.slug, name: territoryName(row, locale), kind: row.kind, rolloutState: row.rolloutState };
}

/** What a territory's page shows: the territory, its breadcrumb and its children. */
export type TerritoryPageView = { territory: TerritoryDetailView; ancestors: TerritoryRef[]; children: TerritoryRef[] };

export type TerritoryNode = { territory: TerritoryView; children: TerritoryNode[] };

/**
 * Nests a flat list by parent slug, keeping the list's order. A territory whose parent is not in
 * the list becomes a root, so nothing is lost when the list is filtered.
 */
export function buildTerritoryTree(views: TerritoryView[]): TerritoryNode[] {
  const nodes = new Map(views.map((v) => [v.slug, { territory: v, children: [] as TerritoryNode[] }]));
  const roots: TerritoryNode[] = [];
  for (const node of nodes.values()) {
    const parentNode = node.territory.parent ? nodes.get(node.territory.parent) : undefined;
    if (parentNode && parentNode !== node) parentNode.children.push(node);
    else roots.push(node);
  }
  return roots;
}
