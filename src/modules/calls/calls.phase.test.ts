import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { acceptsSubmissions, assertPhase, canTransition, dueTransition, nextPhase, phasesOf, type PhasedCall } from './calls.phase.js';

const d = (day: number) => new Date(Date.UTC(2027, 0, day));
const call = (o: Partial<PhasedCall> = {}): PhasedCall => ({ phase: 'draft', opensAt: d(1), submissionsCloseAt: d(10), reviewEndsAt: d(20), voteOpensAt: null, voteClosesAt: null, resultsAt: d(25), publishedAt: d(0), ...o });
const voting = (o: Partial<PhasedCall> = {}) => call({ voteOpensAt: d(21), voteClosesAt: d(24), ...o });

describe('call phases', () => {
  it('go one step at a time, skipping the vote when the call has none', () => {
    expect(phasesOf(call())).toEqual(['draft', 'open', 'review', 'results', 'closed']);
    expect(phasesOf(voting())).toEqual(['draft', 'open', 'review', 'vote', 'results', 'closed']);
    expect(nextPhase(call({ phase: 'review' }))).toBe('results');
    expect(nextPhase(voting({ phase: 'review' }))).toBe('vote');
    expect(nextPhase(call({ phase: 'closed' }))).toBeNull();
    expect(canTransition(call({ phase: 'open' }), 'results')).toBe(false);
    expect(canTransition(call({ phase: 'review' }), 'vote')).toBe(false);
    expect(canTransition(voting({ phase: 'vote' }), 'results')).toBe(true);
  });

  it('are due by date, a draft only once published, and never to closed', () => {
    expect(dueTransition(call({ publishedAt: null }), d(5))).toBeNull();
    expect(dueTransition(call(), d(1))).toBe('open');
    expect(dueTransition(call({ phase: 'open' }), d(9))).toBeNull();
    expect(dueTransition(call({ phase: 'open' }), d(10))).toBe('review');
    expect(dueTransition(call({ phase: 'review' }), d(24))).toBeNull();
    expect(dueTransition(call({ phase: 'review' }), d(25))).toBe('results');
    expect(dueTransition(voting({ phase: 'review' }), d(21))).toBe('vote');
    expect(dueTransition(voting({ phase: 'vote' }), d(25))).toBe('results');
    expect(dueTransition(call({ phase: 'results' }), d(400))).toBeNull();
  });

  it('refuse an action outside its phase with CALL_PHASE_CLOSED naming the current phase', () => {
    expect(() => assertPhase(call({ phase: 'review' }), 'review')).not.toThrow();
    let err: unknown;
    try {
      assertPhase(call({ phase: 'open' }), 'review', 'vote');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('CALL_PHASE_CLOSED');
    expect((err as AppError).details).toMatchObject({ phase: 'open', allowed: ['review', 'vote'], messageParams: { phase: 'open' } });
  });

  it('accept submissions while open and before the deadline, even when the job lags', () => {
    expect(acceptsSubmissions(call({ phase: 'open' }), d(9))).toBe(true);
    expect(acceptsSubmissions(call({ phase: 'open' }), d(10))).toBe(false);
    expect(acceptsSubmissions(call({ phase: 'draft' }), d(5))).toBe(false);
  });
});
