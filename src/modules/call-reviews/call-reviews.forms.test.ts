import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { amountFromForm, conflictsFromForm, reviewFromForm } from './call-reviews.forms.js';

describe('form bodies', () => {
  it('reads scores, leaves blanks out and flags out-of-range values', () => {
    expect(reviewFromForm({ 'score-a': '7', 'score-b': '', note: ' Bien. ' })).toEqual({ input: { scores: [{ criterionId: 'a', score: 7 }], note: 'Bien.' } });
    expect(reviewFromForm({ 'score-a': '11' })).toEqual({ errors: { 'score-a': { key: 'callReviews.validation.score', params: { min: 0, max: 10 } } } });
    expect(reviewFromForm({ 'score-a': '6.5' })).toHaveProperty('errors');
  });
  it('asks a reason for each ticked conflict', () => {
    expect(conflictsFromForm({ 'conflict-x': 'on', 'reason-x': 'Ma sœur', 'reason-y': 'ignored' })).toEqual({ input: { items: [{ applicationId: 'x', reason: 'Ma sœur' }] } });
    expect(conflictsFromForm({ 'conflict-x': 'on', 'reason-x': ' ' })).toEqual({ errors: { 'reason-x': { key: 'callReviews.validation.reason' } } });
  });
  it('turns dollars into cents, French or English style', () => {
    expect(amountFromForm({ amount: '1 500,50' })).toBe(150_050);
    expect(amountFromForm({ amount: '2500' })).toBe(250_000);
    for (const amount of ['', '0', '-3', 'abc', '1.005']) expect(() => amountFromForm({ amount })).toThrow(AppError);
  });
});
