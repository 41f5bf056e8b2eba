/** Pure helpers of the feed's cards: what a card is about and the plain excerpt it shows. */
import type { ReactionTarget } from './social.domain.js';
import type { ActivityRow } from './feed.types.js';

/** The kinds of subject a card can show. */
export type CardRefType = 'project' | 'update' | 'offer' | 'board' | 'call';

/** Markdown punctuation out, whitespace folded, cut on a word near `max` characters. */
export function plainExcerpt(text: string, max = 220): string {
  const plain = text.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[#>*_`~|]+/g, '').replace(/\s+/g, ' ').trim();
  if (plain.length <= max) return plain;
  const cut = plain.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The subject a card is about, and what a reaction or a comment on it targets. */
export function cardSubject(a: Pick<ActivityRow, 'subject_type' | 'subject_id' | 'project_id'>): { type: CardRefType; id: string; target: ReactionTarget | null } | null {
  if (a.subject_type === 'update') return { type: 'update', id: a.subject_id, target: 'update' };
  if (a.subject_type === 'offer') return { type: 'offer', id: a.subject_id, target: null };
  if (a.subject_type === 'board') return { type: 'board', id: a.subject_id, target: null };
  if (a.subject_type === 'call') return { type: 'call', id: a.subject_id, target: null };
  if (a.project_id) return { type: 'project', id: a.project_id, target: 'project' };
  return null;
}
