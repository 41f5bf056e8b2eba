import { describe, expect, it } from 'vitest';
import { compareCandidates, mergeCandidates, type MatchCandidate } from './matching.score.js';
import { reasonText } from './matching.presenter.js';
import { translator } from '../../platform/i18n/i18n.js';

const villeray = { slug: 'villeray', nameFr: 'Villeray', nameEn: 'Villeray' };
const candidate = (o: Partial<MatchCandidate> & Pick<MatchCandidate, 'id' | 'score'>): MatchCandidate => ({
  type: 'person',
  recency: '2026-11-01T00:00:00.000000Z',
  reason: { kind: 'person', skills: ['jardinage'], territory: null },
  person: { handle: `h-${o.id}`, displayName: o.id },
  offer: null,
  organisation: null,
  ...o,
});

describe('ranking candidates', () => {
  it('orders by score, then the most recent, then offers before people, then id', () => {
    const list = [
      candidate({ id: 'b', score: 40 }),
      candidate({ id: 'a', score: 40 }),
      candidate({ id: 'c', score: 65 }),
      candidate({ id: 'd', score: 40, recency: '2026-11-02T00:00:00.000000Z' }),
      candidate({ id: 'z', score: 40, type: 'offer' }),
    ];
    expect([...list].sort(compareCandidates).map((c) => c.id)).toEqual(['c', 'd', 'z', 'a', 'b']);
  });

  it('drops a person whose offer is already listed and keeps ten', () => {
    const offer = candidate({ id: 'o1', score: 85, type: 'offer', person: { handle: 'samir', displayName: 'Samir' } });
    const samir = candidate({ id: 'u1', score: 40, person: { handle: 'samir', displayName: 'Samir' } });
    const others = Array.from({ length: 12 }, (_, i) => candidate({ id: `p${String(i).padStart(2, '0')}`, score: 20 }));
    const merged = mergeCandidates([offer], [samir, ...others]);
    expect(merged).toHaveLength(10);
    expect(merged[0]!.id).toBe('o1');
    expect(merged.map((c) => c.id)).not.toContain('u1');
  });
});

describe('the reason, in words', () => {
  const fr = translator('fr');
  const en = translator('en');
  it('names the skill and the neighbourhood of an offer in each language', () => {
    const reason = { kind: 'offer' as const, offerKind: 'expertise' as const, skills: ['tenue de livres'], territory: villeray, partner: false };
    expect(reasonText(fr, 'fr', reason)).toBe('offre « tenue de livres » dans le quartier Villeray');
    expect(reasonText(en, 'en', reason)).toBe('offers tenue de livres in Villeray');
  });

  it('falls back to the kind, says when more skills match and flags partners', () => {
    expect(reasonText(fr, 'fr', { kind: 'offer', offerKind: 'loan', skills: [], territory: null, partner: true })).toBe('offre un prêt — partenaire sur l’honneur');
    expect(reasonText(en, 'en', { kind: 'person', skills: ['bookkeeping', 'taxes', 'payroll'], territory: villeray })).toBe('skilled in bookkeeping, in Villeray (and 2 other skills)');
    expect(reasonText(fr, 'fr', { kind: 'need', skills: ['menuiserie'], territory: null })).toBe('demande « menuiserie »');
  });
});
