import { z } from 'zod';
import type { Locale } from '../../platform/i18n/i18n.js';
import type { caisses } from './caisses.tables.js';
import { ZTerritoryRef, type TerritoryRef } from '../territories/territories.presenter.js';

type CaisseRecord = typeof caisses.$inferSelect;

export const ZCaisse = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  address: z.string(),
  website: z.string().nullable(),
  territories: z.array(ZTerritoryRef),
});
export type CaisseView = z.output<typeof ZCaisse>;

export const ZCaisseList = z.object({ items: z.array(ZCaisse), nextCursor: z.null() });

/** Public fields only (never staff settings such as requiresApproval). */
export function presentCaisse(row: CaisseRecord, locale: Locale, territories: TerritoryRef[]): CaisseView {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: locale === 'en' ? row.descriptionEn : row.descriptionFr,
    address: row.address,
    website: safeWebsite(row.website),
    territories,
  };
}

/** Only http(s) links are ever shown or linked. */
export function safeWebsite(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.toString() : null;
  } catch {
    return null;
  }
}
