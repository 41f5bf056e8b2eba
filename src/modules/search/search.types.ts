/** What one search covers, in the order results come. */
export const SEARCH_TYPES = ['project', 'offer', 'organisation', 'person'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/** One match of any type, as the repository reads it. */
export type SearchRow = {
  type: SearchType;
  id: string;
  title: string;
  summary: string;
  /** The last segment of its page's address: an id, an organisation's slug or a person's handle. */
  key: string;
  /** The language it is written in, when known. */
  language: 'fr' | 'en' | null;
  /** The sort key (newest first), with microseconds, for an exact keyset cursor. */
  cursorAt: string;
};

/** Where a page of results starts: after this row of this type. */
export type SearchPosition = { type: SearchType; at: string; id: string };
