import { z } from 'zod';
import { SEARCH_TYPES, type SearchRow, type SearchType } from './search.types.js';

const SUMMARY_MAX = 240;

const ZSearchHit = z.object({
  type: z.enum(SEARCH_TYPES),
  id: z.string(),
  title: z.string(),
  /** Plain text, at most 240 characters (a project's summary, an offer's or organisation's description, a person's visible skills). */
  summary: z.string(),
  /** A same-site path to its page. */
  url: z.string(),
  /** The language it is written in, when known. */
  lang: z.enum(['fr', 'en']).nullable(),
});
export type SearchHit = z.output<typeof ZSearchHit>;
export const ZSearchPage = z.object({ items: z.array(ZSearchHit), nextCursor: z.string().nullable() });

const PATHS: Record<SearchType, (key: string) => string> = {
  project: (key) => `/projets/${encodeURIComponent(key)}`,
  offer: (key) => `/offres/${encodeURIComponent(key)}`,
  organisation: (key) => `/organisations/${encodeURIComponent(key)}`,
  person: (key) => `/membres/${encodeURIComponent(key)}`,
};

/** Collapses whitespace and cuts on a word boundary, with an ellipsis. */
export function shorten(text: string, max = SUMMARY_MAX): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export function presentHit(row: SearchRow): SearchHit {
  return { type: row.type, id: row.id, title: row.title, summary: shorten(row.summary), url: PATHS[row.type](row.key), lang: row.language };
}
