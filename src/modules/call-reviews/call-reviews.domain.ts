/** The call-reviews domain's closed sets and value types; `call-reviews.tables.ts` re-exports them. */

/** A juror scores each criterion from 0 to 10 (whole numbers). */
export const SCORE_MIN = 0;
export const SCORE_MAX = 10;

/** Application statuses set when results are published (the calls module owns the column). */
export const RESULT_STATUSES = ['selected', 'not_selected'] as const;
export type ResultStatus = (typeof RESULT_STATUSES)[number];

/** One line of the published results, frozen at publication (votes of deleted accounts no longer move them). */
export type PublishedLine = {
  applicationId: string;
  projectId: string;
  rank: number;
  juryScore: number | null;
  votes: number;
  voteShare: number | null;
  combinedScore: number | null;
  amountCents: number | null;
};
