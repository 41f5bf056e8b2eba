import { z } from 'zod';
import type { Locale } from '../../platform/i18n/i18n.js';
import type { ImpactSums, TerritoryImpactRow } from './impact.types.js';

/** Ledger totals; money in integer cents (CAD). */
export const ZImpactTotals = z.object({
  hours: z.number().int(),
  fundedCents: z.number().int(),
  lentCents: z.number().int(),
  itemsLent: z.number().int(),
  itemsGiven: z.number().int(),
  people: z.number().int().describe('Distinct people who helped (counted through a pseudonymous key).'),
  pledges: z.number().int(),
  projects: z.number().int(),
  currency: z.literal('CAD'),
});
export type ImpactTotalsView = z.output<typeof ZImpactTotals>;

export function presentImpact(s: ImpactSums): ImpactTotalsView {
  return { hours: s.hours, fundedCents: s.fundedCents, lentCents: s.lentCents, itemsLent: s.itemsLent, itemsGiven: s.itemsGiven, people: s.people, pledges: s.pledges, projects: s.projects, currency: 'CAD' };
}

/** Column names are machine-readable keys, like the JSON fields. */
export const CSV_COLUMNS = ['territory', 'territory_name', 'hours', 'funded_cents', 'lent_cents', 'items_lent', 'items_given', 'people', 'pledges', 'projects'] as const;

/** Quotes a CSV cell; a leading = + - @ is neutralised so spreadsheets never run it as a formula. */
export function csvCell(value: string | number): string {
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r;]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function impactCsv(rows: TerritoryImpactRow[], locale: Locale): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows) {
    const cells = [r.slug, locale === 'fr' ? r.nameFr : r.nameEn, r.hours, r.fundedCents, r.lentCents, r.itemsLent, r.itemsGiven, r.people, r.pledges, r.projects];
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
