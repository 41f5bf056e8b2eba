import { sql, type SQL } from 'drizzle-orm';
import { execRows, type Db } from '../../db/client.js';
import type { SearchPosition, SearchRow, SearchType } from './search.types.js';

type Raw = { id: string; title: string; summary: string | null; key: string; language: 'fr' | 'en' | null; cursor_at: string };

const exactTime = (column: string) => sql.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`);
/** `%` and `_` typed by a person are literal characters, not wildcards. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
/**
 * Accent- and case-insensitive containment: "eglise" finds "Église". The expression matches the
 * trigram indexes of migration 0013, so a search does not read whole tables.
 */
const contains = (expression: string, q: string) => {
  // Every word must appear, in any order ("bancs eglise" finds "Bancs d'église"); at most 8 words.
  const words = q.split(/\s+/).filter(Boolean).slice(0, 8);
  return sql`(${sql.join(words.map((w) => sql`public.ec_unaccent(lower(${sql.raw(expression)})) LIKE public.ec_unaccent(lower(${likePattern(w)}))`), sql` AND `)})`;
};
const tsQuery = (q: string) => sql`(websearch_to_tsquery('ec_french', ${q}) || websearch_to_tsquery('ec_english', ${q}))`;
const after = (column: string, position: SearchPosition | undefined) =>
  position ? sql`AND (${sql.raw(column)}, x.id) < (${position.at}::timestamptz, ${position.id})` : sql``;

/**
 * One query per type, all returning the same columns, newest first. Only what anyone may see:
 * published projects, active offers and organisations not hidden by moderation, whose people are
 * active; people by their name and handle, and by skills only when their privacy lets this viewer see them.
 */
const QUERIES: Record<SearchType, (q: string, signedIn: boolean, position: SearchPosition | undefined, limit: number) => SQL> = {
  project: (q, _signedIn, position, limit) => sql`SELECT x.id, x.title, x.summary, x.id AS key, x.language, ${exactTime('x.published_at')} AS cursor_at
    FROM projects x WHERE x.status IN ('published', 'in_progress', 'completed') AND x.published_at IS NOT NULL AND x.hidden_at IS NULL
      AND (x.search_vector @@ ${tsQuery(q)} OR ${contains('x.title', q)}) ${after('x.published_at', position)}
    ORDER BY x.published_at DESC, x.id DESC LIMIT ${limit}`,
  offer: (q, _signedIn, position, limit) => sql`SELECT x.id, x.title, x.description AS summary, x.id AS key, x.language, ${exactTime('x.created_at')} AS cursor_at
    FROM offers x JOIN users u ON u.id = x.owner_id LEFT JOIN organisations g ON g.id = x.organisation_id
    WHERE x.status = 'active' AND x.hidden_at IS NULL AND g.hidden_at IS NULL AND u.deleted_at IS NULL AND u.suspended_at IS NULL
      AND ${contains(`x.title || ' ' || x.description`, q)} ${after('x.created_at', position)}
    ORDER BY x.created_at DESC, x.id DESC LIMIT ${limit}`,
  organisation: (q, _signedIn, position, limit) => sql`SELECT x.id, x.name AS title, x.description AS summary, x.slug AS key, x.language, ${exactTime('x.created_at')} AS cursor_at
    FROM organisations x WHERE x.hidden_at IS NULL AND ${contains(`x.name || ' ' || x.description`, q)} ${after('x.created_at', position)}
    ORDER BY x.created_at DESC, x.id DESC LIMIT ${limit}`,
  person: (q, signedIn, position, limit) => {
    const skillsVisible = signedIn ? sql`x.privacy->>'skills' IN ('public', 'members')` : sql`x.privacy->>'skills' = 'public'`;
    return sql`SELECT x.id, x.display_name AS title, CASE WHEN ${skillsVisible} THEN array_to_string(x.skills, ', ') ELSE '' END AS summary, x.handle AS key, x.locale AS language,
        ${exactTime('x.created_at')} AS cursor_at
      FROM users x WHERE x.deleted_at IS NULL AND x.suspended_at IS NULL
        AND (${contains(`x.display_name || ' ' || x.handle`, q)} OR (${skillsVisible} AND ${contains(`array_to_string(x.skills, ' ')`, q)})) ${after('x.created_at', position)}
      ORDER BY x.created_at DESC, x.id DESC LIMIT ${limit}`;
  },
};

export const searchRepository = {
  /** Up to `limit` matches of one type, after `position` when it is of this type. */
  async ofType(db: Db, type: SearchType, q: string, signedIn: boolean, limit: number, position?: SearchPosition): Promise<SearchRow[]> {
    const rows = await execRows<Raw>(db, QUERIES[type](q, signedIn, position?.type === type ? position : undefined, limit));
    return rows.map((r) => ({ type, id: r.id, title: r.title, summary: r.summary ?? '', key: r.key, language: r.language, cursorAt: r.cursor_at }));
  },
};
