import { describe, expect, it } from 'vitest';
import { cardSubject, plainExcerpt } from './feed.cards.js';

describe('plainExcerpt', () => {
  it('keeps link and image texts, drops markdown punctuation and folds whitespace', () => {
    expect(plainExcerpt('# Le **frigo**  est\n\n> branché : voir [la carte](https://ex.test/c) et ![le frigo](/m/f.webp) `ici` ~~non~~ | a')).toBe('Le frigo est branché : voir la carte et le frigo ici non a');
  });

  it('returns a short text whole, without an ellipsis', () => {
    expect(plainExcerpt('Corvée samedi', 13)).toBe('Corvée samedi');
  });

  it('cuts a long text on a word near the limit and adds an ellipsis', () => {
    expect(plainExcerpt('un deux trois quatre cinq six', 16)).toBe('un deux trois…');
  });

  it('cuts inside a word when the last space is too early', () => {
    expect(plainExcerpt('ab anticonstitutionnellement', 12)).toBe('ab anticonst…');
  });

  it('uses 220 characters by default', () => {
    const long = 'mot '.repeat(100);
    const excerpt = plainExcerpt(long);
    expect(excerpt.endsWith('…')).toBe(true);
    expect(excerpt.length).toBeLessThanOrEqual(221);
    expect(excerpt.length).toBeGreaterThan(200);
  });
});

describe('cardSubject', () => {
  it('is the update, reactable and commentable as an update', () => {
    expect(cardSubject({ subject_type: 'update', subject_id: 'u1', project_id: 'p1' })).toEqual({ type: 'update', id: 'u1', target: 'update' });
  });

  it('is the offer or the board, with no reaction target', () => {
    expect(cardSubject({ subject_type: 'offer', subject_id: 'o1', project_id: null })).toEqual({ type: 'offer', id: 'o1', target: null });
    expect(cardSubject({ subject_type: 'board', subject_id: 'b1', project_id: null })).toEqual({ type: 'board', id: 'b1', target: null });
  });

  it('is the call of a call that opened, with no reaction target', () => {
    expect(cardSubject({ subject_type: 'call', subject_id: 'c1', project_id: null })).toEqual({ type: 'call', id: 'c1', target: null });
  });

  it('is the project for any other subject on a project (a pledge, a need, the project itself)', () => {
    expect(cardSubject({ subject_type: 'pledge', subject_id: 's1', project_id: 'p1' })).toEqual({ type: 'project', id: 'p1', target: 'project' });
    expect(cardSubject({ subject_type: 'need', subject_id: 'n1', project_id: 'p1' })).toEqual({ type: 'project', id: 'p1', target: 'project' });
  });

  it('is nothing for a subject without a project', () => {
    expect(cardSubject({ subject_type: 'pledge', subject_id: 's1', project_id: null })).toBeNull();
  });
});
