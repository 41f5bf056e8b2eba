import { z } from 'zod';
import { ROLLOUT_STATES, TERRITORY_KINDS } from '../territories/territories.domain.js';
import { ROLES } from '../auth/auth.domain.js';
import { ZCheckbox, ZEmail } from '../auth/auth.schemas.js';

const SLUG = /^[a-z0-9-]{2,60}$/;
const blankTo = (to: null | undefined) => (v: unknown) => (typeof v === 'string' && v.trim() === '' ? to : v);

/** Lower-case letters, digits and hyphens: the part of a public address (/territoires/<slug>). */
const ZSlug = z.string().trim().min(1).refine((v) => SLUG.test(v), { message: 'validation.slugFormat' });
const ZSlugRef = z.string().trim().max(60);
const ZName = z.string().trim().min(1).min(2).max(120);
const ZDescription = z.string().trim().max(2000);
const ZPosition = z.preprocess(blankTo(undefined), z.coerce.number().int().min(0).max(10_000).optional());
/** A parent territory's slug; blank or null means a top-level territory. */
const ZParent = z.preprocess(blankTo(null), ZSlugRef.nullable());
/** http(s) only: no javascript:, data: or mailto: links on a caisse page. */
const ZWebsite = z.preprocess(blankTo(null), z.url({ protocol: /^https?$/, hostname: z.regexes.domain }).max(300).nullable());
/** Checkbox lists arrive as one string or several; JSON sends an array. */
const ZSlugList = z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(ZSlugRef).max(200));

export const ZTerritoryCreateBody = z.strictObject({
  slug: ZSlug,
  kind: z.enum(TERRITORY_KINDS),
  parent: ZParent.optional(),
  nameFr: ZName,
  nameEn: ZName,
  descriptionFr: ZDescription.default(''),
  descriptionEn: ZDescription.default(''),
  rolloutState: z.enum(ROLLOUT_STATES).default('planned'),
  position: ZPosition,
});
export type TTerritoryCreateBody = z.output<typeof ZTerritoryCreateBody>;

export const ZTerritoryPatchBody = z.strictObject({
  nameFr: ZName.optional(),
  nameEn: ZName.optional(),
  descriptionFr: ZDescription.optional(),
  descriptionEn: ZDescription.optional(),
  parent: ZParent.optional(),
  position: ZPosition,
  rolloutState: z.enum(ROLLOUT_STATES).optional(),
});
export type TTerritoryPatchBody = z.output<typeof ZTerritoryPatchBody>;

/** The rollout form of one row of the territories table. */
const caisseDetails = {
  descriptionFr: ZDescription,
  descriptionEn: ZDescription,
  address: z.string().trim().max(300),
  website: ZWebsite,
};

export const ZCaisseCreateBody = z.strictObject({
  slug: ZSlug,
  name: ZName,
  descriptionFr: caisseDetails.descriptionFr.default(''),
  descriptionEn: caisseDetails.descriptionEn.default(''),
  address: caisseDetails.address.default(''),
  website: ZWebsite.optional(),
  requiresApproval: ZCheckbox.default(false),
  territories: ZSlugList.default([]),
});
export type TCaisseCreateBody = z.output<typeof ZCaisseCreateBody>;

/** Partial update: a field left out stays as it is. */
export const ZCaissePatchBody = z.strictObject({
  name: ZName.optional(),
  descriptionFr: caisseDetails.descriptionFr.optional(),
  descriptionEn: caisseDetails.descriptionEn.optional(),
  address: caisseDetails.address.optional(),
  website: ZWebsite.optional(),
  requiresApproval: z.boolean().optional(),
  territories: ZSlugList.optional(),
});
export type TCaissePatchBody = z.output<typeof ZCaissePatchBody>;

/** The HTML edit form sends every field; an unticked box or an empty list is absent. */
export const ZCaisseEditForm = z.strictObject({
  name: ZName,
  ...caisseDetails,
  requiresApproval: ZCheckbox,
  territories: ZSlugList.default([]),
});

export const ZRoleGrantBody = z.strictObject({
  email: ZEmail,
  role: z.enum(ROLES),
  /** The caisse's slug: required for staff and moderators, ignored for admins. */
  caisse: z.preprocess(blankTo(undefined), ZSlugRef.optional()).optional(),
});
export type TRoleGrantBody = z.output<typeof ZRoleGrantBody>;

export const ZSlugParams = z.object({ slug: z.string().max(60) });
export const ZIdParams = z.object({ id: z.string().max(40) });
/** Page listings: `?avant=<cursor>` for the next (older) page. */
export const ZPageQuery = z.object({ avant: z.string().max(200).optional() });
