import { z } from 'zod';
import { CALL_PHASES } from '../calls/calls.domain.js';
import { ZCallApplicationFile } from '../calls/calls.presenter.js';
import { projectUrl } from '../projects/projects.presenter.js';
import type { CallRow, CompetingApplication } from './call-reviews.repository.js';

/** The call as review pages and the API name it. */
export const ZReviewCallRef = z.object({ id: z.string(), slug: z.string(), title: z.string(), phase: z.enum(CALL_PHASES), caisse: z.object({ slug: z.string(), name: z.string() }), hasVote: z.boolean(), resultsPublished: z.boolean() });
export type ReviewCallRef = z.output<typeof ZReviewCallRef>;
export const presentCallRef = (c: CallRow): ReviewCallRef => ({
  id: c.id, slug: c.slug, title: c.title, phase: c.phase, caisse: { slug: c.caisseSlug, name: c.caisseName }, hasVote: c.voteOpensAt !== null, resultsPublished: c.publishedResultsAt !== null,
});

const ZProjectRef = z.object({ id: z.string(), title: z.string(), url: z.string(), language: z.enum(['fr', 'en']) });
export const projectRef = (a: Pick<CompetingApplication, 'projectId' | 'projectTitle' | 'projectLanguage'>) => ({ id: a.projectId, title: a.projectTitle, url: projectUrl(a.projectId), language: a.projectLanguage });

/** A juror as staff see them; both names are null once the person deleted their account. */
export const ZJuror = z.object({ handle: z.string().nullable(), displayName: z.string().nullable(), addedAt: z.string() });
export const ZJuryCandidate = z.object({ handle: z.string(), displayName: z.string(), role: z.enum(['staff', 'delegate']) });
export const ZJury = z.object({ call: ZReviewCallRef, jurors: z.array(ZJuror), candidates: z.array(ZJuryCandidate), can: z.object({ manage: z.boolean() }) });
export type JuryView = z.output<typeof ZJury>;

/** One application in a juror's queue: a conflicted one shows its title only. */
export const ZQueueItem = z.object({
  applicationId: z.string(), project: ZProjectRef, conflicted: z.boolean(), conflictReason: z.string(), scoredCriteria: z.number().int(), reviewed: z.boolean(),
});
export const ZReviewQueue = z.object({
  call: ZReviewCallRef,
  criteriaCount: z.number().int(),
  items: z.array(ZQueueItem),
  /** "7 of 12 reviewed": complete reviews over the applications without a conflict. */
  progress: z.object({ reviewed: z.number().int(), total: z.number().int() }),
  can: z.object({ score: z.boolean(), declare: z.boolean() }),
});
export type ReviewQueueView = z.output<typeof ZReviewQueue>;

export const ZCriterion = z.object({ id: z.string(), label: z.string(), description: z.string(), weight: z.number().int() });
/** An answer; a `file` question's is its document (`file`, null when none), `value` then stays null (ADR 0024). */
export const ZAnswer = z.object({ questionId: z.string(), label: z.string(), kind: z.string(), value: z.union([z.string(), z.number()]).nullable(), file: ZCallApplicationFile.nullable() });
export const ZReviewForm = z.object({
  call: ZReviewCallRef,
  application: z.object({ id: z.string(), project: ZProjectRef, summary: z.string(), requestedCents: z.number().int().nullable(), answers: z.array(ZAnswer) }),
  criteria: z.array(ZCriterion),
  scores: z.array(z.object({ criterionId: z.string(), score: z.number().int() })),
  /** Private: this juror's own note (the caisse's staff read it too). */
  note: z.string(),
  editable: z.boolean(),
  progress: z.object({ reviewed: z.number().int(), total: z.number().int() }),
});
export type ReviewFormView = z.output<typeof ZReviewForm>;

const ZSpread = z.object({ stdDev: z.number(), min: z.number(), max: z.number() });
export const ZRankingLine = z.object({
  rank: z.number().int(),
  applicationId: z.string(),
  project: ZProjectRef,
  requestedCents: z.number().int().nullable(),
  juryScore: z.number().nullable(),
  reviews: z.number().int(),
  conflicts: z.number().int(),
  spread: ZSpread.nullable(),
  votes: z.number().int(),
  voteShare: z.number().nullable(),
  combinedScore: z.number().nullable(),
  awardCents: z.number().int().nullable(),
  notes: z.array(z.object({ juror: z.string(), note: z.string() })),
});
export const ZRanking = z.object({
  call: ZReviewCallRef,
  juryWeightPercent: z.number().int(),
  lines: z.array(ZRankingLine),
  missing: z.array(z.object({ juror: z.object({ handle: z.string().nullable(), displayName: z.string().nullable() }), applicationId: z.string(), project: ZProjectRef })),
  budget: z.object({ envelopeCents: z.number().int(), maxPerProjectCents: z.number().int(), awardedCents: z.number().int(), remainingCents: z.number().int() }),
  can: z.object({ award: z.boolean(), publish: z.boolean() }),
});
export type RankingView = z.output<typeof ZRanking>;
export type RankingLineView = z.output<typeof ZRankingLine>;

export const ZBallot = z.object({
  call: ZReviewCallRef,
  votesPerMember: z.number().int(),
  used: z.number().int(),
  remaining: z.number().int(),
  closesAt: z.string().nullable(),
  items: z.array(z.object({ applicationId: z.string(), project: ZProjectRef, summary: z.string(), voted: z.boolean() })),
  can: z.object({ vote: z.boolean() }),
  /** Why the caller may not vote: sign in, verify the e-mail, live in the call's territories, or the vote is not open. */
  reason: z.enum(['signIn', 'verify', 'territory', 'phase']).nullable(),
});
export type BallotView = z.output<typeof ZBallot>;

export const ZResultsLine = z.object({
  rank: z.number().int(), project: ZProjectRef, winner: z.boolean(), amountCents: z.number().int().nullable(),
  juryScore: z.number().nullable(), votes: z.number().int(), voteShare: z.number().nullable(), combinedScore: z.number().nullable(),
});
/** Public results: winners, amounts and combined scores; never a private note nor one juror's scores. */
export const ZResults = z.object({
  call: ZReviewCallRef,
  publishedAt: z.string().nullable(),
  juryWeightPercent: z.number().int(),
  budgetCents: z.number().int(),
  awardedCents: z.number().int(),
  lines: z.array(ZResultsLine),
});
export type ResultsView = z.output<typeof ZResults>;
export const ZVoteResult = z.object({ used: z.number().int(), remaining: z.number().int(), voted: z.array(z.string()) });
