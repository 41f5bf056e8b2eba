import { z } from 'zod';
import { ZListQuery } from '../../platform/pagination.js';
import { ZCheckbox } from '../auth/auth.schemas.js';
import { isHttpUrl } from '../me/me.schemas.js';
import { ORGANISATION_KINDS, ORGANISATION_ROLES } from './organisations.tables.js';

const SLUG = /^[a-z0-9-]{1,80}$/;
/** An empty form field means "not given". */
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

export const ZOrganisationParams = z.object({ slug: z.string().trim().toLowerCase().regex(SLUG).max(80) });

const website = z.preprocess(blankToNull, z.string().trim().max(300).refine(isHttpUrl, { message: 'validation.url' }).nullable());
const territory = z.preprocess(blankToNull, z.string().trim().max(80).regex(SLUG, 'validation.choice').nullable());

const fields = {
  name: z.string().trim().min(1).min(2).max(120),
  kind: z.enum(ORGANISATION_KINDS),
  description: z.string().trim().max(5000),
  website,
  territory,
};

export const ZCreateOrganisationBody = z
  .object({ ...fields, description: fields.description.default(''), website: website.default(null), territory: territory.default(null) })
  .strict();
export type TCreateOrganisationBody = z.output<typeof ZCreateOrganisationBody>;

export const ZUpdateOrganisationBody = z
  .object({ name: fields.name.optional(), kind: fields.kind.optional(), description: fields.description.optional(), website: website.optional(), territory: territory.optional() })
  .strict();
export type TUpdateOrganisationBody = z.output<typeof ZUpdateOrganisationBody>;

export const ZAddMemberBody = z
  .object({ handle: z.string().trim().toLowerCase().min(1).max(60), role: z.enum(ORGANISATION_ROLES).default('member') })
  .strict();
export type TAddMemberBody = z.output<typeof ZAddMemberBody>;

/** Signing the charter: the service refuses an unticked box (the honour commitment is explicit). */
export const ZCharterBody = z.object({ accept: ZCheckbox.default(false) }).strict();
export type TCharterBody = z.output<typeof ZCharterBody>;

export const ZOrganisationListQuery = ZListQuery.extend({
  partner: z.preprocess(blankToUndefined, z.enum(['true', 'false']).transform((v) => v === 'true').optional()),
  territory: z.preprocess(blankToUndefined, z.string().trim().max(80).regex(SLUG, 'validation.choice').optional()),
  q: z.preprocess(blankToUndefined, z.string().trim().max(120).optional()),
});
export type TOrganisationListQuery = z.output<typeof ZOrganisationListQuery>;
