/** The auth domain's closed sets and value types; `auth.tables.ts` uses them and re-exports them. */
export const FIELD_VISIBILITIES = ['public', 'members', 'private'] as const;
export type FieldVisibility = (typeof FIELD_VISIBILITIES)[number];
export const PROFILE_FIELDS = ['photo', 'bio', 'skills', 'interests', 'territory', 'links'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];
export type ProfilePrivacy = Record<ProfileField, FieldVisibility>;
export type ProfileLink = { label: string; url: string };
export const ONE_TIME_PURPOSES = ['verify_email', 'password_reset'] as const;
export type OneTimePurpose = (typeof ONE_TIME_PURPOSES)[number];
export const CONSENT_PURPOSES = ['terms', 'newsletter'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
/** Platform admin (no caisse) or caisse-scoped: staff, moderator, delegate (for a term: `expiresAt`), caisse admin. */
export const ROLES = ['staff', 'moderator', 'admin', 'delegate'] as const;
export type Role = (typeof ROLES)[number];
