import { ZQueryBoolean } from '../../platform/validation.js';
import { z } from 'zod';
import { ZListQuery } from '../../platform/pagination.js';
import { isHttpUrl } from '../me/me.schemas.js';
import { ORGANISATION_KINDS } from './organisations.domain.js';

const SLUG = /^[a-z0-9-]{1,80}$/;
/** An empty form field means "not given". */
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

export const ZOrganisationParams = z.object({ slug: z.string().trim().toLowerCase().regex(SLUG).max(80) });

const website = z.preprocess(blankToNull, z.string().trim().max(300).refine(isHttpUrl, { message: 'validation.url' }).nullable());
/** Québec enterprise number: exactly 10 digits (spaces and dashes typed are ignored). */
const neq = z.preprocess((v) => (typeof v === 'string' ? (v.replace(/[\s-]/g, '') === '' ? null : v.replace(/[\s-]/g, '')) : v), z.string().refine((v) => /^\d{10}$/.test(v), { message: 'validation.neq' }).nullable());
const territory = z.preprocess(blankToNull, z.string().trim().max(80).regex(SLUG, 'validation.choice').nullable());

const fields = {
  name: z.string().trim().min(1).min(2).max(120),
  kind: z.enum(ORGANISATION_KINDS),
  description: z.string().trim().max(5000),
  website,
  neq,
  territory,
  /** The language the description is written in; defaults to the author's. */
  language: z.enum(['fr', 'en']),
};

export const ZCreateOrganisationBody = z
  .object({ ...fields, description: fields.description.default(''), website: website.default(null), neq: neq.default(null), territory: territory.default(null), language: z.enum(['fr', 'en']).optional() })
  .strict();
export type TCreateOrganisationBody = z.output<typeof ZCreateOrganisationBody>;

export const ZUpdateOrganisationBody = z
  .object({ name: fields.name.optional(), kind: fields.kind.optional(), description: fields.description.optional(), website: website.optional(), neq: neq.optional(), territory: territory.optional(), language: z.enum(['fr', 'en']).optional() })
  .strict();
export type TUpdateOrganisationBody = z.output<typeof ZUpdateOrganisationBody>;

export const ZAddMemberBody = z
  .object({ handle: z.string().trim().toLowerCase().min(1).max(60), role: z.enum(['representative', 'member']).default('member') })
  .strict();
export type TAddMemberBody = z.output<typeof ZAddMemberBody>;


export const ZOrganisationListQuery = ZListQuery.extend({
  partner: ZQueryBoolean,
  territory: z.preprocess(blankToUndefined, z.string().trim().max(80).regex(SLUG, 'validation.choice').optional()),
  q: z.preprocess(blankToUndefined, z.string().trim().max(120).optional()),
});
export type TOrganisationListQuery = z.output<typeof ZOrganisationListQuery>;
