import { z } from 'zod';
import { FIELD_VISIBILITIES, PROFILE_FIELDS } from '../auth/auth.domain.js';
import { ZCheckbox, ZTokenLifetime } from '../auth/auth.schemas.js';

export { ZChangePasswordBody } from '../auth/auth.schemas.js';

const HANDLE_PATTERN = /^[a-z0-9-]{3,40}$/;
export const LIMITS = { bio: 2000, tags: 20, tag: 60, links: 5, linkLabel: 60, linkUrl: 500 } as const;

/** Only absolute http(s) addresses: no javascript:, data:, relative or protocol-relative links. */
export function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

const ZTag = z.string().trim().min(1).max(LIMITS.tag);
/** A list of short tags (skills, interests); duplicates are dropped, case-insensitively. */
const ZTags = z
  .array(ZTag)
  .max(LIMITS.tags)
  .transform((items) => items.filter((v, i) => items.findIndex((w) => w.toLocaleLowerCase() === v.toLocaleLowerCase()) === i));
const ZLinkLabel = z.string().trim().min(1).max(LIMITS.linkLabel);
const ZLinkUrl = z.string().trim().min(1).max(LIMITS.linkUrl).refine(isHttpUrl, { message: 'validation.url' });
const ZVisibility = z.enum(FIELD_VISIBILITIES);
const ZPrivacyPatch = z.strictObject(Object.fromEntries(PROFILE_FIELDS.map((f) => [f, ZVisibility.optional()])) as Record<(typeof PROFILE_FIELDS)[number], z.ZodOptional<typeof ZVisibility>>);

const fields = {
  displayName: z.string().trim().min(2).max(80),
  handle: z.string().trim().toLowerCase().refine((v) => HANDLE_PATTERN.test(v), { message: 'validation.handleFormat' }),
  bio: z.string().trim().max(LIMITS.bio),
  skills: ZTags,
  interests: ZTags,
  links: z.array(z.strictObject({ label: ZLinkLabel, url: ZLinkUrl })).max(LIMITS.links),
  /** Slug of a neighbourhood, or null to say nothing about where one lives. */
  territory: z.string().trim().max(80).nullable(),
  locale: z.enum(['fr', 'en']),
  privacy: ZPrivacyPatch,
  indexable: z.boolean(),
};

/** PATCH /api/v1/me: every field optional; anything not listed (e-mail, roles…) is refused. */
export const ZUpdateMeBody = z.strictObject({
  displayName: fields.displayName.optional(),
  handle: fields.handle.optional(),
  bio: fields.bio.optional(),
  skills: fields.skills.optional(),
  interests: fields.interests.optional(),
  links: fields.links.optional(),
  territory: fields.territory.optional(),
  locale: fields.locale.optional(),
  privacy: fields.privacy.optional(),
  indexable: fields.indexable.optional(),
});
export type TUpdateMeBody = z.output<typeof ZUpdateMeBody>;

/** One link row of the HTML form: both empty means "no link here"; otherwise both are needed. */
const ZFormLinkRow = z
  .object({ label: z.string().trim().max(LIMITS.linkLabel), url: z.string().trim().max(LIMITS.linkUrl) })
  .superRefine((row, ctx) => {
    if (!row.label && !row.url) return;
    if (!row.label) ctx.addIssue({ code: 'custom', path: ['label'], message: 'validation.required' });
    if (!row.url) ctx.addIssue({ code: 'custom', path: ['url'], message: 'validation.required' });
    else if (!isHttpUrl(row.url)) ctx.addIssue({ code: 'custom', path: ['url'], message: 'validation.url' });
  });

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const splitList = (v: unknown) => text(v).split(',').map((s) => s.trim()).filter(Boolean);

/** The flat HTML form (`links.0.url`, `privacy.bio`, comma-separated lists) turned into the API's shape. */
function profileFormToBody(form: Record<string, unknown>): Record<string, unknown> {
  return {
    displayName: text(form.displayName),
    handle: text(form.handle),
    bio: text(form.bio),
    skills: splitList(form.skills),
    interests: splitList(form.interests),
    links: Array.from({ length: LIMITS.links }, (_, i) => ({ label: text(form[`links.${i}.label`]), url: text(form[`links.${i}.url`]) })),
    territory: text(form.territory) || null,
    locale: form.locale,
    privacy: Object.fromEntries(PROFILE_FIELDS.map((f) => [f, form[`privacy.${f}`]])),
    indexable: form.indexable,
  };
}

/** The profile form: the same rules as the API, with error paths that match the form's field names. */
export const ZProfileForm = z.preprocess(
  (v) => profileFormToBody((v ?? {}) as Record<string, unknown>),
  z.strictObject({
    ...fields,
    privacy: z.strictObject(Object.fromEntries(PROFILE_FIELDS.map((f) => [f, ZVisibility])) as Record<(typeof PROFILE_FIELDS)[number], typeof ZVisibility>),
    links: z.array(ZFormLinkRow).max(LIMITS.links).transform((rows) => rows.filter((r) => r.label || r.url)),
    indexable: ZCheckbox,
  }),
);

export const ZCreateTokenBody = z.object({ name: z.string().trim().min(1).max(60), expiresInDays: ZTokenLifetime });
export const ZTokenParams = z.object({ id: z.string().min(1).max(64) });
