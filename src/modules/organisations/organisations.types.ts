import type { organisations } from './organisations.tables.js';
import type { OrganisationRole } from './organisations.domain.js';

export type OrganisationRow = typeof organisations.$inferSelect;
export type NewOrganisation = typeof organisations.$inferInsert;
export type TerritoryRef = { slug: string; nameFr: string; nameEn: string };
/** `cursorAt`: createdAt with its microseconds, for an exact keyset cursor. */
export type OrganisationWithTerritory = OrganisationRow & { territory: TerritoryRef | null; cursorAt: string };
export type MemberRow = { userId: string; handle: string; displayName: string; role: OrganisationRole; since: Date };
export type OrganisationRef = { id: string; slug: string; name: string };
export type OrganisationListFilters = { partner?: boolean | undefined; territoryId?: string | undefined; q?: string | undefined };
