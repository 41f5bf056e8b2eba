/**
 * The ranking of a call's applications, as pure arithmetic (ADR 0021):
 * - a juror's review of an application counts once it scores every criterion; its value is
 *   Σ(weight·score) / Σweight, normalised from 0..10 to 0..100;
 * - the jury score is the mean of the complete reviews of the jurors without a conflict;
 * - the spread is the population standard deviation of those reviews, with their min and max;
 * - a missing review is a juror × application pair with no conflict and no complete review;
 * - with a public vote, the vote share is votes ÷ the most votes any application got × 100, and the
 *   combined score is jury × w + share × (1 − w), w = jury_weight_percent / 100.
 * Ties share a rank (1, 2, 2, 4); the order within a tie is jury score, votes, then id (stable).
 */

export type RankingCriterion = { id: string; weight: number };
export type RankingScore = { applicationId: string; jurorId: string; criterionId: string; score: number };
export type RankingInput = {
  criteria: readonly RankingCriterion[];
  applicationIds: readonly string[];
  jurorIds: readonly string[];
  conflicts: readonly { jurorId: string; applicationId: string }[];
  scores: readonly RankingScore[];
  /** Votes per application; absent when the call has no public vote. */
  votes?: ReadonlyMap<string, number> | undefined;
  juryWeightPercent: number;
};

export type Spread = { stdDev: number; min: number; max: number };
export type RankingLine = {
  applicationId: string;
  rank: number;
  juryScore: number | null;
  reviews: number;
  conflicts: number;
  spread: Spread | null;
  votes: number;
  voteShare: number | null;
  combinedScore: number | null;
};
export type MissingReview = { jurorId: string; applicationId: string };
export type Ranking = { lines: RankingLine[]; missing: MissingReview[] };

const round2 = (n: number) => Math.round(n * 100) / 100;
const pairKey = (jurorId: string, applicationId: string) => `${jurorId}\u0000${applicationId}`;

/** One complete review's weighted score on 0..100, or null when a criterion is not scored yet. */
export function weightedReview(criteria: readonly RankingCriterion[], byCriterion: ReadonlyMap<string, number>): number | null {
  let sum = 0;
  let weights = 0;
  for (const c of criteria) {
    const s = byCriterion.get(c.id);
    if (s === undefined) return null;
    sum += c.weight * s;
    weights += c.weight;
  }
  return weights === 0 ? null : (sum / weights) * 10;
}

export function spreadOf(values: readonly number[]): Spread | null {
  if (values.length === 0) return null;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length;
  return { stdDev: round2(Math.sqrt(variance)), min: round2(Math.min(...values)), max: round2(Math.max(...values)) };
}

/** Combines a jury score and a vote share as the call states; a call without a vote is its jury score. */
export function combine(juryScore: number | null, voteShare: number | null, juryWeightPercent: number): number | null {
  if (voteShare === null) return juryScore;
  const w = juryWeightPercent / 100;
  if (juryScore === null) return w === 0 ? voteShare : null;
  return juryScore * w + voteShare * (1 - w);
}

export function rankApplications(input: RankingInput): Ranking {
  const conflicted = new Set(input.conflicts.map((c) => pairKey(c.jurorId, c.applicationId)));
  const jurors = new Set(input.jurorIds);
  const reviews = new Map<string, Map<string, number>>();
  for (const s of input.scores) {
    if (!jurors.has(s.jurorId) || conflicted.has(pairKey(s.jurorId, s.applicationId))) continue;
    const key = pairKey(s.jurorId, s.applicationId);
    const byCriterion = reviews.get(key) ?? new Map<string, number>();
    byCriterion.set(s.criterionId, s.score);
    reviews.set(key, byCriterion);
  }
  const maxVotes = input.votes ? Math.max(0, ...input.applicationIds.map((id) => input.votes!.get(id) ?? 0)) : 0;
  const missing: MissingReview[] = [];
  const lines = input.applicationIds.map((applicationId) => {
    const values: number[] = [];
    let conflicts = 0;
    for (const jurorId of input.jurorIds) {
      const key = pairKey(jurorId, applicationId);
      if (conflicted.has(key)) {
        conflicts++;
        continue;
      }
      const value = weightedReview(input.criteria, reviews.get(key) ?? new Map());
      if (value === null) missing.push({ jurorId, applicationId });
      else values.push(value);
    }
    const jury = values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
    const votes = input.votes?.get(applicationId) ?? 0;
    const share = input.votes ? (maxVotes === 0 ? 0 : (votes / maxVotes) * 100) : null;
    const combined = combine(jury, share, input.juryWeightPercent);
    return {
      applicationId,
      rank: 0,
      juryScore: jury === null ? null : round2(jury),
      reviews: values.length,
      conflicts,
      spread: spreadOf(values),
      votes,
      voteShare: share === null ? null : round2(share),
      combinedScore: combined === null ? null : round2(combined),
    };
  });
  const desc = (a: number | null, b: number | null) => (b ?? -1) - (a ?? -1);
  lines.sort((a, b) => desc(a.combinedScore, b.combinedScore) || desc(a.juryScore, b.juryScore) || b.votes - a.votes || (a.applicationId < b.applicationId ? -1 : 1));
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    line.rank = previous && previous.combinedScore === line.combinedScore ? previous.rank : i + 1;
  });
  return { lines, missing };
}
