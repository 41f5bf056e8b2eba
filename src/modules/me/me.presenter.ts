import { z } from 'zod';
import { type users } from '../auth/auth.tables.js';
import { FIELD_VISIBILITIES, PROFILE_FIELDS } from '../auth/auth.domain.js';

type UserRow = typeof users.$inferSelect;

const ZVisibility = z.enum(FIELD_VISIBILITIES);
export const ZPrivacy = z.object(Object.fromEntries(PROFILE_FIELDS.map((f) => [f, ZVisibility])) as Record<(typeof PROFILE_FIELDS)[number], typeof ZVisibility>);
export const ZLink = z.object({ label: z.string(), url: z.string() });

export const ZMe = z.object({
  id: z.string(),
  handle: z.string(),
  email: z.string(),
  emailVerified: z.boolean(),
  displayName: z.string(),
  locale: z.enum(['fr', 'en']),
  territory: z.string().nullable(),
  bio: z.string(),
  skills: z.array(z.string()),
  interests: z.array(z.string()),
  links: z.array(ZLink),
  photoUrl: z.string().nullable(),
  privacy: ZPrivacy,
  indexable: z.boolean(),
  roles: z.array(z.object({ role: z.enum(['staff', 'moderator', 'admin', 'delegate']), caisse: z.string().nullable() })),
  createdAt: z.string(),
});
export type MeView = z.output<typeof ZMe>;

export function photoUrl(key: string | null): string | null {
  return key ? `/media/${key}` : null;
}

/** The owner's own view: every field, including e-mail and privacy settings. Never the hash. */
export function presentMe(user: UserRow, territorySlug: string | null, roles: { role: 'staff' | 'moderator' | 'admin' | 'delegate'; caisseSlug: string | null }[]): MeView {
  return {
    id: user.id,
    handle: user.handle,
    email: user.email,
    emailVerified: !!user.emailVerifiedAt,
    displayName: user.displayName,
    locale: user.locale,
    territory: territorySlug,
    bio: user.bio,
    skills: user.skills,
    interests: user.interests,
    links: user.links,
    photoUrl: photoUrl(user.photoKey),
    privacy: user.privacy,
    indexable: user.indexable,
    roles: roles.map((r) => ({ role: r.role, caisse: r.caisseSlug })),
    createdAt: user.createdAt.toISOString(),
  };
}

/** A personal access token as its owner sees it: never the token itself nor its hash. */
export const ZApiToken = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  /** Every token expires (30, 90 or 365 days after creation); older tokens may have none. */
  expiresAt: z.iso.datetime().nullable(),
});
export type ApiTokenView = z.output<typeof ZApiToken>;

export function presentToken(row: { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; expiresAt: Date | null }): ApiTokenView {
  return { id: row.id, name: row.name, prefix: row.prefix, createdAt: row.createdAt.toISOString(), lastUsedAt: row.lastUsedAt?.toISOString() ?? null, expiresAt: row.expiresAt?.toISOString() ?? null };
}
