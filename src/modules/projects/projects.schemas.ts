import { z } from 'zod';
import { ZListQuery } from '../../platform/pagination.js';
import { NEED_KINDS } from '../needs/needs.domain.js';
import { PROJECT_CATEGORIES, PROJECT_STATUSES } from './projects.domain.js';
import { PUBLIC_STATUSES } from './projects.policy.js';

const SLUG = /^[a-z0-9-]{1,80}$/;
/** An empty form field means "not given". */
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const blankToNull = (v: unknown) => (v === '' ? null : v);

export const ZProjectParams = z.object({ id: z.string().min(1).max(40) });
export const ZProjectImageParams = ZProjectParams.extend({ imageId: z.string().min(1).max(40) });
export const ZTeamMemberParams = ZProjectParams.extend({ handle: z.string().min(1).max(60) });

const fields = {
  title: z.string().trim().min(3).max(120),
  summary: z.string().trim().min(10).max(300),
  description: z.string().trim().max(20_000).default(''),
  category: z.enum(PROJECT_CATEGORIES),
  territory: z.string().trim().min(1).max(80).regex(SLUG, 'validation.choice'),
  caisse: z.preprocess(blankToNull, z.string().trim().max(80).regex(SLUG, 'validation.choice').nullable().default(null)),
  language: z.enum(['fr', 'en']).default('fr'),
};

export const ZCreateProjectBody = z.object(fields).strict();
export type TCreateProjectBody = z.output<typeof ZCreateProjectBody>;

export const ZUpdateProjectBody = z
  .object({
    title: fields.title.optional(),
    summary: fields.summary.optional(),
    description: z.string().trim().max(20_000).optional(),
    category: fields.category.optional(),
    territory: fields.territory.optional(),
    caisse: z.preprocess(blankToNull, z.string().trim().max(80).regex(SLUG, 'validation.choice').nullable().optional()),
    language: z.enum(['fr', 'en']).optional(),
  })
  .strict();
export type TUpdateProjectBody = z.output<typeof ZUpdateProjectBody>;

export const ZTransitionBody = z.object({ to: z.enum(PROJECT_STATUSES), note: z.string().trim().max(1000).default('') }).strict();
export type TTransitionBody = z.output<typeof ZTransitionBody>;

export const ZTeamBody = z.object({ handle: z.string().trim().toLowerCase().min(1).max(60) }).strict();

export const ZImageAlt = z.string().trim().min(1).max(200);
export const ZImagePatchBody = z.object({ alt: ZImageAlt.optional(), cover: z.literal(true).optional(), position: z.number().int().min(0).max(9).optional() }).strict();

export const ZUpdateBody = z.object({ title: z.string().trim().min(3).max(140), body: z.string().trim().min(1).max(10_000) }).strict();
export type TUpdateBody = z.output<typeof ZUpdateBody>;

/** The public list's filters (also the GET form of /projets). */
export const ZProjectListQuery = ZListQuery.extend({
  territory: z.preprocess(blankToUndefined, z.string().trim().max(80).regex(SLUG, 'validation.choice').optional()),
  category: z.preprocess(blankToUndefined, z.enum(PROJECT_CATEGORIES).optional()),
  status: z.preprocess(blankToUndefined, z.enum(PUBLIC_STATUSES).optional()),
  needKind: z.preprocess(blankToUndefined, z.enum(NEED_KINDS).optional()),
  q: z.preprocess(blankToUndefined, z.string().trim().max(200).optional()),
});
export type TProjectListQuery = z.output<typeof ZProjectListQuery>;
export type ProjectFilters = Omit<TProjectListQuery, 'limit' | 'cursor'>;
