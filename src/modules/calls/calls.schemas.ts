import { z } from 'zod';
import { ZListQuery } from '../../platform/pagination.js';
import { ORGANISATION_KINDS } from '../organisations/organisations.domain.js';
import { CALL_LANGUAGES, CALL_LIMITS, CALL_PHASES, QUESTION_KINDS } from './calls.domain.js';
import { parseCallDate } from './calls.dates.js';

const SLUG = /^[a-z0-9-]{1,80}$/;
const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
const blankToUndefined = (v: unknown) => (blank(v) ? undefined : v);
const blankToNull = (v: unknown) => (blank(v) ? null : v);
/** A form sends one value as a string, several as an array, none as nothing. */
const list = <T extends z.ZodType>(item: T, max: number) =>
  z.preprocess((v) => (typeof v === 'string' ? (blank(v) ? [] : [v]) : v), z.array(item).max(max).transform((items) => [...new Set(items)]));
/** Checkboxes send "on"/"true"; JSON sends booleans. */
const flag = z.preprocess((v) => (v === 'on' || v === 'true' || v === '1' ? true : v === 'false' || v === '0' || v === '' ? false : v), z.boolean());

/** An instant: ISO 8601 with a zone, or a form's `datetime-local` read in Montréal. */
function toInstant(v: unknown, ctx: z.core.$RefinementCtx): unknown {
  if (v instanceof Date) return v;
  if (typeof v !== 'string' || blank(v)) return v;
  const d = parseCallDate(v.trim());
  if (d) return d;
  ctx.addIssue({ code: 'custom', message: 'validation.format' });
  return z.NEVER;
}
const instant = z.preprocess(toInstant, z.date());
/** An optional instant: blank or null is none. */
const instantString = z.string().transform((v, ctx) => {
  const d = parseCallDate(v.trim());
  if (d) return d;
  ctx.addIssue({ code: 'custom', message: 'validation.format' });
  return z.NEVER;
});
const instantOrNull = z.preprocess((v) => (blank(v) ? null : v instanceof Date ? v.toISOString() : v), instantString.nullable());
const cents = z.number().int().min(1).max(100_000_000_000);

export const ZCallParams = z.object({ id: z.string().min(1).max(80) });
export const ZApplicationParams = z.object({ id: z.string().min(1).max(40) });

const ZQuestionInput = z
  .object({
    kind: z.enum(QUESTION_KINDS),
    label: z.string().trim().min(1).max(300),
    help: z.string().trim().max(1000).default(''),
    required: flag.default(false),
    /** For `choice` questions: the options (one per line in the form). */
    choices: z.preprocess(
      (v) => (typeof v === 'string' ? v.split(/\r?\n/).map((s) => s.trim()).filter(Boolean) : v),
      z.array(z.string().trim().min(1).max(120)).max(CALL_LIMITS.choices),
    ).default([]),
    maxLength: z.preprocess(blankToNull, z.coerce.number().int().min(1).max(CALL_LIMITS.longText).nullable()).default(null),
  })
  .superRefine((q, ctx) => {
    if (q.kind === 'choice' && q.choices.length < 2) ctx.addIssue({ code: 'custom', path: ['choices'], message: 'calls.validation.choices' });
  });
export type TQuestionInput = z.output<typeof ZQuestionInput>;

const ZCriterionInput = z.object({
  label: z.string().trim().min(1).max(200),
  description: z.string().trim().max(1000).default(''),
  weight: z.coerce.number().int().min(1).max(100),
});
export type TCriterionInput = z.output<typeof ZCriterionInput>;

const callFields = {
  title: z.string().trim().min(3).max(140),
  theme: z.string().trim().min(2).max(80),
  description: z.string().trim().max(10_000),
  language: z.enum(CALL_LANGUAGES),
  membersOnly: flag,
  allowedOrganisationKinds: list(z.enum(ORGANISATION_KINDS), ORGANISATION_KINDS.length),
  /** Territory slugs; each must be served by the call's caisse. */
  territories: list(z.string().trim().regex(SLUG, 'validation.choice'), 50),
  budgetCents: cents,
  maxPerProjectCents: cents,
  opensAt: instant,
  submissionsCloseAt: instant,
  reviewEndsAt: instant,
  voteOpensAt: instantOrNull,
  voteClosesAt: instantOrNull,
  resultsAt: instant,
  votesPerMember: z.preprocess(blankToNull, z.coerce.number().int().min(1).max(20).nullable()),
  juryWeightPercent: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(100).optional()),
  questions: z.array(ZQuestionInput).max(CALL_LIMITS.questions),
  criteria: z.array(ZCriterionInput).max(CALL_LIMITS.criteria),
};

