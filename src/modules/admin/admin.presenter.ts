import { z } from 'zod';
import { type territories } from '../territories/territories.tables.js';
import { ROLLOUT_STATES, TERRITORY_KINDS } from '../territories/territories.domain.js';
import type { caisses } from '../caisses/caisses.tables.js';

type TerritoryRow = typeof territories.$inferSelect;
type CaisseRow = typeof caisses.$inferSelect;

/** A territory with both languages, as the admin screens and the admin API see it. */
export const ZAdminTerritory = z.object({
  id: z.string(),
  slug: z.string(),
  kind: z.enum(TERRITORY_KINDS),
  parent: z.string().nullable(),
  names: z.object({ fr: z.string(), en: z.string() }),
  descriptions: z.object({ fr: z.string(), en: z.string() }),
  rolloutState: z.enum(ROLLOUT_STATES),
  position: z.number().int(),
  updatedAt: z.string(),
});
export type AdminTerritoryView = z.output<typeof ZAdminTerritory>;

export function presentAdminTerritory(row: TerritoryRow, parentSlug: string | null): AdminTerritoryView {
  return {
    id: row.id,
    slug: row.slug,
    kind: row.kind,
    parent: parentSlug,
    names: { fr: row.nameFr, en: row.nameEn },
    descriptions: { fr: row.descriptionFr, en: row.descriptionEn },
    rolloutState: row.rolloutState,
    position: row.position,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export const ZAdminCaisse = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  descriptions: z.object({ fr: z.string(), en: z.string() }),
  address: z.string(),
  website: z.string().nullable(),
  requiresApproval: z.boolean(),
  territories: z.array(z.string()),
  updatedAt: z.string(),
});
export type AdminCaisseView = z.output<typeof ZAdminCaisse>;

export function presentAdminCaisse(row: CaisseRow, territorySlugs: string[]): AdminCaisseView {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    descriptions: { fr: row.descriptionFr, en: row.descriptionEn },
    address: row.address,
    website: row.website,
    requiresApproval: row.requiresApproval,
    territories: territorySlugs,
    updatedAt: row.updatedAt.toISOString(),
  };
}
