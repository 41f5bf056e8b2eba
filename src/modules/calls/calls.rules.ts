import type { FieldIssue } from '../../platform/errors.js';
import { CALL_PHASES, type CallPhase } from './calls.domain.js';

/** The settings a call's rules check together (dates, money, vote). */
export type CallShape = {
  budgetCents: number;
  maxPerProjectCents: number;
  opensAt: Date;
  submissionsCloseAt: Date;
  reviewEndsAt: Date;
  voteOpensAt: Date | null;
  voteClosesAt: Date | null;
  resultsAt: Date;
  votesPerMember: number | null;
  juryWeightPercent: number;
};
type Errors = Record<string, FieldIssue>;
const ms = (d: Date) => d.getTime();

/** Dates in order, vote dates both or neither, the maximum within the envelope: field errors, empty when fine. */
export function checkCallShape(c: CallShape): Errors {
  const e: Errors = {};
  if (c.maxPerProjectCents > c.budgetCents) e.maxPerProjectCents = { key: 'calls.validation.maxOverBudget' };
  if (ms(c.submissionsCloseAt) <= ms(c.opensAt)) e.submissionsCloseAt = { key: 'calls.validation.afterOpens' };
  if (ms(c.reviewEndsAt) < ms(c.submissionsCloseAt)) e.reviewEndsAt = { key: 'calls.validation.afterSubmissions' };
  const vote = c.voteOpensAt !== null || c.voteClosesAt !== null;
  if (vote) {
    if (c.voteOpensAt === null) e.voteOpensAt = { key: 'calls.validation.voteBoth' };
    else if (ms(c.voteOpensAt) < ms(c.reviewEndsAt)) e.voteOpensAt = { key: 'calls.validation.afterReview' };
    if (c.voteClosesAt === null) e.voteClosesAt = { key: 'calls.validation.voteBoth' };
    else if (c.voteOpensAt !== null && ms(c.voteClosesAt) <= ms(c.voteOpensAt)) e.voteClosesAt = { key: 'calls.validation.afterVoteOpens' };
    if (c.votesPerMember === null) e.votesPerMember = { key: 'validation.required' };
  }
  const last = c.voteClosesAt ?? c.reviewEndsAt;
  if (ms(c.resultsAt) < ms(last)) e.resultsAt = { key: vote ? 'calls.validation.afterVote' : 'calls.validation.afterReview' };
  return e;
}

/** Publishing needs at least one criterion and one territory, and a submission deadline still ahead. */
export function checkPublishable(c: Pick<CallShape, 'submissionsCloseAt'>, o: { criteria: number; territories: number }, now: Date): Errors {
  const e: Errors = {};
  if (o.criteria === 0) e.criteria = { key: 'calls.validation.needCriterion' };
  if (o.territories === 0) e.territories = { key: 'calls.validation.needTerritory' };
  if (ms(c.submissionsCloseAt) <= ms(now)) e.submissionsCloseAt = { key: 'calls.validation.inFuture' };
  return e;
}

const DATE_PHASE: Record<string, CallPhase> = { opensAt: 'open', submissionsCloseAt: 'review', reviewEndsAt: 'results', voteOpensAt: 'vote', voteClosesAt: 'results', resultsAt: 'results' };
const LOCKED_WHEN_PUBLISHED = ['title', 'theme', 'language', 'membersOnly', 'allowedOrganisationKinds', 'territories', 'budgetCents', 'maxPerProjectCents', 'votesPerMember', 'juryWeightPercent', 'questions', 'criteria'] as const;

/**
 * A published call changes its description and moves dates later only, and never a date whose
 * phase has begun. `patch` holds the fields sent; `current` the call as it is.
 */
export function checkPublishedEdit(phase: CallPhase, current: Record<string, unknown>, patch: Record<string, unknown>): Errors {
  const e: Errors = {};
  for (const key of LOCKED_WHEN_PUBLISHED) if (patch[key] !== undefined) e[key] = { key: 'calls.validation.locked' };
  for (const [key, phaseOfDate] of Object.entries(DATE_PHASE)) {
    const next = patch[key];
    if (!(next instanceof Date)) {
      if (next === null && current[key] !== null) e[key] = { key: 'calls.validation.locked' };
      continue;
    }
    const before = current[key];
    if (!(before instanceof Date)) {
      e[key] = { key: 'calls.validation.locked' };
      continue;
    }
    if (ms(next) === ms(before)) continue;
    if (CALL_PHASES.indexOf(phase) >= CALL_PHASES.indexOf(phaseOfDate)) e[key] = { key: 'calls.validation.locked' };
    else if (ms(next) < ms(before)) e[key] = { key: 'calls.validation.onlyLater' };
  }
  return e;
}