/** A new call (a draft). `caisse`: the slug of the caisse it belongs to (optional when the author works for one caisse only). */
export const ZCreateCallBody = z
  .object({
    caisse: z.preprocess(blankToUndefined, z.string().trim().regex(SLUG, 'validation.choice').optional()),
    ...callFields,
    description: callFields.description.default(''),
    language: callFields.language.default('fr'),
    membersOnly: callFields.membersOnly.default(false),
    allowedOrganisationKinds: callFields.allowedOrganisationKinds.default([]),
    voteOpensAt: callFields.voteOpensAt.default(null),
    voteClosesAt: callFields.voteClosesAt.default(null),
    votesPerMember: callFields.votesPerMember.default(null),
    questions: callFields.questions.default([]),
    criteria: callFields.criteria.default([]),
  })
  .strict();
export type TCreateCallBody = z.output<typeof ZCreateCallBody>;

/** A partial change. Drafts change freely; once published only the description and dates moved later are accepted. */
export const ZUpdateCallBody = z
  .object({
    title: callFields.title.optional(),
    theme: callFields.theme.optional(),
    description: callFields.description.optional(),
    language: callFields.language.optional(),
    membersOnly: callFields.membersOnly.optional(),
    allowedOrganisationKinds: callFields.allowedOrganisationKinds.optional(),
    territories: callFields.territories.optional(),
    budgetCents: cents.optional(),
    maxPerProjectCents: cents.optional(),
    opensAt: instant.optional(),
    submissionsCloseAt: instant.optional(),
    reviewEndsAt: instant.optional(),
    voteOpensAt: callFields.voteOpensAt.optional(),
    voteClosesAt: callFields.voteClosesAt.optional(),
    resultsAt: instant.optional(),
    votesPerMember: callFields.votesPerMember.optional(),
    juryWeightPercent: callFields.juryWeightPercent,
    questions: callFields.questions.optional(),
    criteria: callFields.criteria.optional(),
  })
  .strict();
export type TUpdateCallBody = z.output<typeof ZUpdateCallBody>;

export const ZTransitionBody = z.object({ to: z.enum(CALL_PHASES) }).strict();
export type TTransitionBody = z.output<typeof ZTransitionBody>;

export const ZCallListQuery = ZListQuery.extend({
  when: z.preprocess(blankToUndefined, z.enum(['open', 'upcoming', 'past']).optional()),
  territory: z.preprocess(blankToUndefined, z.string().trim().max(80).regex(SLUG, 'validation.choice').optional()),
  caisse: z.preprocess(blankToUndefined, z.string().trim().max(80).regex(SLUG, 'validation.choice').optional()),
});
export type TCallListQuery = z.output<typeof ZCallListQuery>;

/** An answer: text or a number, validated against the call's questions by the service (`file` questions are answered by upload, ADR 0024). */
const answerValue = z.union([z.string().max(CALL_LIMITS.longText + 100), z.number()]);
const answers = z.record(z.string().max(40), answerValue);
const requested = z.preprocess(blankToNull, cents.nullable());

/** A promoter's application: `submit: false` keeps a draft (answers may be incomplete). */
export const ZApplyBody = z
  .object({
    project: z.string().trim().min(1).max(40),
    requestedCents: requested.default(null),
    answers: answers.default({}),
    submit: flag.default(false),
  })
  .strict();
export type TApplyBody = z.output<typeof ZApplyBody>;

/** The applicant edits (`save` keeps the status, `submit` submits a draft) or withdraws. */
export const ZUpdateApplicationBody = z
  .object({
    requestedCents: requested.optional(),
    answers: answers.optional(),
    action: z.enum(['save', 'submit', 'withdraw']).default('save'),
  })
  .strict();
export type TUpdateApplicationBody = z.output<typeof ZUpdateApplicationBody>;

export const ZApplicationListQuery = ZListQuery.extend({
  status: z.preprocess(blankToUndefined, z.enum(['draft', 'submitted', 'withdrawn', 'selected', 'not_selected']).optional()),
});
export type TApplicationListQuery = z.output<typeof ZApplicationListQuery>;

export const ZApplicationFileParams = z.object({ id: z.string().min(1).max(80), applicationId: z.string().min(1).max(40), questionId: z.string().min(1).max(40) });
