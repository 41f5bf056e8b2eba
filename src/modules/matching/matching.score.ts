import type { NeedKind } from '../needs/needs.domain.js';

/**
 * How candidates are ranked (docs/adr/0007-matching.md). The SQL adds these points; ties go to
 * the most recently updated candidate, then to the smallest id, so the order is always the same.
 */
export const WEIGHTS = {
  /** An offer of the need's kind. */
  sameKind: 40,
  /** Each skill shared with the need (case- and accent-insensitive), counted up to `maxSkills`. */
  skill: 20,
  maxSkills: 3,
  /** The candidate serves (or lives in, when they show it) the project's neighbourhood. */
  sameTerritory: 25,
  /** The offer comes from a partner organisation (honour charter signed). */
  partner: 10,
} as const;

export const MATCH_LIMIT = 10;

export type TerritoryName = { slug: string; nameFr: string; nameEn: string };

/** Why a candidate matches, as structured parts; the words are chosen later, in the reader's language. */
export type MatchReason =
  | { kind: 'offer'; offerKind: NeedKind; skills: string[]; territory: TerritoryName | null; partner: boolean }
  | { kind: 'person'; skills: string[]; territory: TerritoryName | null };

export type MatchCandidate = {
  type: 'offer' | 'person';
  id: string;
  score: number;
  /** Recency tie-break (ISO time with microseconds, so it compares as text). */
  recency: string;
  reason: MatchReason;
  person: { handle: string; displayName: string };
  offer: { id: string; title: string; kind: NeedKind } | null;
  organisation: { slug: string; name: string; partner: boolean } | null;
};

/** Score first, then the most recent, then offers before people, then id: a total, stable order. */
export function compareCandidates(a: MatchCandidate, b: MatchCandidate): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.recency !== b.recency) return a.recency < b.recency ? 1 : -1;
  if (a.type !== b.type) return a.type === 'offer' ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * One ranked list from the best offers and the best people. A person whose offer is already listed
 * is not listed a second time (their offer says more than their profile).
 */
export function mergeCandidates(offers: MatchCandidate[], people: MatchCandidate[], limit = MATCH_LIMIT): MatchCandidate[] {
  const offering = new Set(offers.map((o) => o.person.handle));
  return [...offers, ...people.filter((p) => !offering.has(p.person.handle))].sort(compareCandidates).slice(0, limit);
}
