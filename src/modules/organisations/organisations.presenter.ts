import { z } from 'zod';
import type { Locale } from '../../platform/i18n/i18n.js';
import { ORGANISATION_KINDS, ORGANISATION_ROLES } from './organisations.domain.js';
import type { MemberRow, OrganisationWithTerritory } from './organisations.types.js';

export const ZOrganisationMember = z.object({ handle: z.string(), displayName: z.string(), role: z.enum(ORGANISATION_ROLES) });

export const ZOrganisation = z.object({
  slug: z.string(),
  name: z.string(),
  kind: z.enum(ORGANISATION_KINDS),
  description: z.string(),
  /** The language the description is written in. */
  language: z.enum(['fr', 'en']),
  website: z.string().nullable(),
  neq: z.string().nullable().describe('Québec enterprise number (10 digits).'),
  logoUrl: z.string().nullable(),
  territory: z.object({ slug: z.string(), name: z.string() }).nullable(),
  partner: z.boolean(),
  /** Since when the organisation is a partner of at least one caisse (null when no partnership is active). */
  partnerSince: z.string().nullable(),
  charterVersion: z.string().nullable(),
  createdAt: z.string(),
});
export type OrganisationView = z.output<typeof ZOrganisation>;

export const ZOrganisationDetail = ZOrganisation.extend({ members: z.array(ZOrganisationMember) });
export type OrganisationDetailView = z.output<typeof ZOrganisationDetail>;
export const ZOrganisationList = z.object({ items: z.array(ZOrganisation), nextCursor: z.string().nullable() });
export type MemberView = z.output<typeof ZOrganisationMember>;

export function presentOrganisation(row: OrganisationWithTerritory, locale: Locale): OrganisationView {
  return {
    slug: row.slug,
    name: row.name,
    kind: row.kind,
    description: row.description,
    language: row.language,
    website: row.website,
    neq: row.neq,
    logoUrl: row.logoKey ? `/media/${row.logoKey}` : null,
    territory: row.territory ? { slug: row.territory.slug, name: locale === 'en' ? row.territory.nameEn : row.territory.nameFr } : null,
    partner: row.charterSignedAt !== null,
    partnerSince: row.charterSignedAt?.toISOString() ?? null,
    charterVersion: row.charterVersion,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentMember(row: MemberRow): MemberView {
  return { handle: row.handle, displayName: row.displayName, role: row.role };
}
