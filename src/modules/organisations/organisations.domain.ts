/** The organisations domain's closed sets and value types; `organisations.tables.ts` uses them and re-exports them. */
export const ORGANISATION_KINDS = ['business', 'community', 'cooperative', 'professional', 'public'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export const ORGANISATION_ROLES = ['owner', 'representative', 'member'] as const;
export type OrganisationRole = (typeof ORGANISATION_ROLES)[number];
/** Roles that speak for the organisation: sign its charter, pledge on its honour, manage it. */
export const SPEAKING_ROLES = ['owner', 'representative'] as const;
