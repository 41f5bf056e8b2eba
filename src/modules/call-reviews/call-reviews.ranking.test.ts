import { describe, expect, it } from 'vitest';
import { combine, rankApplications, spreadOf, weightedReview, type RankingInput, type RankingScore } from './call-reviews.ranking.js';

const criteria = [{ id: 'impact', weight: 3 }, { id: 'feasibility', weight: 1 }];
const review = (jurorId: string, applicationId: string, impact: number, feasibility: number): RankingScore[] => [
  { jurorId, applicationId, criterionId: 'impact', score: impact },
  { jurorId, applicationId, criterionId: 'feasibility', score: feasibility },
];
const base = (over: Partial<RankingInput> = {}): RankingInput => ({ criteria, applicationIds: ['a', 'b'], jurorIds: ['j1', 'j2'], conflicts: [], scores: [], juryWeightPercent: 100, ...over });

describe('weightedReview', () => {
  it('weighs each criterion and normalises 0..10 to 0..100', () => {
    expect(weightedReview(criteria, new Map([['impact', 8], ['feasibility', 4]]))).toBe(70); // (3·8 + 1·4) / 4 × 10
    expect(weightedReview(criteria, new Map([['impact', 10], ['feasibility', 10]]))).toBe(100);
    expect(weightedReview(criteria, new Map([['impact', 0], ['feasibility', 0]]))).toBe(0);
  });
  it('is no review until every criterion is scored', () => {
    expect(weightedReview(criteria, new Map([['impact', 8]]))).toBeNull();
  });
});

describe('spreadOf', () => {
  it('gives the population standard deviation, min and max', () => {
    expect(spreadOf([40, 60])).toEqual({ stdDev: 10, min: 40, max: 60 });
    expect(spreadOf([70])).toEqual({ stdDev: 0, min: 70, max: 70 });
    expect(spreadOf([])).toBeNull();
  });
});

describe('rankApplications', () => {
  it('averages the complete reviews of the jurors and ranks best first', () => {
    const r = rankApplications(base({ scores: [...review('j1', 'a', 8, 4), ...review('j2', 'a', 6, 6), ...review('j1', 'b', 10, 10), ...review('j2', 'b', 9, 5)] }));
    expect(r.lines.map((l) => [l.applicationId, l.rank, l.juryScore])).toEqual([['b', 1, 90], ['a', 2, 65]]);
    expect(r.lines[0]!.spread).toEqual({ stdDev: 10, min: 80, max: 100 });
    expect(r.missing).toEqual([]);
  });

  it('leaves conflicted jurors out of the mean and out of the missing reviews', () => {
    const r = rankApplications(base({ conflicts: [{ jurorId: 'j2', applicationId: 'a' }], scores: [...review('j1', 'a', 8, 4), ...review('j2', 'a', 0, 0)] }));
    const a = r.lines.find((l) => l.applicationId === 'a')!;
    expect(a.juryScore).toBe(70);
    expect(a.reviews).toBe(1);
    expect(a.conflicts).toBe(1);
    expect(r.missing).toEqual([{ jurorId: 'j1', applicationId: 'b' }, { jurorId: 'j2', applicationId: 'b' }]);
  });

  it('lists a partial review as missing and does not count it', () => {
    const r = rankApplications(base({ applicationIds: ['a'], scores: [...review('j1', 'a', 5, 5), { jurorId: 'j2', applicationId: 'a', criterionId: 'impact', score: 10 }] }));
    expect(r.lines[0]!.juryScore).toBe(50);
    expect(r.missing).toEqual([{ jurorId: 'j2', applicationId: 'a' }]);
  });

  it('ignores scores of people no longer on the jury', () => {
    const r = rankApplications(base({ applicationIds: ['a'], jurorIds: ['j1'], scores: [...review('j1', 'a', 5, 5), ...review('gone', 'a', 10, 10)] }));
    expect(r.lines[0]!.juryScore).toBe(50);
  });

  it('puts applications without any review last, unscored', () => {
    const r = rankApplications(base({ scores: review('j1', 'b', 1, 1) }));
    expect(r.lines.map((l) => l.applicationId)).toEqual(['b', 'a']);
    expect(r.lines[1]!.juryScore).toBeNull();
    expect(r.lines[1]!.combinedScore).toBeNull();
  });

  it('gives tied applications the same rank and skips the next one', () => {
    const r = rankApplications(base({ applicationIds: ['a', 'b', 'c'], jurorIds: ['j1'], scores: [...review('j1', 'a', 5, 5), ...review('j1', 'b', 5, 5), ...review('j1', 'c', 1, 1)] }));
    expect(r.lines.map((l) => [l.applicationId, l.rank])).toEqual([['a', 1], ['b', 1], ['c', 3]]);
  });
});

describe('combination with the public vote', () => {
  it('normalises votes to the most voted application and weighs jury and vote as the call states', () => {
    const votes = new Map([['a', 10], ['b', 5]]);
    const scores = [...review('j1', 'a', 4, 4), ...review('j1', 'b', 8, 8)];
    const r = rankApplications(base({ jurorIds: ['j1'], scores, votes, juryWeightPercent: 60 }));
    const a = r.lines.find((l) => l.applicationId === 'a')!;
    const b = r.lines.find((l) => l.applicationId === 'b')!;
    expect(a.voteShare).toBe(100);
    expect(b.voteShare).toBe(50);
    expect(a.combinedScore).toBe(64); // 40 × 0.6 + 100 × 0.4
    expect(b.combinedScore).toBe(68); // 80 × 0.6 + 50 × 0.4
    expect(r.lines[0]!.applicationId).toBe('b');
  });

  it('lets the vote decide alone at 0 % jury weight, and the jury alone at 100 %', () => {
    const votes = new Map([['a', 3], ['b', 1]]);
    const scores = [...review('j1', 'a', 1, 1), ...review('j1', 'b', 9, 9)];
    expect(rankApplications(base({ jurorIds: ['j1'], scores, votes, juryWeightPercent: 0 })).lines[0]!.applicationId).toBe('a');
    expect(rankApplications(base({ jurorIds: ['j1'], scores, votes, juryWeightPercent: 100 })).lines[0]!.applicationId).toBe('b');
  });

  it('gives every share 0 when nobody voted', () => {
    const r = rankApplications(base({ jurorIds: ['j1'], scores: review('j1', 'a', 5, 5), votes: new Map(), juryWeightPercent: 50 }));
    expect(r.lines.find((l) => l.applicationId === 'a')!.combinedScore).toBe(25);
  });

  it('combine(): no vote means the jury score as is', () => {
    expect(combine(72.5, null, 60)).toBe(72.5);
    expect(combine(null, 80, 0)).toBe(80);
    expect(combine(null, 80, 50)).toBeNull();
  });
});
