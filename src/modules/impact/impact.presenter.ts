import { z } from 'zod';
import type { Locale } from '../../platform/i18n/i18n.js';
import type { ImpactSums, LedgerSums, TerritoryImpactRow } from './impact.types.js';
import { csvCell } from '../../platform/csv.js';

export const NOTHING_PLANNED: LedgerSums = { hours: 0, fundedCents: 0, lentCents: 0, itemsLent: 0, itemsGiven: 0, pledges: 0 };

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
  planned: z.object({
    hours: z.number().int(),
    fundedCents: z.number().int(),
    lentCents: z.number().int(),
    itemsLent: z.number().int(),
    itemsGiven: z.number().int(),
    pledges: z.number().int(),
  }).describe('Fulfilled help whose date has not come yet: shown apart, never in the counted figures above.'),
}).describe('Fulfilled help whose date has come (counted), and apart what is planned.');
export type ImpactTotalsView = z.output<typeof ZImpactTotals>;

export function presentImpact(s: ImpactSums): ImpactTotalsView {
  const p = s.planned ?? NOTHING_PLANNED;
  return {
    hours: s.hours, fundedCents: s.fundedCents, lentCents: s.lentCents, itemsLent: s.itemsLent, itemsGiven: s.itemsGiven, people: s.people, pledges: s.pledges, projects: s.projects, currency: 'CAD',
    planned: { hours: p.hours, fundedCents: p.fundedCents, lentCents: p.lentCents, itemsLent: p.itemsLent, itemsGiven: p.itemsGiven, pledges: p.pledges },
  };
}

/** Column names are machine-readable keys, like the JSON fields. */
export const CSV_COLUMNS = [
  'territory', 'territory_name', 'hours', 'funded_cents', 'lent_cents', 'items_lent', 'items_given', 'people', 'pledges', 'projects',
  'planned_hours', 'planned_funded_cents', 'planned_lent_cents', 'planned_items_lent', 'planned_items_given', 'planned_pledges',
] as const;

export function impactCsv(rows: TerritoryImpactRow[], locale: Locale): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows) {
    const p = r.planned ?? NOTHING_PLANNED;
    const cells = [r.slug, locale === 'fr' ? r.nameFr : r.nameEn, r.hours, r.fundedCents, r.lentCents, r.itemsLent, r.itemsGiven, r.people, r.pledges, r.projects, p.hours, p.fundedCents, p.lentCents, p.itemsLent, p.itemsGiven, p.pledges];
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
