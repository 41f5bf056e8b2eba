import { z } from 'zod';
import type { Locale } from '../../platform/i18n/i18n.js';
import { ROLLOUT_STATES, TERRITORY_KINDS } from './territories.tables.js';
import type { TerritoryRow } from './territories.repository.js';

export function territoryName(row: Pick<TerritoryRow, 'nameFr' | 'nameEn'>, locale: Locale): string {
  return locale === 'en' ? row.nameEn : row.nameFr;
}

export const ZTerritory = z.object({
  id: z.string(),
  slug: z.string(),
  kind: z.enum(TERRITORY_KINDS),
  name: z.string(),
  names: z.object({ fr: z.string(), en: z.string() }),
  description: z.string(),
  parent: z.string().nullable(),
  rolloutState: z.enum(ROLLOUT_STATES),
  caisses: z.array(z.object({ slug: z.string(), name: z.string() })),
  hasBoundary: z.boolean(),
});
export type TerritoryView = z.output<typeof ZTerritory>;

export function presentTerritory(row: TerritoryRow, locale: Locale, parentSlug: string | null, caisses: { slug: string; name: string }[]): TerritoryView {
  return {
    id: row.id,
    slug: row.slug,
    kind: row.kind,
    name: territoryName(row, locale),
    names: { fr: row.nameFr, en: row.nameEn },
    description: locale === 'en' ? row.descriptionEn : row.descriptionFr,
    parent: parentSlug,
    rolloutState: row.rolloutState,
    caisses,
    hasBoundary: row.boundary !== null && row.boundary !== undefined,
  };
}
