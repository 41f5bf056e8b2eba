import { z } from 'zod';
import { SCORE_MAX, SCORE_MIN } from './call-reviews.domain.js';

const ID = z.string().trim().min(1).max(40);
export const ZCallIdParams = z.object({ id: ID });
export const ZCallSlugParams = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,80}$/) });
export const ZApplicationIdParams = z.object({ id: ID });
export const ZJurorParams = z.object({ id: ID, handle: z.string().trim().min(1).max(60) });
/** A call and one of its applications (votes, awards). */
export const ZCallApplicationParams = z.object({ id: ID, applicationId: ID });

/** Staff add a juror by handle (one of the caisse's staff or delegates). */
export const ZAddJurorBody = z.object({ handle: z.string().trim().min(1).max(60) }).strict();
export type TAddJurorBody = z.output<typeof ZAddJurorBody>;

/** A juror's whole set of declarations: the applications they have a conflict with, each with a reason. */
export const ZConflictsBody = z
  .object({ items: z.array(z.object({ applicationId: ID, reason: z.string().trim().min(3).max(500) }).strict()).max(500) })
  .strict()
  .refine((b) => new Set(b.items.map((i) => i.applicationId)).size === b.items.length, { message: 'validation.invalid', path: ['items'] });
export type TConflictsBody = z.output<typeof ZConflictsBody>;

/** A juror's scores (whole numbers 0..10, one per criterion at most) and optional private note. */
export const ZReviewBody = z
  .object({
    scores: z.array(z.object({ criterionId: ID, score: z.coerce.number().int().min(SCORE_MIN).max(SCORE_MAX) }).strict()).max(20),
    note: z.string().trim().max(4000).optional(),
  })
  .strict()
  .refine((b) => new Set(b.scores.map((s) => s.criterionId)).size === b.scores.length, { message: 'validation.invalid', path: ['scores'] });
export type TReviewBody = z.output<typeof ZReviewBody>;

export const ZVoteBody = z.object({ applicationId: ID }).strict();
export type TVoteBody = z.output<typeof ZVoteBody>;

/** An award in whole dollars from forms, or cents from the API. */
export const ZAwardBody = z.object({ amountCents: z.coerce.number().int().min(1).max(100_000_000_00) }).strict();
export type TAwardBody = z.output<typeof ZAwardBody>;
