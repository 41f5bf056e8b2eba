import { z } from 'zod';
import type { Locale } from '../../platform/i18n/i18n.js';
import { DELEGATE_APPLICATION_STATUSES } from './delegates.domain.js';
import type { ApplicationRecord, CampaignRow, DelegateRecord, TerritoryCountRow } from './delegates.repository.js';

const ZRef = z.object({ slug: z.string(), name: z.string() });
const named = (t: { slug: string; nameFr: string; nameEn: string }, locale: Locale) => ({ slug: t.slug, name: locale === 'en' ? t.nameEn : t.nameFr });

export const ZCampaign = z.object({
  id: z.string(),
  caisse: ZRef,
  deadline: z.string(),
  termStart: z.string(),
  termEnd: z.string(),
  intro: z.string(),
  /** False once the deadline has passed: the form closes and the API refuses applications. */
  open: z.boolean(),
});
export type CampaignView = z.output<typeof ZCampaign>;

export function presentCampaign(c: CampaignRow, caisse: { slug: string; name: string }, locale: Locale, open: boolean): CampaignView {
  return {
    id: c.id,
    caisse: { slug: caisse.slug, name: caisse.name },
    deadline: c.deadline.toISOString(),
    termStart: c.termStart.toISOString(),
    termEnd: c.termEnd.toISOString(),
    intro: locale === 'en' ? c.introEn : c.introFr,
    open,
  };
}

/** An application as its author and the caisse's staff see it (never public). */
export const ZApplication = z.object({
  id: z.string(),
  status: z.enum(DELEGATE_APPLICATION_STATUSES),
  person: z.object({ handle: z.string(), displayName: z.string() }),
  territory: ZRef,
  motivation: z.string(),
  availability: z.string(),
  decisionMessage: z.string(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type ApplicationView = z.output<typeof ZApplication>;
export const ZApplicationList = z.object({ items: z.array(ZApplication), nextCursor: z.string().nullable() });

export function presentApplication(a: ApplicationRecord, locale: Locale): ApplicationView {
  return {
    id: a.id,
    status: a.status,
    person: { handle: a.person.handle, displayName: a.person.displayName },
    territory: named(a.territory, locale),
    motivation: a.motivation,
    availability: a.availability,
    decisionMessage: a.decisionMessage,
    decidedAt: a.decidedAt ? a.decidedAt.toISOString() : null,
    createdAt: a.createdAt.toISOString(),
  };
}

/** A delegate in their term, as the public sees them: name, territory, end of term. */
export const ZDelegate = z.object({ handle: z.string(), displayName: z.string(), territory: ZRef.nullable(), termEnd: z.string().nullable() });
export type DelegateView = z.output<typeof ZDelegate>;
export const ZDelegateList = z.object({ items: z.array(ZDelegate), nextCursor: z.null() });

export function presentDelegate(d: DelegateRecord, locale: Locale): DelegateView {
  return { handle: d.handle, displayName: d.displayName, territory: d.territory ? named(d.territory, locale) : null, termEnd: d.expiresAt ? d.expiresAt.toISOString() : null };
}

const ZTerritoryCount = z.object({ territory: ZRef, pending: z.number().int(), approved: z.number().int(), declined: z.number().int() });
export type TerritoryCountView = z.output<typeof ZTerritoryCount>;

/** Rows (territory × status) folded into one line per territory, every served territory listed. */
export function presentCounts(rows: TerritoryCountRow[], served: { slug: string; nameFr: string; nameEn: string }[], locale: Locale): TerritoryCountView[] {
  const lines = new Map(served.map((t) => [t.slug, { territory: named(t, locale), pending: 0, approved: 0, declined: 0 }]));
  for (const r of rows) {
    const line = lines.get(r.slug) ?? { territory: named(r, locale), pending: 0, approved: 0, declined: 0 };
    line[r.status] += r.n;
    lines.set(r.slug, line);
  }
  return [...lines.values()];
}

export const ZDashboard = z.object({
  campaign: ZCampaign.nullable(),
  counts: z.array(ZTerritoryCount),
  totals: z.object({ pending: z.number().int(), approved: z.number().int(), declined: z.number().int() }),
});
export type DashboardView = z.output<typeof ZDashboard>;
