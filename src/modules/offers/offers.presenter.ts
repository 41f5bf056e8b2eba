import { z } from 'zod';
import type { Locale } from '../../platform/i18n/i18n.js';
import { NEED_KINDS, NEED_UNITS } from '../needs/needs.domain.js';
import { UNIT_BY_KIND } from '../needs/needs.status.js';
import { OFFER_PERIODS, OFFER_STATUSES } from './offers.domain.js';
import { fallbackTerritoryId } from './offers.policy.js';
import type { OfferRecord } from './offers.types.js';

export type TerritoryNames = Map<string, { slug: string; nameFr: string; nameEn: string }>;

const ZRef = z.object({ slug: z.string(), name: z.string() });

export const ZOffer = z.object({
  id: z.string(),
  kind: z.enum(NEED_KINDS),
  title: z.string(),
  description: z.string(),
  /** In `unit`: hours, cents (with `currency`) or items; null when the offer names no amount. */
  quantity: z.number().int().nullable(),
  unit: z.enum(NEED_UNITS),
  currency: z.literal('CAD').nullable(),
  period: z.enum(OFFER_PERIODS),
  territories: z.array(ZRef),
  /** True when the offer lists no territory and serves its owner's (or organisation's) own. */
  territoriesFromOwner: z.boolean(),
  skills: z.array(z.string()),
  availability: z.string(),
  status: z.enum(OFFER_STATUSES),
  /** The language the offer is written in. */
  language: z.enum(['fr', 'en']),
  owner: z.object({ handle: z.string(), displayName: z.string() }),
  organisation: ZRef.extend({ partner: z.boolean() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OfferView = z.output<typeof ZOffer>;
export const ZOfferList = z.object({ items: z.array(ZOffer), nextCursor: z.string().nullable() });

function named(ids: string[], names: TerritoryNames, locale: Locale): { slug: string; name: string }[] {
  return ids.flatMap((id) => {
    const t = names.get(id);
    return t ? [{ slug: t.slug, name: locale === 'en' ? t.nameEn : t.nameFr }] : [];
  });
}

/** Whitelists an offer's fields for a viewer (the owner's territory only as their privacy allows). */
export function presentOffer(o: OfferRecord, names: TerritoryNames, locale: Locale, viewer: { id: string } | null): OfferView {
  const unit = UNIT_BY_KIND[o.kind];
  const fromOwner = o.territoryIds.length === 0;
  const fallback = fromOwner ? fallbackTerritoryId(o, o.owner, o.organisation, viewer, o.ownerId) : null;
  return {
    id: o.id,
    kind: o.kind,
    title: o.title,
    description: o.description,
    quantity: o.quantity,
    unit,
    currency: unit === 'cents' ? 'CAD' : null,
    period: o.period,
    territories: named(fromOwner ? (fallback ? [fallback] : []) : o.territoryIds, names, locale),
    territoriesFromOwner: fromOwner,
    skills: [...o.skills],
    availability: o.availability,
    status: o.status,
    language: o.language,
    owner: { handle: o.owner.handle, displayName: o.owner.displayName },
    organisation: o.organisation ? { slug: o.organisation.slug, name: o.organisation.name, partner: o.organisation.partner } : null,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}
