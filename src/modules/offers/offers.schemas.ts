import { z } from 'zod';
import { ZListQuery } from '../../platform/pagination.js';
import { NEED_KINDS } from '../needs/needs.domain.js';
import { OFFER_PERIODS, OFFER_STATUSES } from './offers.domain.js';

const SLUG = /^[a-z0-9-]{1,80}$/;
const blank = (v: unknown) => typeof v === 'string' && v.trim() === '';
const blankToUndefined = (v: unknown) => (blank(v) ? undefined : v);

export const ZOfferParams = z.object({ id: z.string().min(1).max(40) });

/** JSON numbers, or form strings ("" is "not given"; words are "not valid" rather than "missing"). */
const quantity = z.preprocess((v, ctx) => {
  if (v === null || v === undefined || blank(v)) return null;
  if (typeof v !== 'string') return v;
  if (Number.isFinite(Number(v))) return Number(v);
  ctx.addIssue({ code: 'custom', message: 'validation.invalid' });
  return z.NEVER;
}, z.number().int().min(1).max(100_000_000).nullable());

/** A list in JSON, or "a, b, c" from a form; duplicates dropped case-insensitively. */
const skills = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v),
  z
    .array(z.string().trim().min(1).max(60))
    .max(12)
    .transform((items) => items.filter((v, i) => items.findIndex((w) => w.toLocaleLowerCase() === v.toLocaleLowerCase()) === i)),
);
/** Neighbourhood slugs; a form sends one value as a string and several as an array. */
const territories = z.preprocess(
  (v) => (typeof v === 'string' ? (blank(v) ? [] : [v]) : v),
  z.array(z.string().trim().regex(SLUG, 'validation.choice')).max(20).transform((items) => [...new Set(items)]),
);

const fields = {
  kind: z.enum(NEED_KINDS),
  title: z.string().trim().min(1).min(3).max(120),
  description: z.string().trim().max(5000),
  /** In the kind's unit: hours (volunteering, expertise), cents (funding, loan), items (the others). */
  quantity,
  period: z.enum(OFFER_PERIODS),
  territories,
  skills,
  availability: z.string().trim().max(300),
  status: z.enum(OFFER_STATUSES),
  /** The language the offer is written in; defaults to the author's. */
  language: z.enum(['fr', 'en']),
};

const createShape = {
  ...fields,
  description: fields.description.default(''),
  quantity: quantity.default(null),
  period: fields.period.default('once'),
  territories: territories.default([]),
  skills: skills.default([]),
  availability: fields.availability.default(''),
  status: fields.status.default('active'),
  language: fields.language.optional(),
};


/** An offer by a person, or on behalf of an organisation they represent (`organisation`: its slug). */
export const ZCreateOfferBody = z
  .object({ ...createShape, organisation: z.preprocess((v) => (blank(v) ? null : v), z.string().trim().regex(SLUG, 'validation.choice').nullable().default(null)) })
  .strict();
export type TCreateOfferBody = z.output<typeof ZCreateOfferBody>;
/** The fields an offer is inserted with (by a person or on behalf of an organisation). */
export type TOfferFields = Omit<TCreateOfferBody, 'organisation'>;

export const ZUpdateOfferBody = z
  .object({
    kind: fields.kind.optional(),
    title: fields.title.optional(),
    description: fields.description.optional(),
    quantity: quantity.optional(),
    period: fields.period.optional(),
    territories: territories.optional(),
    skills: skills.optional(),
    availability: fields.availability.optional(),
    status: fields.status.optional(),
    language: fields.language.optional(),
  })
  .strict();
export type TUpdateOfferBody = z.output<typeof ZUpdateOfferBody>;

export const ZOfferListQuery = ZListQuery.extend({
  kind: z.preprocess(blankToUndefined, z.enum(NEED_KINDS).optional()),
  territory: z.preprocess(blankToUndefined, z.string().trim().max(80).regex(SLUG, 'validation.choice').optional()),
  q: z.preprocess(blankToUndefined, z.string().trim().max(120).optional()),
});
export type TOfferListQuery = z.output<typeof ZOfferListQuery>;
export type OfferFilters = Omit<TOfferListQuery, 'limit' | 'cursor'>;
